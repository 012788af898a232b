// Hugging Face GPT-2 checkpoints and this project's parameters: config.json to ModelConfig, HF tensor names and Conv1D layout to Params, and back.
//
// HF's Conv1D stores a weight as (in, out); this model stores (out, in), so every matrix of a
// block is transposed on the way in and out. wte is tied to the unembedding (lm_head) unless
// config.json's tie_word_embeddings is false; then lm_head.weight is the unembedding.

import { InputError } from "../errors.js";
import type { Activation, ModelConfig } from "../model/config.js";
import { allocParams, type Params } from "../model/params.js";
import { LAYER_NORM_EPS } from "../model/ops.js";
import type { SafeTensor } from "./safetensors.js";

/** HF's names of the GELUs the forward pass computes: the tanh approximation (GPT-2's) and the exact one. */
const ACTIVATIONS: Record<string, Activation> = { gelu_new: "gelu_tanh", gelu_pytorch_tanh: "gelu_tanh", gelu_fast: "gelu_tanh", gelu: "gelu_erf" };

/** A config.json of a GPT-2 checkpoint as this model reads it (`file` names it in errors). */
export function configFromHf(json: unknown, file: string): ModelConfig {
  const c = (json ?? {}) as Record<string, unknown>;
  if (c.model_type !== "gpt2") throw new InputError(`${file}: model_type`, '"gpt2"', JSON.stringify(c.model_type));
  const int = (key: string) => {
    const v = c[key];
    if (!Number.isInteger(v) || (v as number) < 1) throw new InputError(`${file}: ${key}`, "a whole number of at least 1", JSON.stringify(v));
    return v as number;
  };
  const config = { vocabSize: int("vocab_size"), contextLength: int("n_positions"), dModel: int("n_embd"), nLayer: int("n_layer"), nHead: int("n_head") };
  if (config.dModel % config.nHead !== 0) throw new InputError(`${file}: n_embd`, `a multiple of n_head (${config.nHead})`, String(config.dModel));
  const eps = c.layer_norm_epsilon ?? LAYER_NORM_EPS;
  if (typeof eps !== "number" || !(eps > 0) || eps >= 1) throw new InputError(`${file}: layer_norm_epsilon`, "a number between 0 and 1", JSON.stringify(eps));
  const act = c.activation_function ?? "gelu_new";
  const activation = typeof act === "string" && Object.hasOwn(ACTIVATIONS, act) ? ACTIVATIONS[act] : undefined;
  if (!activation) throw new InputError(`${file}: activation_function`, `one of ${Object.keys(ACTIVATIONS).map((a) => `"${a}"`).join(", ")}`, JSON.stringify(act));
  const tie = c.tie_word_embeddings ?? true;
  if (typeof tie !== "boolean") throw new InputError(`${file}: tie_word_embeddings`, "true or false", JSON.stringify(tie));
  const inner = c.n_inner ?? null;
  if (inner !== null && inner !== 4 * config.dModel) throw new InputError(`${file}: n_inner`, `null or ${4 * config.dModel} (4 × n_embd, GPT-2's MLP)`, JSON.stringify(inner));
  return {
    ...config, ...(eps !== LAYER_NORM_EPS ? { layerNormEps: eps } : {}), ...(activation !== "gelu_tanh" ? { activation } : {}),
    ...(tie ? {} : { untiedHead: true as const }),
  };
}

/** The config.json this model's shape is written as (transformers' GPT2Config fields). */
export function configToHf(c: ModelConfig): Record<string, unknown> {
  return {
    architectures: ["GPT2LMHeadModel"], model_type: "gpt2", vocab_size: c.vocabSize, n_positions: c.contextLength, n_ctx: c.contextLength,
    n_embd: c.dModel, n_layer: c.nLayer, n_head: c.nHead, n_inner: null,
    activation_function: c.activation === "gelu_erf" ? "gelu" : "gelu_new", layer_norm_epsilon: c.layerNormEps ?? LAYER_NORM_EPS,
    resid_pdrop: 0, embd_pdrop: 0, attn_pdrop: 0, tie_word_embeddings: !c.untiedHead,
    // no end-of-text token (transformers would take GPT-2's 50256, past a small vocabulary)
    bos_token_id: null, eos_token_id: null,
  };
}

type Slot = { hf: string; ours: (p: Params) => Float32Array; shape: (c: ModelConfig) => number[]; transpose: boolean };

/** Every parameter's HF name (without the `transformer.` prefix), our view of it, its HF shape and whether it is a Conv1D matrix. */
function slots(c: ModelConfig): Slot[] {
  const C = c.dModel;
  const f = (p: Params, get: (q: Params) => ArrayLike<number>) => get(p) as Float32Array;
  const out: Slot[] = [
    { hf: "wte.weight", ours: (p) => f(p, (q) => q.wte), shape: () => [c.vocabSize, C], transpose: false },
    { hf: "wpe.weight", ours: (p) => f(p, (q) => q.wpe), shape: () => [c.contextLength, C], transpose: false },
  ];
  for (let l = 0; l < c.nLayer; l++) {
    const L = (p: Params) => p.layers[l];
    const h = `h.${l}.`;
    out.push(
      { hf: `${h}ln_1.weight`, ours: (p) => f(p, () => L(p).ln1w), shape: () => [C], transpose: false },
      { hf: `${h}ln_1.bias`, ours: (p) => f(p, () => L(p).ln1b), shape: () => [C], transpose: false },
      { hf: `${h}attn.c_attn.weight`, ours: (p) => f(p, () => L(p).qkvw), shape: () => [C, 3 * C], transpose: true },
      { hf: `${h}attn.c_attn.bias`, ours: (p) => f(p, () => L(p).qkvb), shape: () => [3 * C], transpose: false },
      { hf: `${h}attn.c_proj.weight`, ours: (p) => f(p, () => L(p).attprojw), shape: () => [C, C], transpose: true },
      { hf: `${h}attn.c_proj.bias`, ours: (p) => f(p, () => L(p).attprojb), shape: () => [C], transpose: false },
      { hf: `${h}ln_2.weight`, ours: (p) => f(p, () => L(p).ln2w), shape: () => [C], transpose: false },
      { hf: `${h}ln_2.bias`, ours: (p) => f(p, () => L(p).ln2b), shape: () => [C], transpose: false },
      { hf: `${h}mlp.c_fc.weight`, ours: (p) => f(p, () => L(p).fcw), shape: () => [C, 4 * C], transpose: true },
      { hf: `${h}mlp.c_fc.bias`, ours: (p) => f(p, () => L(p).fcb), shape: () => [4 * C], transpose: false },
      { hf: `${h}mlp.c_proj.weight`, ours: (p) => f(p, () => L(p).fcprojw), shape: () => [4 * C, C], transpose: true },
      { hf: `${h}mlp.c_proj.bias`, ours: (p) => f(p, () => L(p).fcprojb), shape: () => [C], transpose: false },
    );
  }
  out.push(
    { hf: "ln_f.weight", ours: (p) => f(p, (q) => q.lnfw), shape: () => [C], transpose: false },
    { hf: "ln_f.bias", ours: (p) => f(p, (q) => q.lnfb), shape: () => [C], transpose: false },
  );
  return out;
}

/** Copies `src` (rows × cols) into `dst` transposed (cols × rows). */
function transposeInto(dst: Float32Array, src: ArrayLike<number>, rows: number, cols: number): void {
  for (let r = 0; r < rows; r++) for (let k = 0; k < cols; k++) dst[k * rows + r] = src[r * cols + k];
}

const sameShape = (a: number[], b: number[]) => a.length === b.length && a.every((d, i) => d === b[i]);

/**
 * This model's parameters from a GPT-2 checkpoint's tensors (names with or without `transformer.`;
 * attention-mask buffers ignored). With tied embeddings lm_head.weight, if stored, is not read
 * (transformers ties it to wte on load too); untied, it is the unembedding and must be there.
 */
export function paramsFromHf(tensors: Map<string, SafeTensor>, config: ModelConfig, file: string): Params {
  const prefixed = [...tensors.keys()].some((k) => k.startsWith("transformer."));
  const get = (name: string) => tensors.get(prefixed ? `transformer.${name}` : name);
  const p = allocParams(config);
  for (const s of slots(config)) {
    const t = get(s.hf);
    const shape = s.shape(config);
    const field = `${file}: ${prefixed ? "transformer." : ""}${s.hf}`;
    if (!t) throw new InputError(field, `a tensor of shape ${JSON.stringify(shape)}`, "none");
    if (!sameShape(t.shape, shape)) throw new InputError(`${field} shape`, JSON.stringify(shape), JSON.stringify(t.shape));
    const dst = s.ours(p);
    if (s.transpose) transposeInto(dst, t.data, shape[0], shape[1]);
    else dst.set(t.data);
  }
  if (p.lmHead) {
    const head = tensors.get("lm_head.weight");
    const shape = [config.vocabSize, config.dModel];
    const field = `${file}: lm_head.weight`;
    if (!head) throw new InputError(field, `a tensor of shape ${JSON.stringify(shape)} (config.json unties it from wte)`, "none");
    if (!sameShape(head.shape, shape)) throw new InputError(`${field} shape`, JSON.stringify(shape), JSON.stringify(head.shape));
    p.lmHead.set(head.data); // nn.Linear's (out, in): (V, C), as wte
  }
  return p;
}

/** The parameters as HF GPT-2 tensors (GPT2LMHeadModel names, `transformer.` prefixed; lm_head left to the tie, or stored when untied), in file order. */
export function paramsToHf(p: Params): [string, { shape: number[]; data: Float32Array }][] {
  const head: [string, { shape: number[]; data: Float32Array }][] = p.lmHead ? [["lm_head.weight", { shape: [p.config.vocabSize, p.config.dModel], data: Float32Array.from(p.lmHead) }]] : [];
  return [...slots(p.config).map((s): [string, { shape: number[]; data: Float32Array }] => {
    const shape = s.shape(p.config);
    const ours = s.ours(p);
    let data = Float32Array.from(ours);
    if (s.transpose) {
      data = new Float32Array(ours.length);
      transposeInto(data, ours, shape[1], shape[0]);
    }
    return [`transformer.${s.hf}`, { shape, data }];
  }), ...head];
}
