// Node-only: writing a model as a Hugging Face GPT-2 checkpoint folder (config.json, model.safetensors, tokenizer files), all or nothing.

import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { InputError } from "../errors.js";
import type { Params } from "../model/params.js";
import { configToHf, paramsToHf } from "./gpt2.js";
import { WEIGHTS_FILE } from "./load.js";
import { writeSafetensors } from "./safetensors.js";

export interface CheckpointOptions {
  /** How the weights are stored (default F32). */
  dtype?: "F32" | "F16";
  /** Tensor names with GPT2LMHeadModel's `transformer.` prefix (default true), or GPT2Model's bare names. */
  prefix?: boolean;
  /** Also store lm_head.weight (a copy of wte; default false: tied, as transformers saves GPT-2). */
  lmHead?: boolean;
}

/** Throws unless `dir` is absent or an empty folder: an export never mixes with other files. */
function checkTarget(dir: string, field: string): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new InputError(field, "a new or empty folder", `${JSON.stringify(dir)}: a file`);
  const inside = readdirSync(dir);
  if (inside.length > 0) throw new InputError(field, "a new or empty folder", `${JSON.stringify(dir)} holds ${inside.slice(0, 3).join(", ")}${inside.length > 3 ? " ..." : ""}`);
}

/**
 * Writes config.json, model.safetensors (HF's names and Conv1D layout) and the tokenizer's files
 * (name → content) into `dirArg`: all of them into a temporary folder beside it, renamed into place
 * when complete. Returns the files written.
 */
export function writeCheckpoint(dirArg: string, params: Params, tokenizerFiles: Record<string, string>, o: CheckpointOptions = {}, field = "DIR"): string[] {
  const dir = resolve(dirArg);
  checkTarget(dir, field);
  const tensors = paramsToHf(params).map(([name, t]): [string, typeof t] => [o.prefix === false ? name.replace(/^transformer\./, "") : name, t]);
  if (o.lmHead && !params.lmHead) tensors.push(["lm_head.weight", { shape: [params.config.vocabSize, params.config.dModel], data: Float32Array.from(params.wte) }]);
  const files: Record<string, string | Buffer> = {
    "config.json": JSON.stringify(configToHf(params.config), null, 2) + "\n",
    [WEIGHTS_FILE]: writeSafetensors(tensors, o.dtype ?? "F32", { format: "pt" }),
    ...tokenizerFiles,
  };
  mkdirSync(dirname(dir), { recursive: true });
  const tmp = join(dirname(dir), `.${basename(dir)}.${process.pid}.partial`);
  rmSync(tmp, { recursive: true, force: true });
  try {
    mkdirSync(tmp);
    for (const [name, data] of Object.entries(files)) writeFileSync(join(tmp, name), data);
    if (existsSync(dir)) rmSync(dir, { recursive: true }); // empty, checked above
    renameSync(tmp, dir);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  return Object.keys(files);
}
