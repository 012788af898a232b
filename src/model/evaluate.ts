// Using a trained model: next-token distribution for a prompt, validation loss, probe accuracy.

import { type Probe, probeSet, sampleWords } from "./corpus.js";
import { crossEntropy, forward } from "./model.js";
import type { Params } from "./params.js";
import { Rng } from "./random.js";
import type { Tokenizer } from "./tokenizer.js";

export interface TokenProb {
  token: string;
  p: number;
}

/** Probabilities of the token after the last one of `ids`, and the greedy choice. */
export function nextTokenProbs(p: Params, ids: readonly number[]): Float32Array | Float64Array {
  const acts = forward(p, ids, 1, ids.length);
  const V = p.config.vocabSize;
  return acts.probs.subarray((ids.length - 1) * V, ids.length * V);
}

/** Indices of the k largest values, ties broken by the lower index. */
export function topIndices(values: ArrayLike<number>, k: number): number[] {
  const idx = Array.from({ length: values.length }, (_, i) => i);
  idx.sort((a, b) => values[b] - values[a] || a - b);
  return idx.slice(0, k);
}

export function topK(p: Params, tok: Tokenizer, prompt: string, k: number): TokenProb[] {
  const probs = nextTokenProbs(p, tok.encode(prompt));
  return topIndices(probs, k).map((i) => ({ token: tok.vocab[i], p: probs[i] }));
}

/** Mean next-token cross-entropy over `batches` fixed sequences drawn with `seed`. */
export function validationLoss(p: Params, tok: Tokenizer, seed: number, sequences = 64): number {
  const rng = new Rng(seed);
  const T = p.config.contextLength;
  let total = 0;
  for (let s = 0; s < sequences; s++) {
    const ids = tok.encode(sampleWords(rng, T + 1).join(" "), "validation");
    const acts = forward(p, ids.slice(0, T), 1, T);
    total += crossEntropy(acts, ids.slice(1), p.config.vocabSize);
  }
  return total / sequences;
}

export interface ProbeResult {
  correct: number;
  count: number;
  accuracy: number;
  failures: { prompt: string; answer: string; got: string }[];
}

/** Greedy accuracy on `probes` (by default the held-out adjective+noun probes). */
export function probeAccuracy(p: Params, tok: Tokenizer, probes: readonly Probe[] = probeSet()): ProbeResult {
  const failures: ProbeResult["failures"] = [];
  for (const probe of probes) {
    const got = topK(p, tok, probe.prompt, 1)[0].token;
    if (got !== probe.answer) failures.push({ ...probe, got });
  }
  const correct = probes.length - failures.length;
  return { correct, count: probes.length, accuracy: correct / probes.length, failures };
}
