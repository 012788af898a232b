// Canonical JSON (sorted keys, no whitespace), the rounding rule for values, and the content hash.

import { sha256 } from "../util/sha256.js";

/** Significant digits kept for every float in a trace. */
export const TRACE_PRECISION = 6;

/**
 * The rounding rule: a value is stored as Number(v.toPrecision(6)), six significant
 * digits. ECMAScript specifies toPrecision exactly, so every engine rounds the same.
 */
export function roundValue(v: number): number {
  if (!Number.isFinite(v)) throw new RangeError(`trace values must be finite, got ${v}`);
  const r = Number(v.toPrecision(TRACE_PRECISION));
  return r === 0 ? 0 : r; // no -0
}

/** JSON with object keys sorted by UTF-16 code unit at every level and no whitespace. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") {
    const s = JSON.stringify(value);
    if (s === undefined) throw new TypeError(`cannot serialise ${String(value)}`);
    return s;
  }
  if (Array.isArray(value)) {
    // a tensor's numbers: JSON.stringify writes each as canonicalJson would, in one native call
    if (value.every((x) => typeof x === "number")) return JSON.stringify(value);
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(",")}}`;
}

/** sha256 of the canonical JSON of everything but the `hash` field itself. */
export function contentHash(trace: object): string {
  const rest: Record<string, unknown> = { ...trace };
  delete rest.hash;
  return sha256(canonicalJson(rest));
}
