// `abacus heads`: every attention head's measured scores and role, as a table or JSON.

import { resolve } from "node:path";
import { DEFAULT_WEIGHTS, readModel } from "../model/files.js";
import { type HeadScores, measureHeads, ROLE_THRESHOLD } from "../model/heads.js";
import { parse } from "./args.js";

export const usage = `Usage: abacus heads [--json] [--weights FILE]

Measures what every attention head of the model does, on the held-out probes, and
prints one row per head (or, with --json, an array of
{ "layer", "head", "previousToken", "induction", "duplicateToken", "colourBinding",
"copyCue", "role" }):

  previousToken   mean attention from each position to the one just before it
  induction       on the copy probes ("anna has a red kite . anna likes the red"),
                  attention from the second colour to the thing after the first
  duplicateToken  on the copy probes, attention from the second colour to the first
  colourBinding   on the copy probes, attention from the thing to the colour before it
  copyCue         on the copy probes, attention from the second colour to "likes"
  role            the name of the highest score when it is at least ${ROLE_THRESHOLD}, else none

The scores are computed from the weights; the shipped manifest records the same.`;

const pct = (x: number) => `${(100 * x).toFixed(1)}%`.padStart(7);

export function formatHeads(heads: readonly HeadScores[]): string {
  const rows = heads.map((h) =>
    [h.layer, h.head].map((x) => String(x).padStart(5)).join("") +
    [h.previousToken, h.induction, h.duplicateToken, h.colourBinding, h.copyCue].map((x) => pct(x).padStart(10)).join("") +
    `  ${h.role ?? "-"}`);
  const header = ["layer", "head"].map((x) => x.padStart(5)).join("") +
    ["previous", "induction", "duplicate", "binding", "copy-cue"].map((x) => x.padStart(10)).join("") + "  role";
  return [header, ...rows].join("\n");
}

export function run(argv: string[]): number {
  const { values } = parse(argv, { json: { type: "boolean" }, weights: { type: "string" } });
  const { params, tokenizer } = readModel(typeof values.weights === "string" ? resolve(values.weights) : DEFAULT_WEIGHTS);
  const heads = measureHeads(params, tokenizer);
  console.log(values.json ? JSON.stringify(heads, null, 2) : formatHeads(heads));
  return 0;
}
