// From a forward pass to a Trace: every named intermediate, rounded, with its content hash.

import { InputError } from "../errors.js";
import { headSize } from "../model/config.js";
import type { ModelConfig } from "../model/config.js";
import { forward, type Acts } from "../model/model.js";
import type { Params } from "../model/params.js";
import type { ModelSource, Provenance } from "../model/source.js";
import type { Floats } from "../model/tensor.js";
import { type TextTokenizer, wordOf } from "../model/tokenizer.js";
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

/** Every named intermediate of a single-sequence forward pass, by tensor id; `vocab` false leaves out logits and probs (a large vocabulary's, kept as vocabTop). */
export function traceTensors(c: ModelConfig, acts: Acts, vocab = true): Record<string, TensorRecord> {
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
  if (vocab) {
    t.logits = record([T, V], acts.logits);
    t.probs = record([T, V], acts.probs);
  }
  return t;
}

/** Vocabularies larger than this keep the logits and probabilities of the top K only (per position). */
export const FULL_VOCAB_MAX = 1024;

/** The indices of the k largest values, largest first (ties: lower index first); k passes, not a sort of the whole row. */
function topOf(row: ArrayLike<number>, k: number): number[] {
  const out: number[] = [];
  const taken = new Set<number>();
  for (let n = 0; n < k && n < row.length; n++) {
    let best = -1;
    for (let i = 0; i < row.length; i++) if (!taken.has(i) && (best < 0 || row[i] > row[best])) best = i;
    taken.add(best);
    out.push(best);
  }
  return out;
}

/** The rank of `id` in `row` (0: the largest; ties count the lower indices first). */
function rankOf(row: ArrayLike<number>, id: number): number {
  let r = 0;
  for (let i = 0; i < row.length; i++) if (row[i] > row[id] || (row[i] === row[id] && i < id)) r++;
  return r;
}

/** Top-k logits and probabilities of each position, and where the prompt's own next token ranked. */
function vocabTop(acts: Acts, ids: readonly number[], V: number, k: number): NonNullable<Trace["vocabTop"]> {
  const T = acts.T;
  const rows = Array.from({ length: T }, (_, t) => ({ logits: acts.logits.subarray(t * V, (t + 1) * V), probs: acts.probs.subarray(t * V, (t + 1) * V) }));
  const top = rows.map((r) => topOf(r.logits, k));
  return {
    k,
    ids: top,
    logits: top.map((ix, t) => ix.map((i) => roundValue(rows[t].logits[i]))),
    probs: top.map((ix, t) => ix.map((i) => roundValue(rows[t].probs[i]))),
    actual: ids.slice(1).map((id, t) => ({ id, rank: rankOf(rows[t].logits, id), logit: roundValue(rows[t].logits[id]), p: roundValue(rows[t].probs[id]) })),
  };
}

export interface TraceMeta {
  weightsSha256: string;
  provenance: Provenance | null;
}

/** The forward pass over `ids` as a Trace; `prompt` is the text the ids came from. */
export function traceOf(params: Params, tokenizer: TextTokenizer, meta: TraceMeta, prompt: string, ids: readonly number[], topK: number): Trace {
  const c = params.config;
  const acts = forward(params, ids);
  const T = ids.length;
  const V = c.vocabSize;
  const last = acts.probs.subarray((T - 1) * V, T * V);
  const topk = topOf(last, topK).map((id) => ({ token: wordOf(tokenizer.vocab, id), id, p: roundValue(last[id]) }));
  const big = V > FULL_VOCAB_MAX;
  const tensors = traceTensors(c, acts, !big);
  const body: Omit<Trace, "hash"> = {
    schemaVersion: TRACE_SCHEMA_VERSION,
    model: c,
    weightsSha256: meta.weightsSha256,
    ...(meta.provenance ? { source: meta.provenance } : {}),
    prompt,
    tokens: tokenizer.decode(ids),
    tokenIds: [...ids],
    next: topk[0],
    topk,
    ...(big ? { vocabTop: vocabTop(acts, ids, V, Math.max(topK, VOCAB_TOP_MIN)) } : {}),
    tensors,
  };
  return { ...body, hash: contentHash(body) };
}

/** At least this many of a large vocabulary's words are kept per position. */
export const VOCAB_TOP_MIN = 10;

/** A model held in this process: its traces computed by the forward pass here. */
export function computingSource(params: Params, tokenizer: TextTokenizer, meta: TraceMeta & { heads: ModelSource["heads"] }): ModelSource {
  const C = params.config.dModel;
  return {
    config: params.config,
    tokenizer,
    heads: meta.heads,
    weightsSha256: meta.weightsSha256,
    provenance: meta.provenance,
    trace: (ids, topK, prompt = tokenizer.text(ids)) => traceOf(params, tokenizer, meta, prompt, ids, topK),
    qkvRows(layer, from, count) {
      const L = params.layers[layer];
      return { w: Array.from(L.qkvw.subarray(from * C, (from + count) * C)), b: Array.from(L.qkvb.subarray(from, from + count)) };
    },
  };
}

/** Checks a prompt's length and top-k against the model: InputError naming `prompt` or `top`. */
export function checkTraceRequest(c: ModelConfig, ids: readonly number[], topK: number): void {
  if (ids.length > c.contextLength) {
    throw new InputError("prompt", `at most ${c.contextLength} tokens (the model's context)`, `${ids.length} tokens`);
  }
  if (!Number.isInteger(topK) || topK < 1 || topK > c.vocabSize) {
    throw new InputError("top", `an integer from 1 to ${c.vocabSize}`, String(topK));
  }
}

/** Runs the model on `prompt` and records the trace; throws InputError for bad prompts. */
export function buildTrace(model: ModelSource, prompt: string, topK = 5): Trace {
  const ids = model.tokenizer.encode(prompt);
  checkTraceRequest(model.config, ids, topK);
  return model.trace(ids, topK, prompt);
}
