// The seeded PRNG: reproducible, uniform in [0, 1), and normal() has mean 0 and variance 1.
import { describe, expect, it } from "vitest";
import { Rng } from "../src/model/random.js";

describe("Rng", () => {
  it("gives the same sequence for the same seed and another for another seed", () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 100 }, () => a.u32());
    expect(Array.from({ length: 100 }, () => b.u32())).toEqual(sa);
    expect(Array.from({ length: 100 }, () => c.u32())).not.toEqual(sa);
  });

  it("matches its golden first outputs (any change to the generator changes every trained weight)", () => {
    const r = new Rng(1337);
    expect(Array.from({ length: 4 }, () => r.u32())).toMatchInlineSnapshot(`
      [
        1575730909,
        1274917504,
        769015251,
        438606198,
      ]
    `);
  });

  it("uniform() stays in [0, 1) with mean 1/2; int(n) covers 0..n-1", () => {
    const r = new Rng(7);
    let sum = 0;
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      counts[r.int(6)]++;
    }
    expect(Math.abs(sum / 60000 - 0.5)).toBeLessThan(0.005);
    for (const c of counts) expect(Math.abs(c - 10000)).toBeLessThan(400);
  });

  it("normal() has mean 0 and variance 1", () => {
    const r = new Rng(9);
    const n = 100000;
    let s = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      const x = r.normal();
      s += x;
      s2 += x * x;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(s2 / n - 1)).toBeLessThan(0.02);
  });
});
