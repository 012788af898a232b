// Checks a caption's claims against the trace, computed again here (not with src/engine/facts.ts), and that its text states nothing unclaimed.

import type { TimedCue } from "../src/engine/cues.js";
import type { Claim, WordList } from "../src/engine/facts.js";
import type { CaptionPart } from "../src/engine/scene-types.js";
import { ROLE_ZH } from "../src/explainers/attention-head/chapters/draw.js";
import type { LoadedModel } from "../src/model/weights.js";
import type { TensorRecord } from "../src/trace/schema.js";

export interface Truth {
  tensors: Record<string, TensorRecord>;
  words: Record<WordList, readonly string[]>;
  model: LoadedModel;
}

/** The elements of the row a prefix selects, by walking the shape (row-major). */
function rowValues(t: TensorRecord, prefix: number[]): number[] {
  let start = 0;
  for (let axis = 0; axis < prefix.length; axis++) {
    const below = t.shape.slice(axis + 1).reduce((a, b) => a * b, 1);
    if (prefix[axis] < 0 || prefix[axis] >= t.shape[axis]) throw new Error(`index ${prefix[axis]} out of axis ${axis} (${t.shape[axis]})`);
    start += prefix[axis] * below;
  }
  const len = t.shape.slice(prefix.length).reduce((a, b) => a * b, 1);
  return t.data.slice(start, start + len);
}

/** The number a caption shows and how close to the truth it must be (half its last digit). */
function shownNumber(text: string, percent: boolean): { value: number; tolerance: number } {
  const m = /^(−|-)?(\d+)(?:\.(\d+))?(%)?$/.exec(text.trim());
  if (!m || Boolean(m[4]) !== percent) throw new Error(`"${text}" is not a ${percent ? "percentage" : "number"}`);
  const digits = m[3]?.length ?? 0;
  const v = (m[1] ? -1 : 1) * Number(`${m[2]}.${m[3] ?? "0"}`);
  const scale = percent ? 100 : 1;
  return { value: v / scale, tolerance: (0.5 * 10 ** -digits) / scale + 1e-9 };
}

function expectNumber(text: string, truth: number, percent: boolean): string | null {
  // a bound: "< 0.001", "> 0.999" (what a probability too near 0 or 1 to round shows)
  const bound = /^([<>])\s?(.*)$/.exec(text.trim());
  if (bound) {
    const { value } = shownNumber(bound[2], percent);
    return (bound[1] === "<" ? truth < value : truth > value) ? null : `shows ${text}, the trace has ${truth}`;
  }
  const { value, tolerance } = shownNumber(text, percent);
  return Math.abs(value - truth) <= tolerance ? null : `shows ${text}, the trace has ${truth}`;
}

const tensorOf = (t: Truth, id: string) => {
  const r = t.tensors[id];
  if (!r) throw new Error(`no tensor ${id}`);
  return r;
};

/** Why the run's text is not what its claim says of the truth (null: it is). */
export function claimError(part: CaptionPart, t: Truth): string | null {
  const c = part.claim as Claim;
  const text = part.text;
  switch (c.kind) {
    case "value": {
      const r = tensorOf(t, c.tensor);
      if (c.index.length !== r.shape.length) return `index ${c.index} does not name one element of ${c.tensor} ${r.shape}`;
      return expectNumber(text, rowValues(r, c.index.slice(0, -1))[c.index[c.index.length - 1]], c.as === "percent");
    }
    case "ranked": {
      const row = rowValues(tensorOf(t, c.tensor), c.row);
      const [from, to] = c.range ?? [0, row.length];
      const best = [...row.keys()].filter((i) => i >= from && i < to).sort((a, b) => row[b] - row[a] || a - b)[c.rank];
      if (best === undefined) return `no rank ${c.rank} in ${c.tensor}[${c.row}]`;
      if (c.show !== "tokens" && c.show !== "vocab") return expectNumber(text, row[best], c.show === "percent");
      if (c.self !== undefined && best === c.self) return ["itself", "自己"].includes(text) ? null : `shows "${text}", rank ${c.rank} of ${c.tensor}[${c.row}] is the token itself`;
      // a top-k tensor's element is a word by the id beside it, a full row's by its index
      const word = c.ids ? rowValues(tensorOf(t, c.ids), c.row)[best] : best;
      return t.words[c.show][word] === text ? null : `shows "${text}", rank ${c.rank} of ${c.tensor}[${c.row}] is "${t.words[c.show][word]}"`;
    }
    case "word":
      return t.words[c.words][c.index] === text ? null : `shows "${text}", ${c.words}[${c.index}] is "${t.words[c.words][c.index]}"`;
    case "count": {
      const n = rowValues(tensorOf(t, c.tensor), c.row).filter((v) => v > c.above).length;
      return text === String(n) ? null : `shows ${text}, ${n} elements of ${c.tensor}[${c.row}] are above ${c.above}`;
    }
    case "vocabSize":
      return text === String(t.model.config.vocabSize) ? null : `shows ${text}, the model's vocab_size is ${t.model.config.vocabSize}`;
    case "size": {
      const n = tensorOf(t, c.tensor).shape[c.axis];
      return text === String(n) ? null : `shows ${text}, axis ${c.axis} of ${c.tensor} is ${n}`;
    }
    case "role": {
      const h = t.model.manifest.heads.find((x) => x.layer === c.layer && x.head === c.head);
      if (!h?.role) return `head ${c.layer}.${c.head} has no measured role, the caption names one: "${text}"`;
      return text.includes(h.role) || text.includes(ROLE_ZH[h.role]) ? null : `"${text}" does not name head ${c.layer}.${c.head}'s role ${h.role}`;
    }
    case "given":
      return /^\d+$/.test(text) ? null : `a given number, "${text}", is not a whole number`;
  }
}

/**
 * Why the cue's text says something no claim stands for (null: nothing). Runs with a claim or a
 * tensor id stand for themselves; in the rest there are no digits, and quotes hold only claimed words.
 */
export function unclaimedError(cue: TimedCue): string | null {
  const rest = cue.parts.map((p) => (p.claim || p.tensor ? "§" : p.text)).join("");
  if (/\d/.test(rest)) return `a number no claim stands for in "${cue.text}"`;
  for (const m of rest.matchAll(/[“"]([^”"]*)[”"]/g)) if (m[1] !== "§") return `a quoted word no claim stands for in "${cue.text}": ${m[0]}`;
  return null;
}

/** Every problem with the cues' facts, as readable lines (empty: all true). */
export function cueProblems(cues: readonly TimedCue[], t: Truth): string[] {
  const out: string[] = [];
  for (const cue of cues) {
    const where = `${cue.beat} [${cue.from}–${cue.to}] "${cue.text}"`;
    const claims = cue.parts.filter((p) => p.claim);
    if (!claims.some((p) => p.claim!.kind !== "given")) out.push(`${where}: states no fact of the trace`);
    const u = unclaimedError(cue);
    if (u) out.push(`${where}: ${u}`);
    for (const p of claims) {
      const e = claimError(p, t);
      if (e) out.push(`${where}: ${e}`);
    }
  }
  return out;
}
