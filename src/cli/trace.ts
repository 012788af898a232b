// `abacus trace`: runs a prompt through the shipped model and prints (or writes) its trace JSON.

import { resolve } from "node:path";
import { loadCheckpoint } from "../checkpoint/load.js";
import { InputError } from "../errors.js";
import { DEFAULT_WEIGHTS, readModel } from "../model/files.js";
import { buildTrace } from "../trace/build.js";
import { parseTrace, serializeTrace } from "../trace/io.js";
import { readJson, writeFileAtomic } from "../util/files.js";
import { intOption, parse } from "./args.js";

export const usage = `Usage: abacus trace --prompt TEXT [--out FILE] [--top K] [--weights FILE | --model DIR]
       abacus trace --check FILE

Runs TEXT through the model and prints its trace: every intermediate tensor by id
(tokEmb, posEmb, x0, l0.ln1, l0.h0.q ... l0.h0.att, l0.attY ... l1.resid2, lnf,
logits, probs), the tokens, the greedy next token, the top K, and a sha256 hash of
the canonical content. Values keep 6 significant digits.

  --prompt TEXT   words from the vocabulary (see \`abacus vocab\`), or any text a --model's tokenizer encodes
  --out FILE      write the trace to FILE instead of printing it
  --top K         how many most likely next tokens to list (default 5)
  --weights FILE  model weights (default assets/model.bin, manifest beside it)
  --model DIR     a Hugging Face GPT-2 checkpoint folder: config.json, model.safetensors,
                  and tokenizer.json or vocab.json + merges.txt. A vocabulary above 1024
                  words keeps each position's top K (at least 10) in vocabTop, not every logit.
  --check FILE    validate a trace file (schema, tensors, hash) and print a summary`;

export function run(argv: string[]): number {
  const { values } = parse(argv, {
    prompt: { type: "string" },
    out: { type: "string" },
    top: { type: "string" },
    weights: { type: "string" },
    model: { type: "string" },
    check: { type: "string" },
  });
  if (typeof values.check === "string") {
    const trace = parseTrace(readJson(values.check, "--check"), values.check);
    console.log(`ok ${trace.hash} "${trace.tokens.join(" ")}" -> "${trace.next.token}" (p = ${trace.next.p})`);
    return 0;
  }
  if (typeof values.prompt !== "string") throw new InputError("--prompt", "a prompt, e.g. --prompt \"the cat sat on the\"", "nothing");
  if (typeof values.model === "string" && typeof values.weights === "string") throw new InputError("--model", "either --model or --weights", "both");
  const model = typeof values.model === "string" ? loadCheckpoint(values.model) : readModel(typeof values.weights === "string" ? resolve(values.weights) : DEFAULT_WEIGHTS);
  const top = intOption(values.top, "--top", 1, model.config.vocabSize, 5);
  const json = serializeTrace(buildTrace(model, values.prompt, top)) + "\n";
  if (typeof values.out === "string") writeFileAtomic(resolve(values.out), json);
  else process.stdout.write(json);
  return 0;
}
