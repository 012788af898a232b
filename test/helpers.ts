// Test helpers: run the real `abacus` command in a child process; temporary folders.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..");
export const BIN = join(ROOT, "bin", "abacus.mjs");

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function abacus(args: string[], cwd = ROOT): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", maxBuffer: 64 << 20 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "abacus-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export const listDir = (dir: string) => readdirSync(dir).sort();
