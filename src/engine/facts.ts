// Caption runs that state a fact of the trace: each computes its text from the data and carries a claim that tests check.

import type { TensorRecord } from "../trace/schema.js";
import type { CaptionPart } from "./scene-types.js";

/** Where a claimed word comes from: the video's tokens (in order) or the model's vocabulary (by id). */
export type WordList = "tokens" | "vocab";

/**
 * What a caption run says, in a form a test re-checks against the trace. `row` is an index prefix
 * into a tensor (its last axis is left free), `index` a full index.
 */
export type Claim =
  /** The text is this element's value, shown as `as` says. */
  | { kind: "value"; tensor: string; index: number[]; as: NumberFormat }
  /** The text is the rank-th largest element of the row over range [from, to): its value (shown as a NumberFormat) or its word. */
  | { kind: "ranked"; tensor: string; row: number[]; rank: number; range?: [number, number]; show: NumberFormat | WordList; self?: number; ids?: string }
  /** The text is word `index` of the list. */
  | { kind: "word"; words: WordList; index: number }
  /** The text is how many elements of the row are above `above`. */
  | { kind: "count"; tensor: string; row: number[]; above: number }
  /** The text is the number of words in the model's vocabulary. */
  | { kind: "vocabSize" }
  /** The text is the length of the tensor's axis. */
  | { kind: "size"; tensor: string; axis: number }
  /** The text names the head's measured role (the manifest's head roles). */
  | { kind: "role"; layer: number; head: number }
  /** A number the props chose (a layer or head index, a step count): not a fact of the trace. */
  | { kind: "given" };

/** How a number is shown: two decimals, three ("value3"), a whole percentage, or a probability with three decimals (fmtP). */
export type NumberFormat = "value" | "value3" | "percent" | "prob";

/** Two decimals, as scores and sums are shown (never "-0.00"). */
export const fmt2 = (v: number) => (Math.abs(v) < 0.005 ? 0 : v).toFixed(2);

/** Three decimals, as MatMulAbacus's products and sums are shown (never "-0.000"). */
export const fmt3 = (v: number) => (Math.abs(v) < 0.0005 ? 0 : v).toFixed(3);

/** A weight as a percentage: whole percent, one decimal where rounding would say 100% or 0%. */
export function pct(w: number): string {
  const r = Math.round(w * 100);
  return (r === 100 && w < 1) || (r === 0 && w > 0.0005) ? `${(w * 100).toFixed(1)}%` : `${r}%`;
}

/** What a caption calls the token a row belongs to, when the row's ranked word is that token itself. */
export const SELF_WORD: Record<"en" | "zh", string> = { en: "itself", zh: "自己" };

/** A probability with three decimals; "<0.001" and ">0.999" where rounding would say 0 or 1. */
export const fmtP = (p: number) => (p < 0.001 ? "<0.001" : p > 0.999 && p < 1 ? ">0.999" : p.toFixed(3));

const FORMATS: Record<NumberFormat, (v: number) => string> = { value: fmt2, value3: fmt3, percent: pct, prob: fmtP };
const show = (v: number, as: NumberFormat) => FORMATS[as](v);

/** The row of `t` that `prefix` selects: its offset in the data and length (the last axis). */
export function rowOf(t: TensorRecord, prefix: number[]): { offset: number; length: number } {
  let offset = 0;
  let stride = t.data.length;
  for (const [axis, i] of prefix.entries()) {
    stride /= t.shape[axis];
    offset += i * stride;
  }
  return { offset, length: stride };
}

/** Index (within the row) of its rank-th largest element over [from, to); ties go to the earlier element. */
export function rankedIndex(t: TensorRecord, prefix: number[], rank: number, range?: [number, number]): number {
  const { offset, length } = rowOf(t, prefix);
  const [from, to] = range ?? [0, length];
  const order = Array.from({ length: to - from }, (_, i) => from + i).sort((a, b) => t.data[offset + b] - t.data[offset + a] || a - b);
  return order[rank];
}

/** A source of facts: the video's tensors and the words claims name. */
export interface FactSource {
  tensors: Record<string, TensorRecord>;
  words: Record<WordList, readonly string[]>;
  /** For a tensor of a large vocabulary's top k (not indexed by word id): the tensor of the same shape holding each element's word id. */
  ids?: Record<string, string>;
}

const tensorOf = (src: FactSource, id: string) => {
  const t = src.tensors[id];
  if (!t) throw new Error(`no tensor ${id} to state a fact of`);
  return t;
};

/** Caption runs that state facts, each computed here from the source (never written in by hand). */
export function facts(src: FactSource) {
  const valueAt = (id: string, index: number[]) => {
    const t = tensorOf(src, id);
    return t.data[rowOf(t, index).offset];
  };
  return {
    /** An element's value: two decimals, a percentage or a probability. */
    value(tensor: string, index: number[], as: NumberFormat = "value"): CaptionPart {
      return { text: show(valueAt(tensor, index), as), claim: { kind: "value", tensor, index, as } };
    },
    /** The rank-th largest element of a row over [from, to): its value (shown as `what` says) or the word at its index. */
    ranked(tensor: string, row: number[], rank: number, what: NumberFormat | WordList, range?: [number, number]): CaptionPart {
      const t = tensorOf(src, tensor);
      const i = rankedIndex(t, row, rank, range);
      const v = t.data[rowOf(t, row).offset + i];
      const ids = what === "vocab" ? src.ids?.[tensor] : undefined;
      const word = ids ? tensorOf(src, ids).data[rowOf(t, row).offset + i] : i;
      const text = what === "tokens" || what === "vocab" ? src.words[what][word] : show(v, what);
      return { text, claim: { kind: "ranked", tensor, row, rank, range, show: what, ...(ids ? { ids } : {}) } };
    },
    /**
     * The word of the rank-th largest element of token `self`'s row, in quotes; "itself" (in the
     * language) when that word is token `self`'s own, so a repeated word is not taken for an earlier one.
     */
    rankedWord(tensor: string, row: number[], rank: number, self: number, lang: "en" | "zh", range?: [number, number]): CaptionPart[] {
      const i = rankedIndex(tensorOf(src, tensor), row, rank, range);
      const claim = { kind: "ranked" as const, tensor, row, rank, range, show: "tokens" as const, self };
      return i === self ? [{ text: SELF_WORD[lang], claim }] : [{ text: "“" }, { text: src.words.tokens[i], claim }, { text: "”" }];
    },
    /** The row's n most likely vocabulary words, each quoted with its probability: “a” 0.412, “b” 0.201 … */
    topWords(tensor: string, row: number[], n: number, lang: "en" | "zh"): CaptionPart[] {
      const count = Math.min(n, tensorOf(src, tensor).shape[row.length]);
      return Array.from({ length: count }, (_, r) => [
        { text: r === 0 ? "“" : lang === "en" ? ", “" : "，“" }, this.ranked(tensor, row, r, "vocab"), { text: "” " }, this.ranked(tensor, row, r, "prob"),
      ]).flat();
    },
    /** Index (in the row) of the rank-th largest element: for what a caption says next about it. */
    rankedIndex: (tensor: string, row: number[], rank: number, range?: [number, number]) => rankedIndex(tensorOf(src, tensor), row, rank, range),
    word(words: WordList, index: number): CaptionPart {
      return { text: src.words[words][index], claim: { kind: "word", words, index } };
    },
    count(tensor: string, row: number[], above = 0): CaptionPart {
      const t = tensorOf(src, tensor);
      const { offset, length } = rowOf(t, row);
      let n = 0;
      for (let i = 0; i < length; i++) if (t.data[offset + i] > above) n++;
      return { text: String(n), claim: { kind: "count", tensor, row, above } };
    },
    vocabSize(): CaptionPart {
      return { text: String(src.words.vocab.length), claim: { kind: "vocabSize" } };
    },
    size(tensor: string, axis: number): CaptionPart {
      return { text: String(tensorOf(src, tensor).shape[axis]), claim: { kind: "size", tensor, axis } };
    },
    /** Words naming the head's measured role (in the caption's language), checked against the manifest's roles. */
    role(text: string, layer: number, head: number): CaptionPart {
      return { text, claim: { kind: "role", layer, head } };
    },
    /** A number the props chose (layer, head, step): marked so a test knows it is not the trace's. */
    given(n: number | string): CaptionPart {
      return { text: String(n), claim: { kind: "given" } };
    },
  };
}

export type Facts = ReturnType<typeof facts>;
