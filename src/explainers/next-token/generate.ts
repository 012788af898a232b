// NextTokenLoop's generation: one real forward pass per step over the text so far; the next token greedy or seeded-sampled.

import { InputError } from "../../errors.js";
import { exp } from "../../model/detmath.js";
import { Rng } from "../../model/random.js";
import type { ModelSource } from "../../model/source.js";
import { layerId } from "../../trace/ids.js";
import type { TokenProb, Trace } from "../../trace/schema.js";
import { promptTrace } from "../checks.js";
import { FULL_VOCAB_MAX, VOCAB_TOP_MIN } from "../../trace/build.js";
import { wordOf } from "../../model/tokenizer.js";
import { columnOf } from "../next-scores.js";


/** Generation stops once this token is written. */
export const PERIOD = ".";

export interface GenStep {
  /** The tokens this step's forward pass reads: the prompt and every token written before. */
  input: string[];
  /** The token chosen, its id, and the model's probability of it (the trace's softmax of the logits). */
  token: string;
  id: number;
  p: number;
  /** The trace's top-k at the last position. */
  topk: TokenProb[];
  /** The hash of this step's trace. */
  hash: string;
  /**
   * The last position's rows of the trace: x0, each layer's resid2, and probs (of every word; of
   * a vocabulary above FULL_VOCAB_MAX, its top k, whose word ids are probIds).
   */
  rows: { x0: number[]; resid2: number[][]; probs: number[]; probIds?: number[] };
}

/** Why the loop ended: all the steps asked for, a "." written, or a full context. */
export type StopReason = "steps" | "period" | "context";

export interface Generation {
  prompt: string[];
  steps: GenStep[];
  /** The prompt and every token written. */
  text: string[];
  stop: StopReason;
  /** false: greedy (temperature 0); true: sampled from softmax(logits / temperature). */
  sampled: boolean;
}

export interface GenerateOptions {
  prompt: string;
  steps: number;
  temperature: number;
  seed: number;
  topK: number;
}

/** Row `r` of a (rows, width) tensor. */
const row = (data: readonly number[], width: number, r: number) => data.slice(r * width, (r + 1) * width);

/** One draw from softmax(logits / temperature), by one uniform number of `rng` (exp from detmath: the same on every engine). */
export function sample(logits: readonly number[], temperature: number, rng: Rng): number {
  let hi = -Infinity;
  for (const v of logits) hi = Math.max(hi, v);
  const w = logits.map((v) => exp((v - hi) / temperature));
  const total = w.reduce((a, b) => a + b, 0);
  let u = rng.uniform() * total;
  for (let i = 0; i < w.length; i++) {
    u -= w[i];
    if (u < 0) return i;
  }
  return w.length - 1;
}

function stepOf(model: ModelSource, trace: Trace, id: number): GenStep {
  const c = model.config;
  const T = trace.tokens.length;
  // a large vocabulary's trace keeps the top k only; greedy picks its first
  const top = trace.vocabTop;
  const probs = top ? top.probs[T - 1] : row(trace.tensors.probs.data, c.vocabSize, T - 1);
  const probIds = top ? top.ids[T - 1] : undefined;
  return {
    input: trace.tokens,
    token: wordOf(model.tokenizer.vocab, id),
    id,
    p: probs[columnOf(probIds, id)],
    topk: trace.topk,
    hash: trace.hash,
    rows: {
      x0: row(trace.tensors.x0.data, c.dModel, T - 1),
      resid2: Array.from({ length: c.nLayer }, (_, l) => row(trace.tensors[layerId(l, "resid2")].data, c.dModel, T - 1)),
      probs,
      ...(probIds ? { probIds } : {}),
    },
  };
}

/**
 * Writes up to `steps` tokens after the prompt: each step a forward pass over the tokens so far; the next token is the trace's argmax at temperature 0, else a
 * draw from softmax(logits / temperature) by one Rng(seed) for the whole run, in step order.
 * Stops after a "." or once the text fills the model's context. The same options, the same text.
 */
export function generate(model: ModelSource, o: GenerateOptions): Generation {
  const contextLength = model.config.contextLength;
  if (o.temperature > 0 && model.config.vocabSize > FULL_VOCAB_MAX) {
    throw new InputError("props.temperature", `0 (greedy) for a vocabulary above ${FULL_VOCAB_MAX} words (its trace keeps each position's top ${VOCAB_TOP_MIN} words, not every word's probability to sample from)`, String(o.temperature));
  }
  const first = promptTrace(model, o.prompt, o.topK);
  if (first.tokens.length >= contextLength) {
    throw new InputError("props.prompt", `at most ${contextLength - 1} tokens (the model reads ${contextLength}; the loop needs room to write one)`, `${first.tokens.length} tokens`);
  }
  const rng = new Rng(o.seed);
  const sampled = o.temperature > 0;
  const text = [...first.tokens];
  const ids = [...first.tokenIds];
  const steps: GenStep[] = [];
  let stop: StopReason = "steps";
  let trace = first;
  for (let k = 0; k < o.steps; k++) {
    // the prompt and the tokens written so far, as ids: a word-level model reads them as the words joined by spaces
    if (k > 0) trace = model.trace(ids, o.topK);
    const V = model.config.vocabSize;
    const id = sampled ? sample(row(trace.tensors.logits.data, V, trace.tokens.length - 1), o.temperature, rng) : trace.next.id;
    const step = stepOf(model, trace, id);
    steps.push(step);
    text.push(step.token);
    ids.push(id);
    if (step.token === PERIOD) {
      stop = "period";
      break;
    }
    if (text.length >= contextLength) {
      stop = "context";
      break;
    }
  }
  return { prompt: first.tokens, steps, text, stop, sampled };
}
