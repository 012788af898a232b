// The GPT forward and backward passes: pre-LayerNorm blocks, causal attention, 4x GELU MLP, tied unembedding.

import type { ModelConfig } from "./config.js";
import { exp, log } from "./detmath.js";
import {
  attentionBackward, attentionForward, encoderBackward, encoderForward, geluBackward, geluForward,
  layerNormBackward, layerNormForward, matmulBackward, matmulForward, residualBackward, residualForward,
  softmaxForward,
} from "./ops.js";
import type { Params } from "./params.js";
import { Carver, type FloatCtor, type Floats } from "./tensor.js";

/** Every intermediate of one block, named as in llm.c. N = B·T rows. */
export interface LayerActs {
  ln1: Floats; // (N, C)
  ln1Mean: Floats; // (N)
  ln1Rstd: Floats; // (N)
  qkv: Floats; // (N, 3C)  q | k | v
  preatt: Floats; // (B, NH, T, T)
  att: Floats; // (B, NH, T, T)
  attY: Floats; // (N, C)  heads side by side
  attProj: Floats; // (N, C)
  resid1: Floats; // (N, C)
  ln2: Floats; // (N, C)
  ln2Mean: Floats; // (N)
  ln2Rstd: Floats; // (N)
  fc: Floats; // (N, 4C)
  gelu: Floats; // (N, 4C)
  fcProj: Floats; // (N, C)
  resid2: Floats; // (N, C)
}

/** Every intermediate of a forward pass over B sequences of T tokens. */
export interface Acts {
  data: Floats; // every activation below, flat
  B: number;
  T: number;
  tokEmb: Floats; // (N, C)
  posEmb: Floats; // (N, C)
  x0: Floats; // (N, C)
  layers: LayerActs[];
  lnf: Floats; // (N, C)
  lnfMean: Floats; // (N)
  lnfRstd: Floats; // (N)
  logits: Floats; // (N, V)
  probs: Floats; // (N, V)
}

function actsSize(c: ModelConfig, B: number, T: number): number {
  const N = B * T;
  const C = c.dModel;
  const perLayer = N * (18 * C + 4) + 2 * B * c.nHead * T * T; // rows: 10 of C, 2 of 4C, 4 stats
  return N * (C * 4 + 2 + 2 * c.vocabSize) + c.nLayer * perLayer;
}

export function allocActs(c: ModelConfig, B: number, T: number, ctor: FloatCtor = Float32Array): Acts {
  const N = B * T;
  const C = c.dModel;
  const att = B * c.nHead * T * T;
  const cv = new Carver(new ctor(actsSize(c, B, T)));
  const tokEmb = cv.take(N * C);
  const posEmb = cv.take(N * C);
  const x0 = cv.take(N * C);
  const layers: LayerActs[] = [];
  for (let l = 0; l < c.nLayer; l++) {
    layers.push({
      ln1: cv.take(N * C), ln1Mean: cv.take(N), ln1Rstd: cv.take(N),
      qkv: cv.take(N * 3 * C), preatt: cv.take(att), att: cv.take(att),
      attY: cv.take(N * C), attProj: cv.take(N * C), resid1: cv.take(N * C),
      ln2: cv.take(N * C), ln2Mean: cv.take(N), ln2Rstd: cv.take(N),
      fc: cv.take(N * 4 * C), gelu: cv.take(N * 4 * C), fcProj: cv.take(N * C), resid2: cv.take(N * C),
    });
  }
  const lnf = cv.take(N * C);
  const lnfMean = cv.take(N);
  const lnfRstd = cv.take(N);
  const logits = cv.take(N * c.vocabSize);
  const probs = cv.take(N * c.vocabSize);
  if (cv.used !== cv.data.length) throw new Error("internal: activation layout size mismatch");
  return { data: cv.data, B, T, tokEmb, posEmb, x0, layers, lnf, lnfMean, lnfRstd, logits, probs };
}

function checkTokens(c: ModelConfig, tokens: ArrayLike<number>, B: number, T: number): void {
  if (T < 1 || T > c.contextLength) throw new RangeError(`sequence length ${T} is outside 1..${c.contextLength}`);
  if (tokens.length !== B * T) throw new RangeError(`expected ${B * T} tokens (B=${B}, T=${T}), got ${tokens.length}`);
  for (let i = 0; i < tokens.length; i++) {
    const id = tokens[i];
    if (!Number.isInteger(id) || id < 0 || id >= c.vocabSize) throw new RangeError(`token id ${id} at ${i} is outside 0..${c.vocabSize - 1}`);
  }
}

/**
 * The forward pass over B sequences of T token ids (row-major). Fills and returns
 * `acts` (allocated when not given, in the parameters' float type).
 */
export function forward(p: Params, tokens: ArrayLike<number>, B = 1, T = tokens.length / B, acts?: Acts): Acts {
  const c = p.config;
  checkTokens(c, tokens, B, T);
  const a = acts ?? allocActs(c, B, T, p.data.constructor as FloatCtor);
  if (a.B !== B || a.T !== T) throw new RangeError(`activations are for B=${a.B}, T=${a.T}, not B=${B}, T=${T}`);
  const C = c.dModel;
  const N = B * T;
  const eps = c.layerNormEps;
  encoderForward(a.x0, a.tokEmb, a.posEmb, tokens, p.wte, p.wpe, B, T, C); // (N, C)
  let x = a.x0;
  for (let l = 0; l < c.nLayer; l++) {
    const L = p.layers[l];
    const A = a.layers[l];
    // x = x + attention(layerNorm(x))
    layerNormForward(A.ln1, A.ln1Mean, A.ln1Rstd, x, L.ln1w, L.ln1b, N, C, eps); // (N, C)
    matmulForward(A.qkv, A.ln1, L.qkvw, L.qkvb, N, C, 3 * C); // (N, 3C)
    attentionForward(A.attY, A.preatt, A.att, A.qkv, B, T, C, c.nHead); // (N, C), (B, NH, T, T)
    matmulForward(A.attProj, A.attY, L.attprojw, L.attprojb, N, C, C); // (N, C)
    residualForward(A.resid1, x, A.attProj); // (N, C)
    // x = x + mlp(layerNorm(x))
    layerNormForward(A.ln2, A.ln2Mean, A.ln2Rstd, A.resid1, L.ln2w, L.ln2b, N, C, eps); // (N, C)
    matmulForward(A.fc, A.ln2, L.fcw, L.fcb, N, C, 4 * C); // (N, 4C)
    geluForward(A.gelu, A.fc, c.activation); // (N, 4C)
    matmulForward(A.fcProj, A.gelu, L.fcprojw, L.fcprojb, N, 4 * C, C); // (N, C)
    residualForward(A.resid2, A.resid1, A.fcProj); // (N, C)
    x = A.resid2;
  }
  layerNormForward(a.lnf, a.lnfMean, a.lnfRstd, x, p.lnfw, p.lnfb, N, C, eps); // (N, C)
  matmulForward(a.logits, a.lnf, p.lmHead ?? p.wte, null, N, C, c.vocabSize); // (N, V), unembedding tied to wte (or a checkpoint's own lm_head)
  softmaxForward(a.probs, a.logits, N, c.vocabSize); // (N, V)
  return a;
}

/** Mean cross-entropy of the next-token targets (N), from the logits (log-sum-exp in float64). */
export function crossEntropy(acts: Acts, targets: ArrayLike<number>, V: number): number {
  const N = acts.B * acts.T;
  let total = 0;
  for (let n = 0; n < N; n++) {
    const r = n * V;
    // −log p[target] = log Σ exp(logit − max) − (logit_target − max)
    let max = -Infinity;
    for (let i = 0; i < V; i++) if (acts.logits[r + i] > max) max = acts.logits[r + i];
    let sum = 0;
    for (let i = 0; i < V; i++) sum += exp(acts.logits[r + i] - max);
    total += log(sum) - (acts.logits[r + targets[n]] - max);
  }
  return total / N;
}

/**
 * Gradients of the mean cross-entropy with respect to every parameter, accumulated
 * into `grads` (zero it first). Uses the activations of the matching forward pass;
 * `scratch` (same shape as acts) receives the activation gradients and can be reused.
 */
export function backward(
  p: Params, grads: Params, acts: Acts, tokens: ArrayLike<number>, targets: ArrayLike<number>, scratch?: Acts,
): void {
  const c = p.config;
  const { B, T } = acts;
  const C = c.dModel;
  const V = c.vocabSize;
  const N = B * T;
  const d = scratch ?? allocActs(c, B, T, p.data.constructor as FloatCtor); // d loss / d activation
  d.data.fill(0);
  // d loss / d logits = (probs − onehot(target)) / N
  for (let n = 0; n < N; n++) {
    for (let i = 0; i < V; i++) d.logits[n * V + i] = acts.probs[n * V + i] / N;
    d.logits[n * V + targets[n]] -= 1 / N;
  }
  matmulBackward(d.lnf, grads.lmHead ?? grads.wte, null, d.logits, acts.lnf, p.lmHead ?? p.wte, N, C, V);
  const xLast = c.nLayer > 0 ? acts.layers[c.nLayer - 1].resid2 : acts.x0;
  const dxLast = c.nLayer > 0 ? d.layers[c.nLayer - 1].resid2 : d.x0;
  layerNormBackward(dxLast, grads.lnfw, grads.lnfb, d.lnf, xLast, p.lnfw, acts.lnfMean, acts.lnfRstd, N, C);
  for (let l = c.nLayer - 1; l >= 0; l--) {
    const L = p.layers[l];
    const G = grads.layers[l];
    const A = acts.layers[l];
    const D = d.layers[l];
    const x = l === 0 ? acts.x0 : acts.layers[l - 1].resid2;
    const dx = l === 0 ? d.x0 : d.layers[l - 1].resid2;
    residualBackward(D.resid1, D.fcProj, D.resid2);
    matmulBackward(D.gelu, G.fcprojw, G.fcprojb, D.fcProj, A.gelu, L.fcprojw, N, 4 * C, C);
    geluBackward(D.fc, A.fc, D.gelu, c.activation);
    matmulBackward(D.ln2, G.fcw, G.fcb, D.fc, A.ln2, L.fcw, N, C, 4 * C);
    layerNormBackward(D.resid1, G.ln2w, G.ln2b, D.ln2, A.resid1, L.ln2w, A.ln2Mean, A.ln2Rstd, N, C);
    residualBackward(dx, D.attProj, D.resid1);
    matmulBackward(D.attY, G.attprojw, G.attprojb, D.attProj, A.attY, L.attprojw, N, C, C);
    attentionBackward(D.qkv, D.attY, A.qkv, A.att, B, T, C, c.nHead);
    matmulBackward(D.ln1, G.qkvw, G.qkvb, D.qkv, A.ln1, L.qkvw, N, C, 3 * C);
    layerNormBackward(dx, G.ln1w, G.ln1b, D.ln1, x, L.ln1w, A.ln1Mean, A.ln1Rstd, N, C);
  }
  encoderBackward(grads.wte, grads.wpe, d.x0, tokens, B, T, C);
}
