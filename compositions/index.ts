// Remotion entry point: registers the root of all compositions.
import { registerRoot } from "remotion";
import { Root } from "./Root.js";

registerRoot(Root);
