// `abacus export --format hf DIR`: the shipped model as a Hugging Face GPT-2 checkpoint folder.

import { relative, resolve } from "node:path";
import { writeCheckpoint } from "../checkpoint/export.js";
import { wordLevelTokenizerJson } from "../checkpoint/tokenizer-files.js";
import { InputError } from "../errors.js";
import { DEFAULT_WEIGHTS, readModel } from "../model/files.js";
import { parse, UsageError } from "./args.js";

export const usage = `Usage: abacus export --format hf DIR [--dtype F32|F16] [--weights FILE]

Writes the built-in model as a Hugging Face GPT-2 checkpoint into DIR (new or empty):
config.json (GPT2Config), model.safetensors (GPT2LMHeadModel's tensor names, Conv1D
matrices stored (in, out), lm_head tied to wte) and tokenizer.json (its word-level
vocabulary: lower-cased, split on spaces, . , ! ? ; : on their own).
transformers loads it with GPT2LMHeadModel.from_pretrained(DIR), and
\`abacus trace --model DIR\` traces the same tokens and values as the built-in model.

  --format hf     the only format so far
  --dtype F32     store float32 (default, exact) or F16 (half the size, rounded)
  --weights FILE  model weights (default assets/model.bin, manifest beside it)`;

export function run(argv: string[]): number {
  const { values, positionals } = parse(argv, { format: { type: "string" }, dtype: { type: "string" }, weights: { type: "string" } }, true);
  if (values.format !== "hf") throw new InputError("--format", '"hf" (a Hugging Face GPT-2 checkpoint)', JSON.stringify(values.format ?? null));
  if (positionals.length !== 1) throw new UsageError(`expected one folder to write, got ${positionals.length}`);
  const dtype = values.dtype ?? "F32";
  if (dtype !== "F32" && dtype !== "F16") throw new InputError("--dtype", "F32 or F16", JSON.stringify(dtype));
  const model = readModel(typeof values.weights === "string" ? resolve(values.weights) : DEFAULT_WEIGHTS);
  const tokenizer = JSON.stringify(wordLevelTokenizerJson(model.tokenizer.vocab), null, 2) + "\n";
  const files = writeCheckpoint(positionals[0], model.params, { "tokenizer.json": tokenizer }, { dtype }, "DIR");
  console.log(`wrote ${files.join(", ")} in ${relative(process.cwd(), resolve(positionals[0])) || "."} (${model.params.config.vocabSize} words, ${model.params.data.length} parameters, ${dtype})`);
  return 0;
}
