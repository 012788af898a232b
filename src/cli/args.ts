// Argument parsing for the `abacus` subcommands: node's parseArgs plus typed number checks.

import { parseArgs, type ParseArgsConfig } from "node:util";
import { InputError } from "../errors.js";

/** A mistake in how the command was called (exit code 2), distinct from bad file content. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export type Options = NonNullable<ParseArgsConfig["options"]>;

export function parse(argv: string[], options: Options, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

/** An integer option in [min, max], or `fallback` when absent. */
export function intOption(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (typeof value !== "string" || value.trim() === "" || !Number.isInteger(n) || n < min || n > max) {
    throw new InputError(name, `an integer from ${min} to ${max}`, JSON.stringify(value));
  }
  return n;
}
