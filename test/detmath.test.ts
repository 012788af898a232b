// The engine-independent exp/log/tanh agree with Math's to near machine precision, and are exact where they must be.
import { describe, expect, it } from "vitest";
import { erf, exp, log, pow2, tanh } from "../src/model/detmath.js";

const relErr = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

describe("detmath", () => {
  it("is exact at the anchors", () => {
    expect(exp(0)).toBe(1);
    expect(log(1)).toBe(0);
    expect(tanh(0)).toBe(0);
    expect(pow2(10)).toBe(1024);
    expect(pow2(-3)).toBe(0.125);
    expect(pow2(-1074)).toBe(5e-324);
    expect(exp(-1000)).toBe(0);
    expect(exp(1000)).toBe(Infinity);
    expect(log(0)).toBe(-Infinity);
    expect(Number.isNaN(log(-1))).toBe(true);
  });

  it("exp matches Math.exp within 2e-15 relative over [-700, 700]", () => {
    let worst = 0;
    for (let i = 0; i <= 20000; i++) {
      const x = -700 + (1400 * i) / 20000 + 1e-3 * Math.sin(i);
      worst = Math.max(worst, relErr(exp(x), Math.exp(x)));
    }
    expect(worst).toBeLessThan(2e-15);
  });

  it("log matches Math.log within 2e-15 relative (absolute near 1), subnormals included", () => {
    const xs = [5e-324, 1e-310, 1e-300, 1e-10, 0.5, 0.999999, 1.000001, 2, Math.E, 10, 1e10, 1e300];
    for (let i = 1; i < 5000; i++) xs.push(i / 97.3);
    for (const x of xs) {
      const err = Math.abs(log(x) - Math.log(x)) / Math.max(1, Math.abs(Math.log(x)));
      expect(err, `log(${x})`).toBeLessThan(2e-15);
    }
  });

  it("erf is odd and matches tabulated values within 1.2e-7", () => {
    // Abramowitz & Stegun table 7.1
    const table: [number, number][] = [[0.1, 0.1124629160], [0.5, 0.5204998778], [1, 0.8427007929], [1.5, 0.9661051465], [2, 0.9953222650], [3, 0.9999779095]];
    for (const [x, v] of table) {
      expect(Math.abs(erf(x) - v), `erf(${x})`).toBeLessThan(1.2e-7);
      expect(erf(-x)).toBe(-erf(x));
    }
    expect(Math.abs(erf(0))).toBeLessThan(1.2e-7);
    expect(erf(10)).toBe(1);
  });

  it("tanh matches Math.tanh within 1e-15 absolute and is odd", () => {
    for (let i = -4000; i <= 4000; i++) {
      const x = i / 200;
      expect(Math.abs(tanh(x) - Math.tanh(x))).toBeLessThan(1e-15);
      expect(tanh(-x)).toBe(-tanh(x));
    }
  });
});
