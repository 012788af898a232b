// Each op against values worked out by hand.
import { describe, expect, it } from "vitest";
import {
  attentionForward, gelu, geluBackward, geluErf, geluForward, layerNormForward, matmulForward, residualForward, softmaxForward,
} from "../src/model/ops.js";

const f64 = (xs: number[]) => Float64Array.from(xs);
const close = (got: ArrayLike<number>, want: number[], tol = 1e-6) => {
  expect(got.length).toBe(want.length);
  want.forEach((w, i) => expect(Math.abs(got[i] - w), `index ${i}: ${got[i]} vs ${w}`).toBeLessThanOrEqual(tol));
};

describe("ops", () => {
  it("matmul: out = inp · wᵀ + bias", () => {
    const out = new Float64Array(4);
    matmulForward(out, f64([1, 2, 3, 4, 5, 6]), f64([1, 0, -1, 0.5, 0.5, 0.5]), f64([0.1, -0.2]), 2, 3, 2);
    close(out, [-1.9, 2.8, -1.9, 7.3], 1e-12);
  });

  it("matmul: the unrolled path (OC ≥ 4) equals the plain dot products", () => {
    const N = 3, C = 5, OC = 6;
    const inp = f64(Array.from({ length: N * C }, (_, i) => Math.sin(i)));
    const w = f64(Array.from({ length: OC * C }, (_, i) => Math.cos(i)));
    const out = new Float64Array(N * OC);
    matmulForward(out, inp, w, null, N, C, OC);
    for (let n = 0; n < N; n++) for (let o = 0; o < OC; o++) {
      let s = 0;
      for (let i = 0; i < C; i++) s += inp[n * C + i] * w[o * C + i];
      expect(out[n * OC + o]).toBe(s);
    }
  });

  it("layerNorm of [1, 2, 3, 4] with unit gain: (x − 2.5) / sqrt(1.25 + 1e-5)", () => {
    const out = new Float64Array(4);
    const mean = new Float64Array(1);
    const rstd = new Float64Array(1);
    layerNormForward(out, mean, rstd, f64([1, 2, 3, 4]), f64([1, 1, 1, 1]), f64([0, 0, 0, 0]), 1, 4);
    const s = 1 / Math.sqrt(1.25 + 1e-5);
    close(out, [-1.5 * s, -0.5 * s, 0.5 * s, 1.5 * s], 1e-12);
    expect(mean[0]).toBe(2.5);
    close(out, [-1.341635, -0.447212, 0.447212, 1.341635], 1e-6);
  });

  it("softmax of [1, 2, 3] is [0.0900306, 0.2447285, 0.6652410]", () => {
    const p = new Float64Array(3);
    softmaxForward(p, f64([1, 2, 3]), 1, 3);
    close(p, [0.0900306, 0.2447285, 0.665241], 1e-7);
  });

  it("gelu (tanh form): gelu(0) = 0, gelu(1) = 0.841192, gelu(-1) = -0.158808, gelu(3) = 2.996363", () => {
    expect(gelu(0)).toBe(0);
    close([gelu(1), gelu(-1), gelu(3)], [0.841192, -0.158808, 2.996363], 1e-6);
  });

  it("gelu (exact, HF's \"gelu\"): x·Φ(x), Φ(1) = 0.8413447, with erf to 1.2e-7; its gradient matches finite differences", () => {
    close([geluErf(0), geluErf(1), geluErf(-1), geluErf(2.5)], [0, 0.8413447461, -0.1586552539, 2.4844758337], 2e-7);
    const xs = f64([-3, -1.2, -0.3, 0, 0.4, 1.7, 4]);
    const out = new Float64Array(xs.length);
    geluForward(out, xs, "gelu_erf");
    close(out, Array.from(xs, geluErf), 0);
    const d = new Float64Array(xs.length);
    geluBackward(d, xs, f64(Array(xs.length).fill(1)), "gelu_erf");
    const h = 1e-5;
    close(d, Array.from(xs, (x) => (geluErf(x + h) - geluErf(x - h)) / (2 * h)), 1e-6);
  });

  it("layerNorm takes a checkpoint's epsilon: [1, 2, 3, 4] with 0.25 gives (x − 2.5) / sqrt(1.5)", () => {
    const out = new Float64Array(4);
    layerNormForward(out, new Float64Array(1), new Float64Array(1), f64([1, 2, 3, 4]), f64([1, 1, 1, 1]), f64([0, 0, 0, 0]), 1, 4, 0.25);
    close(out, [-1.5, -0.5, 0.5, 1.5].map((v) => v / Math.sqrt(1.5)), 1e-12);
  });

  it("residual adds elementwise", () => {
    const out = new Float64Array(3);
    residualForward(out, f64([1, 2, 3]), f64([0.5, -2, 10]));
    close(out, [1.5, 0, 13], 0);
  });

  it("causal attention on two tokens, one head of size 2", () => {
    // rows of qkv: [q | k | v]; row 0: q=(1,0) k=(1,0) v=(1,2); row 1: q=(0,1) k=(1,1) v=(3,4)
    const qkv = f64([1, 0, 1, 0, 1, 2, 0, 1, 1, 1, 3, 4]);
    const out = new Float64Array(4);
    const pre = new Float64Array(4);
    const att = new Float64Array(4);
    attentionForward(out, pre, att, qkv, 1, 2, 2, 1);
    const s = 1 / Math.sqrt(2);
    // token 0 sees only itself; token 1: scores (q1·k0, q1·k1)/√2 = (0, 1/√2)
    const a0 = 1 / (1 + Math.exp(s));
    const a1 = 1 - a0;
    close(pre, [s, 0, 0, s], 1e-12);
    close(att, [1, 0, a0, a1], 1e-12);
    close(out, [1, 2, a0 * 1 + a1 * 3, a0 * 2 + a1 * 4], 1e-12);
    close(att, [1, 0, 0.330238, 0.669762], 1e-6);
  });
});
