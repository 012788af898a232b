// Head roles measured on held-out probes: how much each attention head looks at the previous
// token, at the token after an earlier copy of the current one (induction), at that copy, and at
// the two steps the shipped model's copy circuit takes in layer 0 (see the README's head roles).

import { type CopyProbe, copyProbeSet, type Probe, probeSet } from "./corpus.js";
import { forward } from "./model.js";
import { allocParams, type Params } from "./params.js";
import type { Tokenizer } from "./tokenizer.js";

/** The roles a head can be given, each named for the score that earns it. */
export const HEAD_ROLES = {
  previousToken: "previous-token",
  induction: "induction",
  duplicateToken: "duplicate-token",
  colourBinding: "colour-binding",
  copyCue: "copy-cue",
} as const;

export type HeadRole = (typeof HEAD_ROLES)[keyof typeof HEAD_ROLES];
export const HEAD_ROLE_NAMES = Object.values(HEAD_ROLES) as [HeadRole, ...HeadRole[]];
export type ScoreName = keyof typeof HEAD_ROLES;

/** A head earns the role of its highest score when that score is at least this. */
export const ROLE_THRESHOLD = 0.5;

export interface HeadScores {
  layer: number;
  head: number;
  /** Mean attention from each position (but the first) to the position just before it. */
  previousToken: number;
  /** On the copy probes: mean attention from the second colour to the thing after the first. */
  induction: number;
  /** On the copy probes: mean attention from the second colour to the first colour. */
  duplicateToken: number;
  /** On the copy probes: mean attention from the thing to the colour just before it. */
  colourBinding: number;
  /** On the copy probes: mean attention from the second colour to "likes", which marks the copy. */
  copyCue: number;
  role: HeadRole | null;
}

/** Mean of att[t][t-1] over t = 1 … T-1 of one head's (T, T) attention matrix; 0 when T = 1. */
export function previousTokenScore(att: ArrayLike<number>, T: number): number {
  let sum = 0;
  for (let t = 1; t < T; t++) sum += att[t * T + t - 1];
  return T > 1 ? sum / (T - 1) : 0;
}

/** The attention weight from position `from` to position `to` of a (T, T) matrix. */
export function attentionAt(att: ArrayLike<number>, T: number, from: number, to: number): number {
  return att[from * T + to];
}

/** The role of the highest score at or above ROLE_THRESHOLD, else null. */
export function roleFor(scores: Record<ScoreName, number>): HeadRole | null {
  let best: ScoreName | null = null;
  for (const name of Object.keys(HEAD_ROLES) as ScoreName[]) {
    if (scores[name] >= ROLE_THRESHOLD && (best === null || scores[name] > scores[best])) best = name;
  }
  return best === null ? null : HEAD_ROLES[best];
}

/** A probe's attention matrices, [layer][head], each (T, T) with T = `length`. */
export interface ProbeAttention {
  length: number;
  att: ArrayLike<number>[][];
}

/**
 * Scores nLayer × nHead heads from each probe's attention: previousToken over every probe
 * (copy and other), the other scores over the copy probes. Scores are in [0, 1].
 */
export function scoreHeads(
  nLayer: number, nHead: number,
  copyProbes: readonly CopyProbe[], otherProbes: readonly Probe[],
  attentionOf: (probe: Probe) => ProbeAttention,
): HeadScores[] {
  const sums = (n: number) => Array.from({ length: n }, () => ({ prev: 0, induction: 0, duplicate: 0, binding: 0, cue: 0 }));
  const s = sums(nLayer * nHead);
  for (const probe of otherProbes) {
    const { length: T, att } = attentionOf(probe);
    for (let l = 0; l < nLayer; l++) for (let h = 0; h < nHead; h++) s[l * nHead + h].prev += previousTokenScore(att[l][h], T);
  }
  for (const probe of copyProbes) {
    const { length: T, att } = attentionOf(probe);
    for (let l = 0; l < nLayer; l++) {
      for (let h = 0; h < nHead; h++) {
        const a = att[l][h];
        const x = s[l * nHead + h];
        x.prev += previousTokenScore(a, T);
        x.induction += attentionAt(a, T, probe.secondColour, probe.thing);
        x.duplicate += attentionAt(a, T, probe.secondColour, probe.firstColour);
        x.binding += attentionAt(a, T, probe.thing, probe.firstColour);
        x.cue += attentionAt(a, T, probe.secondColour, probe.likes);
      }
    }
  }
  const all = copyProbes.length + otherProbes.length;
  const perCopy = (x: number) => (copyProbes.length > 0 ? x / copyProbes.length : 0);
  return s.map((x, i) => {
    const scores = {
      previousToken: all > 0 ? x.prev / all : 0,
      induction: perCopy(x.induction),
      duplicateToken: perCopy(x.duplicate),
      colourBinding: perCopy(x.binding),
      copyCue: perCopy(x.cue),
    };
    return { layer: Math.floor(i / nHead), head: i % nHead, ...scores, role: roleFor(scores) };
  });
}

/** Scores every head of the model `p` on the held-out probes (by default the copy and adjective probes). */
export function measureHeads(
  p: Params, tok: Tokenizer, copyProbes: readonly CopyProbe[] = copyProbeSet(), otherProbes: readonly Probe[] = probeSet(),
): HeadScores[] {
  const { nLayer, nHead } = p.config;
  return scoreHeads(nLayer, nHead, copyProbes, otherProbes, (probe) => {
    const ids = tok.encode(probe.prompt, "probe");
    const T = ids.length;
    const acts = forward(p, ids);
    return { length: T, att: acts.layers.map((A) => Array.from({ length: nHead }, (_, h) => A.att.subarray(h * T * T, (h + 1) * T * T))) };
  });
}

/**
 * A copy of `p` in which one head says nothing: its columns of the attention output
 * projection are zero, so its weighted values never reach the residual stream (ablation).
 */
export function withoutHead(p: Params, layer: number, head: number): Params {
  const q = allocParams(p.config);
  q.data.set(p.data);
  const C = p.config.dModel;
  const hs = C / p.config.nHead;
  const w = q.layers[layer].attprojw; // (C, C): row o reads attY[i], head h owns i in [h·hs, (h+1)·hs)
  for (let o = 0; o < C; o++) w.fill(0, o * C + head * hs, o * C + (head + 1) * hs);
  return q;
}
