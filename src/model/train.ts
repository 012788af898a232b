// Deterministic training: seeded init and data, backward pass, AdamW with warmup and linear decay.

import { type ModelConfig, PRESETS, type TrainConfig } from "./config.js";
import { sampleWords, vocabulary } from "./corpus.js";
import { allocActs, backward, crossEntropy, forward } from "./model.js";
import { allocParams, initParams, paramShapes, type Params } from "./params.js";
import { Rng } from "./random.js";
import { Tokenizer } from "./tokenizer.js";

/** Seeds for the three independent random streams, derived from the one training seed. */
export const seedsFor = (seed: number) => ({
  init: seed >>> 0,
  data: (seed ^ 0x5bd1e995) >>> 0,
  validation: (seed ^ 0x27d4eb2f) >>> 0,
});

export function configFor(train: TrainConfig, tok: Tokenizer): ModelConfig {
  return { vocabSize: tok.size, ...PRESETS[train.preset] };
}

export function learningRate(t: TrainConfig, step: number): number {
  if (step < t.warmupSteps) return (t.learningRate * (step + 1)) / t.warmupSteps;
  const span = Math.max(1, t.steps - 1 - t.warmupSteps);
  const frac = Math.min(1, (step - t.warmupSteps) / span);
  return t.learningRate * (1 - frac * (1 - t.minLearningRateRatio));
}

export interface StepInfo {
  step: number;
  loss: number;
  lr: number;
  tokens: number;
}

/** One random batch: B rows of T+1 token ids, each starting at a sentence start. */
function batch(rng: Rng, tok: Tokenizer, B: number, T: number): { inputs: Int32Array; targets: Int32Array } {
  const inputs = new Int32Array(B * T);
  const targets = new Int32Array(B * T);
  for (let b = 0; b < B; b++) {
    const ids = tok.encode(sampleWords(rng, T + 1).join(" "), "training data");
    for (let t = 0; t < T; t++) {
      inputs[b * T + t] = ids[t];
      targets[b * T + t] = ids[t + 1];
    }
  }
  return { inputs, targets };
}

export class AdamW {
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly decay: Uint8Array; // 1 where weight decay applies (matrices), 0 for gains and biases
  private beta1Pow = 1;
  private beta2Pow = 1;

  constructor(private readonly p: Params, private readonly t: TrainConfig) {
    this.m = new Float32Array(p.data.length);
    this.v = new Float32Array(p.data.length);
    this.decay = new Uint8Array(p.data.length);
    let offset = 0;
    for (const [, shape] of paramShapes(p.config)) {
      const size = shape.reduce((a, b) => a * b, 1);
      if (shape.length >= 2) this.decay.fill(1, offset, offset + size);
      offset += size;
    }
  }

  /** Clips the gradient to a global norm of t.gradClip, then takes one AdamW step. */
  step(grads: Params, lr: number): void {
    const { beta1, beta2, eps, weightDecay, gradClip } = this.t;
    const g = grads.data;
    let sq = 0;
    for (let i = 0; i < g.length; i++) sq += g[i] * g[i];
    const norm = Math.sqrt(sq);
    const clip = norm > gradClip ? gradClip / norm : 1;
    this.beta1Pow *= beta1; // beta^t by repeated multiplication: no pow()
    this.beta2Pow *= beta2;
    const c1 = 1 - this.beta1Pow;
    const c2 = 1 - this.beta2Pow;
    const w = this.p.data;
    for (let i = 0; i < w.length; i++) {
      const gi = g[i] * clip;
      const m = (this.m[i] = beta1 * this.m[i] + (1 - beta1) * gi);
      const v = (this.v[i] = beta2 * this.v[i] + (1 - beta2) * gi * gi);
      const update = m / c1 / (Math.sqrt(v / c2) + eps);
      w[i] = w[i] - lr * (update + (this.decay[i] ? weightDecay * w[i] : 0));
    }
  }
}

export interface TrainOutput {
  params: Params;
  tokenizer: Tokenizer;
  finalLoss: number;
}

/** Trains a model from scratch; the same TrainConfig always gives the same bytes. */
export function train(t: TrainConfig, onStep?: (info: StepInfo) => void): TrainOutput {
  const tok = new Tokenizer(vocabulary());
  const config = configFor(t, tok);
  const seeds = seedsFor(t.seed);
  const params = initParams(config, new Rng(seeds.init), t.initStd);
  const grads = allocParams(config);
  const dataRng = new Rng(seeds.data);
  const B = t.batchSize;
  const T = config.contextLength;
  const acts = allocActs(config, B, T);
  const dActs = allocActs(config, B, T);
  const opt = new AdamW(params, t);
  let loss = NaN;
  for (let step = 0; step < t.steps; step++) {
    const { inputs, targets } = batch(dataRng, tok, B, T);
    forward(params, inputs, B, T, acts);
    loss = crossEntropy(acts, targets, config.vocabSize);
    grads.data.fill(0);
    backward(params, grads, acts, inputs, targets, dActs);
    const lr = learningRate(t, step);
    opt.step(grads, lr);
    onStep?.({ step, loss, lr, tokens: B * T });
  }
  return { params, tokenizer: tok, finalLoss: loss };
}
