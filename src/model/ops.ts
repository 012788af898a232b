// The transformer's operations, forward and backward, on flat row-major buffers (llm.c style).
// Backward functions accumulate (+=) into their gradient buffers. Sums are taken in float64
// and stored once, in a fixed loop order, so results are bit-for-bit reproducible.

import type { Activation } from "./config.js";
import { erf, exp, tanh } from "./detmath.js";
import type { Floats } from "./tensor.js";

export const LAYER_NORM_EPS = 1e-5;

/** out[b,t,:] = wte[tokens[b,t]] + wpe[t]; also keeps both addends for the trace. */
export function encoderForward(
  out: Floats, tokEmb: Floats, posEmb: Floats,
  tokens: ArrayLike<number>, wte: Floats, wpe: Floats, B: number, T: number, C: number,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * C;
      const ix = tokens[b * T + t] * C;
      const it = t * C;
      for (let i = 0; i < C; i++) {
        tokEmb[o + i] = wte[ix + i];
        posEmb[o + i] = wpe[it + i];
        out[o + i] = wte[ix + i] + wpe[it + i];
      }
    }
  }
}

export function encoderBackward(
  dwte: Floats, dwpe: Floats, dout: Floats, tokens: ArrayLike<number>, B: number, T: number, C: number,
): void {
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      const o = (b * T + t) * C;
      const ix = tokens[b * T + t] * C;
      const it = t * C;
      for (let i = 0; i < C; i++) {
        dwte[ix + i] += dout[o + i];
        dwpe[it + i] += dout[o + i];
      }
    }
  }
}

/** Normalise each row of inp (N, C) to mean 0, variance 1, then scale by w and shift by b. */
export function layerNormForward(
  out: Floats, mean: Floats, rstd: Floats, inp: Floats, w: Floats, b: Floats, N: number, C: number, eps = LAYER_NORM_EPS,
): void {
  for (let n = 0; n < N; n++) {
    const x = n * C;
    let m = 0;
    for (let i = 0; i < C; i++) m += inp[x + i];
    m /= C;
    let v = 0;
    for (let i = 0; i < C; i++) {
      const d = inp[x + i] - m;
      v += d * d;
    }
    v /= C;
    const s = 1 / Math.sqrt(v + eps);
    for (let i = 0; i < C; i++) out[x + i] = (inp[x + i] - m) * s * w[i] + b[i];
    mean[n] = m;
    rstd[n] = s;
  }
}

export function layerNormBackward(
  dinp: Floats, dw: Floats, db: Floats, dout: Floats,
  inp: Floats, w: Floats, mean: Floats, rstd: Floats, N: number, C: number,
): void {
  for (let n = 0; n < N; n++) {
    const x = n * C;
    const m = mean[n];
    const s = rstd[n];
    // Two reductions: the mean of dnorm and the mean of dnorm·norm.
    let dnormMean = 0;
    let dnormNormMean = 0;
    for (let i = 0; i < C; i++) {
      const norm = (inp[x + i] - m) * s;
      const dnorm = w[i] * dout[x + i];
      dnormMean += dnorm;
      dnormNormMean += dnorm * norm;
    }
    dnormMean /= C;
    dnormNormMean /= C;
    for (let i = 0; i < C; i++) {
      const norm = (inp[x + i] - m) * s;
      const dnorm = w[i] * dout[x + i];
      db[i] += dout[x + i];
      dw[i] += norm * dout[x + i];
      dinp[x + i] += (dnorm - dnormMean - norm * dnormNormMean) * s;
    }
  }
}

/**
 * out (N, OC) = inp (N, C) · wᵀ + bias, with w stored (OC, C) as in PyTorch's Linear.
 * Four outputs share each load of inp, two tokens each load of w, and every token in turn
 * reads those four rows of w while they are in cache (a 50257-word unembedding is read
 * once, not once per token).
 * Every sum still runs over i in order, so the blocked loops give the same bits as the
 * plain ones.
 */
export function matmulForward(
  out: Floats, inp: Floats, w: Floats, bias: Floats | null, N: number, C: number, OC: number,
): void {
  let o = 0;
  for (; o + 4 <= OC; o += 4) {
    const r0 = o * C;
    const r1 = r0 + C;
    const r2 = r1 + C;
    const r3 = r2 + C;
    const b0 = bias === null ? 0 : bias[o];
    const b1 = bias === null ? 0 : bias[o + 1];
    const b2 = bias === null ? 0 : bias[o + 2];
    const b3 = bias === null ? 0 : bias[o + 3];
    // two tokens at a time: each load of w serves both (an odd last token is paired with itself)
    for (let n = 0; n < N; n += 2) {
      const m = Math.min(n + 1, N - 1);
      const x = n * C;
      const x2 = m * C;
      const y = n * OC + o;
      const y2 = m * OC + o;
      let s0 = b0;
      let s1 = b1;
      let s2 = b2;
      let s3 = b3;
      let u0 = b0;
      let u1 = b1;
      let u2 = b2;
      let u3 = b3;
      for (let i = 0; i < C; i++) {
        const xi = inp[x + i];
        const zi = inp[x2 + i];
        const w0 = w[r0 + i];
        const w1 = w[r1 + i];
        const w2 = w[r2 + i];
        const w3 = w[r3 + i];
        s0 += xi * w0;
        s1 += xi * w1;
        s2 += xi * w2;
        s3 += xi * w3;
        u0 += zi * w0;
        u1 += zi * w1;
        u2 += zi * w2;
        u3 += zi * w3;
      }
      out[y] = s0;
      out[y + 1] = s1;
      out[y + 2] = s2;
      out[y + 3] = s3;
      out[y2] = u0;
      out[y2 + 1] = u1;
      out[y2 + 2] = u2;
      out[y2 + 3] = u3;
    }
  }
  for (; o < OC; o++) {
    const r = o * C;
    for (let n = 0; n < N; n++) {
      const x = n * C;
      let s = bias === null ? 0 : bias[o];
      for (let i = 0; i < C; i++) s += inp[x + i] * w[r + i];
      out[n * OC + o] = s;
    }
  }
}

export function matmulBackward(
  dinp: Floats, dw: Floats, dbias: Floats | null, dout: Floats,
  inp: Floats, w: Floats, N: number, C: number, OC: number,
): void {
  // dinp (N, C) += dout · w, four columns at a time
  for (let n = 0; n < N; n++) {
    const d = n * OC;
    let i = 0;
    for (; i + 4 <= C; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let o = 0; o < OC; o++) {
        const g = dout[d + o];
        const r = o * C + i;
        s0 += g * w[r];
        s1 += g * w[r + 1];
        s2 += g * w[r + 2];
        s3 += g * w[r + 3];
      }
      const k = n * C + i;
      dinp[k] += s0;
      dinp[k + 1] += s1;
      dinp[k + 2] += s2;
      dinp[k + 3] += s3;
    }
    for (; i < C; i++) {
      let s = 0;
      for (let o = 0; o < OC; o++) s += dout[d + o] * w[o * C + i];
      dinp[n * C + i] += s;
    }
  }
  // dw (OC, C) += doutᵀ · inp, dbias (OC) += column sums of dout
  for (let o = 0; o < OC; o++) {
    let i = 0;
    for (; i + 4 <= C; i += 4) {
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let n = 0; n < N; n++) {
        const g = dout[n * OC + o];
        const r = n * C + i;
        s0 += g * inp[r];
        s1 += g * inp[r + 1];
        s2 += g * inp[r + 2];
        s3 += g * inp[r + 3];
      }
      const k = o * C + i;
      dw[k] += s0;
      dw[k + 1] += s1;
      dw[k + 2] += s2;
      dw[k + 3] += s3;
    }
    for (; i < C; i++) {
      let s = 0;
      for (let n = 0; n < N; n++) s += dout[n * OC + o] * inp[n * C + i];
      dw[o * C + i] += s;
    }
    if (dbias !== null) {
      let s = 0;
      for (let n = 0; n < N; n++) s += dout[n * OC + o];
      dbias[o] += s;
    }
  }
}

/**
 * Causal multi-head self-attention from qkv (B, T, 3C) = [q | k | v].
 * preatt, att: (B, NH, T, T); cells above the diagonal (t2 > t) are never computed and hold 0.
 * out (B, T, C): each head's weighted sum of v, heads side by side.
 */
export function attentionForward(
  out: Floats, preatt: Floats, att: Floats, qkv: Floats, B: number, T: number, C: number, NH: number,
): void {
  const hs = C / NH;
  const C3 = 3 * C;
  const scale = 1 / Math.sqrt(hs);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      for (let h = 0; h < NH; h++) {
        const q = (b * T + t) * C3 + h * hs;
        const row = ((b * NH + h) * T + t) * T;
        // scores q·k / sqrt(hs), keys up to t only
        let max = -Infinity;
        for (let t2 = 0; t2 <= t; t2++) {
          const k = (b * T + t2) * C3 + C + h * hs;
          let dot = 0;
          for (let i = 0; i < hs; i++) dot += qkv[q + i] * qkv[k + i];
          dot *= scale;
          preatt[row + t2] = dot;
          if (dot > max) max = dot;
        }
        // softmax over the row
        let sum = 0;
        for (let t2 = 0; t2 <= t; t2++) {
          const e = exp(preatt[row + t2] - max);
          att[row + t2] = e;
          sum += e;
        }
        for (let t2 = 0; t2 <= t; t2++) att[row + t2] = att[row + t2] / sum;
        for (let t2 = t + 1; t2 < T; t2++) {
          preatt[row + t2] = 0;
          att[row + t2] = 0;
        }
        // weighted sum of the values
        const o = (b * T + t) * C + h * hs;
        for (let i = 0; i < hs; i++) {
          let acc = 0;
          for (let t2 = 0; t2 <= t; t2++) acc += att[row + t2] * qkv[(b * T + t2) * C3 + 2 * C + h * hs + i];
          out[o + i] = acc;
        }
      }
    }
  }
}

export function attentionBackward(
  dqkv: Floats, dout: Floats, qkv: Floats, att: Floats, B: number, T: number, C: number, NH: number,
): void {
  const hs = C / NH;
  const C3 = 3 * C;
  const scale = 1 / Math.sqrt(hs);
  const datt = new Float64Array(T);
  const dpre = new Float64Array(T);
  for (let b = 0; b < B; b++) {
    for (let t = 0; t < T; t++) {
      for (let h = 0; h < NH; h++) {
        const row = ((b * NH + h) * T + t) * T;
        const o = (b * T + t) * C + h * hs;
        const q = (b * T + t) * C3 + h * hs;
        // out = att · v
        for (let t2 = 0; t2 <= t; t2++) {
          const v = (b * T + t2) * C3 + 2 * C + h * hs;
          let d = 0;
          for (let i = 0; i < hs; i++) {
            d += qkv[v + i] * dout[o + i];
            dqkv[v + i] += att[row + t2] * dout[o + i];
          }
          datt[t2] = d;
        }
        // softmax: dpre = att ⊙ (datt − Σ att·datt)
        let dot = 0;
        for (let t2 = 0; t2 <= t; t2++) dot += att[row + t2] * datt[t2];
        for (let t2 = 0; t2 <= t; t2++) dpre[t2] = att[row + t2] * (datt[t2] - dot);
        // preatt = q·k · scale
        for (let t2 = 0; t2 <= t; t2++) {
          const k = (b * T + t2) * C3 + C + h * hs;
          const g = dpre[t2] * scale;
          for (let i = 0; i < hs; i++) {
            dqkv[q + i] += qkv[k + i] * g;
            dqkv[k + i] += qkv[q + i] * g;
          }
        }
      }
    }
  }
}

const GELU_SCALE = Math.sqrt(2 / Math.PI);
const GELU_CUBE = 0.044715;

/** GELU, tanh approximation (as GPT-2): 0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³))). */
export function gelu(x: number): number {
  return 0.5 * x * (1 + tanh(GELU_SCALE * (x + GELU_CUBE * x * x * x)));
}

/** GELU, exact (HF's "gelu"): x·Φ(x) = 0.5·x·(1 + erf(x/√2)). */
export function geluErf(x: number): number {
  return 0.5 * x * (1 + erf(x * Math.SQRT1_2));
}

export function geluForward(out: Floats, inp: Floats, variant: Activation = "gelu_tanh"): void {
  const f = variant === "gelu_erf" ? geluErf : gelu;
  for (let i = 0; i < inp.length; i++) out[i] = f(inp[i]);
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

export function geluBackward(dinp: Floats, inp: Floats, dout: Floats, variant: Activation = "gelu_tanh"): void {
  if (variant === "gelu_erf") {
    // d/dx x·Φ(x) = Φ(x) + x·φ(x)
    for (let i = 0; i < inp.length; i++) {
      const x = inp[i];
      dinp[i] += (0.5 * (1 + erf(x * Math.SQRT1_2)) + x * INV_SQRT_2PI * exp(-0.5 * x * x)) * dout[i];
    }
    return;
  }
  for (let i = 0; i < inp.length; i++) {
    const x = inp[i];
    const th = tanh(GELU_SCALE * (x + GELU_CUBE * x * x * x));
    const sech2 = 1 - th * th;
    const grad = 0.5 * (1 + th) + 0.5 * x * sech2 * GELU_SCALE * (1 + 3 * GELU_CUBE * x * x);
    dinp[i] += grad * dout[i];
  }
}

export function residualForward(out: Floats, a: Floats, b: Floats): void {
  for (let i = 0; i < out.length; i++) out[i] = a[i] + b[i];
}

export function residualBackward(da: Floats, db: Floats, dout: Floats): void {
  for (let i = 0; i < dout.length; i++) {
    da[i] += dout[i];
    db[i] += dout[i];
  }
}

/** Row-wise softmax of logits (N, V), shifted by the row maximum for stability. */
export function softmaxForward(probs: Floats, logits: Floats, N: number, V: number): void {
  for (let n = 0; n < N; n++) {
    const r = n * V;
    let max = -Infinity;
    for (let i = 0; i < V; i++) if (logits[r + i] > max) max = logits[r + i];
    let sum = 0;
    for (let i = 0; i < V; i++) {
      const e = exp(logits[r + i] - max);
      probs[r + i] = e;
      sum += e;
    }
    for (let i = 0; i < V; i++) probs[r + i] = probs[r + i] / sum;
  }
}
