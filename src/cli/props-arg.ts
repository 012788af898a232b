// The --props argument: inline JSON (starts with "{" or "[") or a path to a JSON file.

import { InputError } from "../errors.js";
import { readJson } from "../util/files.js";

/** The --props value as JSON, not yet validated ({} when absent). */
export function readPropsJson(value: unknown): unknown {
  if (value === undefined) return {};
  const text = String(value);
  if (/^\s*[[{]/.test(text)) {
    try {
      return JSON.parse(text);
    } catch (err) {
      throw new InputError("--props", "valid JSON", (err as Error).message);
    }
  }
  return readJson(text, "--props");
}
