// `abacus vocab`: lists the words the model knows.

import { resolve } from "node:path";
import { DEFAULT_WEIGHTS, readModel } from "../model/files.js";
import { parse } from "./args.js";

export const usage = `Usage: abacus vocab [--json] [--weights FILE]

Lists the model's vocabulary, one word per line (or a JSON array with --json).
Prompts may use only these words; punctuation is split off and case is ignored.`;

export function run(argv: string[]): number {
  const { values } = parse(argv, { json: { type: "boolean" }, weights: { type: "string" } });
  const { tokenizer } = readModel(typeof values.weights === "string" ? resolve(values.weights) : DEFAULT_WEIGHTS);
  console.log(values.json ? JSON.stringify(tokenizer.vocab) : tokenizer.vocab.join("\n"));
  return 0;
}
