// Node-only: a Hugging Face GPT-2 checkpoint folder (config.json, model.safetensors, tokenizer files) as a model source with its provenance.

import { createHash } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import type { Params } from "../model/params.js";
import type { ModelSource, Provenance } from "../model/source.js";
import { computingSource } from "../trace/build.js";
import { readInput, readJson } from "../util/files.js";
import { configFromHf, paramsFromHf } from "./gpt2.js";
import { readSafetensors } from "./safetensors.js";
import { readTokenizer } from "./tokenizer-files.js";

export const WEIGHTS_FILE = "model.safetensors";

/** A checkpoint loaded in this process: its traces computed here. */
export interface Checkpoint extends ModelSource {
  dir: string;
  params: Params;
  provenance: Provenance;
}

/** Reads and checks a GPT-2 checkpoint folder; every problem is an InputError naming the file or field (`field`: the option it came from). */
export function loadCheckpoint(dirArg: string, field = "--model"): Checkpoint {
  const dir = resolve(dirArg);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new InputError(field, "a checkpoint folder (config.json, model.safetensors, tokenizer files)", `${JSON.stringify(dirArg)}: ${existsSync(dir) ? "not a folder" : "no such folder"}`);
  const weightsPath = join(dir, WEIGHTS_FILE);
  if (!existsSync(weightsPath)) {
    const bin = existsSync(join(dir, "pytorch_model.bin"));
    throw new InputError(`${field} ${dirArg}`, `${WEIGHTS_FILE}`, bin ? "only pytorch_model.bin" : "no weights file",
      bin ? "Convert it once where PyTorch is installed: python -c \"from transformers import GPT2LMHeadModel; GPT2LMHeadModel.from_pretrained('DIR').save_pretrained('DIR', safe_serialization=True)\"" : undefined);
  }
  const hfConfig = readJson(join(dir, "config.json"), `${field} (config.json)`) as Record<string, unknown>;
  const config = configFromHf(hfConfig, "config.json");
  const { tokenizer, files } = readTokenizer(dir, field);
  if (tokenizer.size > config.vocabSize) throw new InputError("config.json: vocab_size", `at least ${tokenizer.size} (the tokenizer's ids)`, String(config.vocabSize));
  const bytes = readInput(weightsPath, field);
  const weightsSha256 = createHash("sha256").update(bytes).digest("hex");
  const params = paramsFromHf(readSafetensors(bytes, WEIGHTS_FILE), config, WEIGHTS_FILE);
  const provenance: Provenance = { folder: basename(dir), config: hfConfig, weightsFile: WEIGHTS_FILE, weightsSha256, tokenizerFiles: files };
  return { ...computingSource(params, tokenizer, { weightsSha256, provenance, heads: [] }), dir, params, provenance };
}
