// The next-word scores an explainer shows: the trace's logits and probs over the whole vocabulary, or a large vocabulary's top k with their word ids.

import type { Trace, TensorRecord } from "../trace/schema.js";

/** Where word `id` is in a row whose elements are the words `ids` (a top k), or in a full row (ids absent: element i is word i); -1 when not there. */
export const columnOf = (ids: readonly number[] | undefined, id: number): number => (ids ? ids.indexOf(id) : id);

/** Which tensors hold the scores, and (for a top k) the word id of each element. */
export interface NextScores {
  logits: string;
  probs: string;
  /** The tensors to add to the video's (none when the trace's own are used). */
  tensors: Record<string, TensorRecord>;
  /** FactSource.ids: each top-k tensor's id tensor. */
  ids: Record<string, string>;
  /** The column of word `id` in position t's row, or -1 when the row does not hold it. */
  column(t: number, id: number): number;
}

/** The trace's logits and probs when it has them; else (T, k) tensors "top.logits", "top.probs" and "top.ids" from its vocabTop. */
export function nextScores(trace: Trace): NextScores {
  const top = trace.vocabTop;
  if (!top) return { logits: "logits", probs: "probs", tensors: {}, ids: {}, column: (_t, id) => columnOf(undefined, id) };
  const T = top.ids.length;
  const shape = [T, top.k];
  const tensors = {
    "top.logits": { shape, data: top.logits.flat() },
    "top.probs": { shape, data: top.probs.flat() },
    "top.ids": { shape, data: top.ids.flat() },
  };
  return { logits: "top.logits", probs: "top.probs", tensors, ids: { "top.logits": "top.ids", "top.probs": "top.ids" }, column: (t, id) => columnOf(top.ids[t], id) };
}
