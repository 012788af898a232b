// Node-only file helpers: atomic writes (temp file + rename) and reads that fail with InputError.

import { readFileSync, renameSync, rmSync, writeFileSync, mkdirSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { InputError } from "../errors.js";

/** Writes `data` to a temporary file beside `path`, then renames it into place. */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Reads a file, turning "missing" and "unreadable" into InputError for `field`. */
export function readInput(path: string, field: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "a directory" : `unreadable (${code ?? String(err)})`;
    throw new InputError(field, "a readable file", `${JSON.stringify(path)}: ${why}`);
  }
}

/** Reads and parses a JSON file, turning malformed JSON into InputError for `field`. */
export function readJson(path: string, field: string): unknown {
  const text = readInput(path, field).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError(field, "valid JSON", `${JSON.stringify(path)}: ${(err as Error).message}`);
  }
}
