// The hand-written backward pass against central finite differences, in float64 on a tiny config.
import { describe, expect, it } from "vitest";
import type { ModelConfig } from "../src/model/config.js";
import { allocParams, initParams, paramShapes } from "../src/model/params.js";
import { backward, crossEntropy, forward } from "../src/model/model.js";
import { Rng } from "../src/model/random.js";

const config: ModelConfig = { vocabSize: 7, contextLength: 5, dModel: 8, nLayer: 2, nHead: 2 };
const B = 2;
const T = 4;

describe("backward pass", () => {
  it("matches finite differences for every parameter (max relative error < 1e-5)", () => {
    const rng = new Rng(3);
    // Large init so that every path (attention, GELU curvature, layerNorm) carries signal.
    const p = initParams(config, rng, 0.5, Float64Array);
    for (let i = 0; i < p.data.length; i++) p.data[i] += 0.1 * rng.normal(); // non-trivial gains and biases
    const tokens = Array.from({ length: B * T }, () => rng.int(config.vocabSize));
    const targets = Array.from({ length: B * T }, () => rng.int(config.vocabSize));
    const loss = () => crossEntropy(forward(p, tokens, B, T), targets, config.vocabSize);

    const grads = allocParams(config, Float64Array);
    backward(p, grads, forward(p, tokens, B, T), tokens, targets);

    const h = 1e-5;
    let worst = 0;
    let worstAt = "";
    let offset = 0;
    for (const [name, shape] of paramShapes(config)) {
      const size = shape.reduce((a, b) => a * b, 1);
      for (let i = offset; i < offset + size; i++) {
        const keep = p.data[i];
        p.data[i] = keep + h;
        const up = loss();
        p.data[i] = keep - h;
        const down = loss();
        p.data[i] = keep;
        const numeric = (up - down) / (2 * h);
        const err = Math.abs(numeric - grads.data[i]) / Math.max(1e-3, Math.abs(numeric) + Math.abs(grads.data[i]));
        if (err > worst) {
          worst = err;
          worstAt = `${name}[${i - offset}] analytic ${grads.data[i]} numeric ${numeric}`;
        }
      }
      offset += size;
    }
    expect(worst, worstAt).toBeLessThan(1e-5);
  });

  it("wpe rows past the sequence and unused vocabulary rows get zero gradient", () => {
    const rng = new Rng(5);
    const p = initParams(config, rng, 0.3, Float64Array);
    const tokens = [0, 1, 2, 0];
    const grads = allocParams(config, Float64Array);
    backward(p, grads, forward(p, tokens, 1, 4), tokens, [1, 2, 0, 1]);
    const C = config.dModel;
    expect(Array.from(grads.wpe.subarray(4 * C))).toEqual(new Array(C).fill(0));
    // token 6 is neither an input nor a target, but the tied unembedding still gives it a gradient
    expect(grads.wte.subarray(6 * C, 7 * C).some((g) => g !== 0)).toBe(true);
  });
});
