// The repository root: ABACUS_ROOT (set by bin/abacus.mjs), else the nearest "abacus" package above the
// running script or the working directory. (No import.meta: remotion.config.ts is bundled to CommonJS.)

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

function isAbacusRoot(dir: string): boolean {
  const pkg = join(dir, "package.json");
  if (!existsSync(pkg)) return false;
  try {
    return (JSON.parse(readFileSync(pkg, "utf8")) as { name?: string }).name === "abacus";
  } catch {
    return false;
  }
}

function searchUp(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (isAbacusRoot(dir)) return dir;
    if (dirname(dir) === dir) return null;
  }
}

export function findRepoRoot(): string {
  const env = process.env.ABACUS_ROOT;
  if (env && isAbacusRoot(env)) return resolve(env);
  const script = process.argv[1];
  return (script ? searchUp(dirname(script)) : null) ?? searchUp(process.cwd()) ?? process.cwd();
}
