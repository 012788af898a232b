// The defaultProps written in compositions/AbacusRoot.tsx (what the Studio saves), read the way the Studio reads them.

import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { REPO_ROOT } from "../model/files.js";

export const REGISTRY_FILE = join(REPO_ROOT, "compositions", "AbacusRoot.tsx");

/**
 * The inline defaultProps object of a composition in the registry, or {} when it has none that
 * the Studio could edit (Blank takes the schema's defaults). Read with the same function the
 * Studio uses to decide what it may save, loaded only when needed (it takes ~0.2 s).
 */
export function registryDefaults(compositionId: string, file = REGISTRY_FILE): Record<string, unknown> {
  const require = createRequire(join(REPO_ROOT, "package.json"));
  const { CodemodsInternals } = require("@remotion/codemods") as typeof import("@remotion/codemods");
  const r = CodemodsInternals.computeCanUpdateDefaultPropsFromContent(readFileSync(file, "utf8"), compositionId);
  return r.canUpdate ? (r.currentDefaultProps as Record<string, unknown>) : {};
}
