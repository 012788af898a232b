// Finds the browser to render with, synchronously: explicit setting, the npm-shipped Chromium, a system one, or none.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync, chmodSync } from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { brotliDecompressSync } from "node:zlib";
import { REPO_ROOT } from "../model/files.js";

const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

export interface BrowserChoice {
  /** Path of the executable, or null to let Remotion download its own Chrome Headless Shell. */
  path: string | null;
  source: "ABACUS_BROWSER" | "@sparticuz/chromium" | "system" | "remotion-download";
}

/** Extracts the regular files of an uncompressed tar archive into `dir` (all we need for swiftshader). */
function untar(tar: Buffer, dir: string): void {
  for (let o = 0; o + 512 <= tar.length; ) {
    const name = tar.toString("utf8", o, o + 100).replace(/\0.*$/s, "");
    if (!name) break;
    const size = parseInt(tar.toString("utf8", o + 124, o + 136).replace(/\0.*$/s, "").trim() || "0", 8);
    const type = String.fromCharCode(tar[o + 156]);
    if ((type === "0" || type === "\0") && !name.includes("..")) {
      mkdirSync(join(dir, dirname(name)), { recursive: true });
      writeFileSync(join(dir, name), tar.subarray(o + 512, o + 512 + size));
    }
    o += 512 + Math.ceil(size / 512) * 512;
  }
}

/** Where the npm-shipped Chromium is unpacked: one folder per package version, shared by every render. */
export function chromiumCacheDir(version: string): string {
  const base = process.env.ABACUS_CACHE_DIR ?? (existsSync(join(REPO_ROOT, "node_modules")) ? join(REPO_ROOT, "node_modules", ".cache", "abacus") : join(homedir(), ".cache", "abacus"));
  return join(base, `sparticuz-chromium-${version}`);
}

/**
 * Unpacks @sparticuz/chromium (brotli-packed Chromium + SwiftShader) once, atomically:
 * into a fresh temporary folder beside the cache folder, renamed into place when complete.
 * Concurrent callers either find the finished folder or race on the rename, which only
 * one wins; the loser removes its copy and uses the winner's.
 */
export function unpackSparticuz(pkgDir: string, version: string): string {
  const dir = chromiumCacheDir(version);
  const exe = join(dir, "chromium");
  if (existsSync(exe)) return exe;
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = mkdtempSync(`${dir}.tmp-`);
  try {
    writeFileSync(join(tmp, "chromium"), brotliDecompressSync(readFileSync(join(pkgDir, "bin", "chromium.br"))));
    chmodSync(join(tmp, "chromium"), 0o755);
    untar(brotliDecompressSync(readFileSync(join(pkgDir, "bin", "swiftshader.tar.br"))), tmp);
    chmodSync(tmp, 0o755);
    try {
      renameSync(tmp, dir);
    } catch (err) {
      if (!existsSync(exe)) throw err; // someone else finished first: use theirs
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return exe;
}

function sparticuz(): string | null {
  if (process.platform !== "linux" || process.arch !== "x64") return null;
  try {
    const require = createRequire(join(REPO_ROOT, "package.json"));
    let dir = dirname(require.resolve("@sparticuz/chromium"));
    while (!existsSync(join(dir, "bin", "chromium.br"))) {
      if (dirname(dir) === dir) return null;
      dir = dirname(dir);
    }
    const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
    return unpackSparticuz(dir, version);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "MODULE_NOT_FOUND") return null;
    throw err;
  }
}

let chosen: BrowserChoice | undefined;

/** The browser for every render, CLI, Studio and test alike; decided once per process. */
export function findBrowser(): BrowserChoice {
  if (chosen) return chosen;
  const explicit = process.env.ABACUS_BROWSER;
  if (explicit) {
    if (!existsSync(explicit)) throw new Error(`ABACUS_BROWSER is set to ${JSON.stringify(explicit)}, which does not exist`);
    chosen = { path: explicit, source: "ABACUS_BROWSER" };
  } else {
    const packed = sparticuz();
    const system = SYSTEM_BROWSERS.find((p) => existsSync(p));
    chosen = packed ? { path: packed, source: "@sparticuz/chromium" } : system ? { path: system, source: "system" } : { path: null, source: "remotion-download" };
  }
  return chosen;
}
