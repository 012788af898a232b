// The --props argument: inline JSON (starts with "{" or "[") or a path to a JSON file, validated by the props schema.

import { InputError } from "../errors.js";
import { type ExplainerProps, parseProps } from "../story/props.js";
import { readJson } from "../util/files.js";

export function readPropsArg(value: unknown): ExplainerProps {
  if (value === undefined) return parseProps({});
  const text = String(value);
  if (/^\s*[[{]/.test(text)) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (err) {
      throw new InputError("--props", "valid JSON", (err as Error).message);
    }
    return parseProps(json);
  }
  return parseProps(readJson(text, "--props"));
}
