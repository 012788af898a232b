// Remotion entry point: registers the root of all compositions. Named <name>-entry.ts so that the
// Studio finds the registry beside it (AbacusRoot.tsx) and can save edited props there.
import { registerRoot } from "remotion";
import { AbacusRoot } from "./AbacusRoot.js";

registerRoot(AbacusRoot);
