// From a forward pass to a Trace: every named intermediate, rounded, with its content hash.

import { InputError } from "../errors.js";
import { headSize } from "../model/config.js";
import { topIndices } from "../model/evaluate.js";
import { forward, type Acts } from "../model/model.js";
import type { Floats } from "../model/tensor.js";
import type { LoadedModel } from "../model/weights.js";
import { contentHash, roundValue } from "./canonical.js";
import { headId, layerId, LAYER_TENSORS } from "./ids.js";
import { TRACE_SCHEMA_VERSION, type TensorRecord, type Trace } from "./schema.js";

const record = (shape: number[], data: ArrayLike<number>): TensorRecord => ({
  shape,
  data: Array.from(data, roundValue),
});

/** Columns [from, from + width) of a row-major (rows, stride) buffer. */
function columns(src: Floats, rows: number, stride: number, from: number, width: number): Float64Array {
  const out = new Float64Array(rows * width);
  for (let r = 0; r < rows; r++) for (let i = 0; i < width; i++) out[r * width + i] = src[r * stride + from + i];
  return out;
}

/** Every named intermediate of a single-sequence forward pass, by tensor id. */
export function traceTensors(model: LoadedModel, acts: Acts): Record<string, TensorRecord> {
  const c = model.params.config;
  const T = acts.T;
  const C = c.dModel;
  const hs = headSize(c);
  const V = c.vocabSize;
  const t: Record<string, TensorRecord> = {
    tokEmb: record([T, C], acts.tokEmb),
    posEmb: record([T, C], acts.posEmb),
    x0: record([T, C], acts.x0),
  };
  acts.layers.forEach((A, l) => {
    for (let h = 0; h < c.nHead; h++) {
      t[headId(l, h, "q")] = record([T, hs], columns(A.qkv, T, 3 * C, h * hs, hs));
      t[headId(l, h, "k")] = record([T, hs], columns(A.qkv, T, 3 * C, C + h * hs, hs));
      t[headId(l, h, "v")] = record([T, hs], columns(A.qkv, T, 3 * C, 2 * C + h * hs, hs));
      t[headId(l, h, "preatt")] = record([T, T], A.preatt.subarray(h * T * T, (h + 1) * T * T));
      t[headId(l, h, "att")] = record([T, T], A.att.subarray(h * T * T, (h + 1) * T * T));
    }
    for (const name of LAYER_TENSORS) {
      const width = name === "fc" || name === "gelu" ? 4 * C : C;
      t[layerId(l, name)] = record([T, width], A[name]);
    }
  });
  t.lnf = record([T, C], acts.lnf);
  t.logits = record([T, V], acts.logits);
  t.probs = record([T, V], acts.probs);
  return t;
}

/** Runs the model on `prompt` and records the trace; throws InputError for bad prompts. */
export function buildTrace(model: LoadedModel, prompt: string, topK = 5): Trace {
  const { params, tokenizer, manifest } = model;
  const c = params.config;
  const ids = tokenizer.encode(prompt);
  if (ids.length > c.contextLength) {
    throw new InputError("prompt", `at most ${c.contextLength} tokens (the model's context)`, `${ids.length} tokens`);
  }
  if (!Number.isInteger(topK) || topK < 1 || topK > c.vocabSize) {
    throw new InputError("top", `an integer from 1 to ${c.vocabSize}`, String(topK));
  }
  const acts = forward(params, ids);
  const T = ids.length;
  const last = acts.probs.subarray((T - 1) * c.vocabSize, T * c.vocabSize);
  const topk = topIndices(last, topK).map((id) => ({ token: tokenizer.vocab[id], id, p: roundValue(last[id]) }));
  const body: Omit<Trace, "hash"> = {
    schemaVersion: TRACE_SCHEMA_VERSION,
    model: c,
    weightsSha256: manifest.weights.sha256,
    prompt,
    tokens: tokenizer.decode(ids),
    tokenIds: ids,
    next: topk[0],
    topk,
    tensors: traceTensors(model, acts),
  };
  return { ...body, hash: contentHash(body) };
}
