// Head scores against hand-made attention patterns whose scores are known, and the role rule.
import { describe, expect, it } from "vitest";
import { copyProbeSet, type Probe } from "../src/model/corpus.js";
import { attentionAt, previousTokenScore, roleFor, ROLE_THRESHOLD, scoreHeads } from "../src/model/heads.js";

/** A (T, T) causal matrix whose row t is `row(t)` (a function returning T weights). */
const matrix = (T: number, row: (t: number) => number[]) => Float64Array.from({ length: T * T }, (_, k) => row(Math.floor(k / T))[k % T]);
const onehot = (T: number, at: number) => Array.from({ length: T }, (_, i) => (i === at ? 1 : 0));
/** Every row spread evenly over positions 0 … t. */
const uniform = (T: number) => matrix(T, (t) => Array.from({ length: T }, (_, i) => (i <= t ? 1 / (t + 1) : 0)));
/** Every row on the position before it (the first on itself). */
const previous = (T: number) => matrix(T, (t) => onehot(T, Math.max(0, t - 1)));

describe("head scores", () => {
  it("previousToken is 1 for a previous-token head and the mean of 1/(t+1) for uniform attention", () => {
    expect(previousTokenScore(previous(6), 6)).toBe(1);
    // rows 1…4 put 1/2, 1/3, 1/4, 1/5 on the position before
    expect(previousTokenScore(uniform(5), 5)).toBeCloseTo((1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 4, 12);
    expect(previousTokenScore(matrix(4, (t) => onehot(4, t)), 4)).toBe(0); // attends to itself
    expect(previousTokenScore([1], 1)).toBe(0);
  });

  it("reads one weight of a row-major matrix", () => {
    const m = matrix(3, (t) => [t, 10 + t, 20 + t]);
    expect(attentionAt(m, 3, 2, 1)).toBe(12);
  });

  it("gives a role to the highest score at or above the threshold, else none", () => {
    expect(ROLE_THRESHOLD).toBe(0.5);
    const none = { previousToken: 0, induction: 0, duplicateToken: 0, colourBinding: 0, copyCue: 0 };
    expect(roleFor({ ...none, previousToken: 0.5, induction: 0.2 })).toBe("previous-token");
    expect(roleFor({ ...none, previousToken: 0.6, induction: 0.9, duplicateToken: 0.7 })).toBe("induction");
    expect(roleFor({ ...none, previousToken: 0.1, induction: 0.2, duplicateToken: 0.55 })).toBe("duplicate-token");
    expect(roleFor({ ...none, colourBinding: 0.8, copyCue: 0.7 })).toBe("colour-binding");
    expect(roleFor({ ...none, previousToken: 0.49, induction: 0.499, copyCue: 0.3 })).toBeNull();
  });

  it("scores a hand-built model: a previous-token head, an induction head, a duplicate head, a uniform head", () => {
    const copies = copyProbeSet().slice(0, 3);
    const others: Probe[] = [{ prompt: "the cat sat on the", answer: "mat" }];
    const T = (p: Probe) => p.prompt.split(" ").length;
    const scores = scoreHeads(2, 2, copies, others, (probe) => {
      const n = T(probe);
      const copy = copies.find((c) => c.prompt === probe.prompt);
      // the last row looks at the thing (induction) or the first colour (duplicate); earlier rows at themselves
      const lastRowOn = (to: number) => matrix(n, (t) => onehot(n, t === n - 1 ? to : t));
      return {
        length: n,
        att: [
          [previous(n), uniform(n)],
          [lastRowOn(copy ? copy.thing : 0), lastRowOn(copy ? copy.firstColour : 0)],
        ],
      };
    });
    const at = (l: number, h: number) => scores.find((s) => s.layer === l && s.head === h)!;
    expect(scores).toHaveLength(4);
    expect(at(0, 0)).toMatchObject({ previousToken: 1, role: "previous-token" });
    expect(at(0, 0).induction).toBe(0); // the second colour's previous word is "the", not the thing
    // copy probes have 10 words, the other probe 5: the uniform head's previousToken is their mean
    const u = (n: number) => Array.from({ length: n - 1 }, (_, i) => 1 / (i + 2)).reduce((a, b) => a + b) / (n - 1);
    expect(at(0, 1).previousToken).toBeCloseTo((3 * u(10) + u(5)) / 4, 12);
    expect(at(0, 1).induction).toBeCloseTo(1 / 10, 12);
    expect(at(0, 1).role).toBeNull();
    expect(at(1, 0)).toMatchObject({ induction: 1, duplicateToken: 0, previousToken: 0, role: "induction" });
    expect(at(1, 1)).toMatchObject({ induction: 0, duplicateToken: 1, role: "duplicate-token" });
  });

  it("scores the two layer-0 steps of the copy circuit: thing → its colour, second colour → \"likes\"", () => {
    const copies = copyProbeSet().slice(0, 2);
    const n = 10;
    const scores = scoreHeads(1, 2, copies, [], (probe) => {
      const c = copies.find((x) => x.prompt === probe.prompt)!;
      return {
        length: n,
        att: [[
          matrix(n, (t) => onehot(n, t === c.thing ? c.firstColour : t)),
          matrix(n, (t) => (t === c.secondColour ? Array.from({ length: n }, (_, i) => (i === c.likes || i === t ? 0.5 : 0)) : onehot(n, t))),
        ]],
      };
    });
    expect(scores[0]).toMatchObject({ colourBinding: 1, copyCue: 0, role: "colour-binding" });
    expect(scores[0].previousToken).toBeCloseTo(1 / 9, 12); // only the thing's row looks one back
    expect(scores[1]).toMatchObject({ colourBinding: 0, copyCue: 0.5, induction: 0, role: "copy-cue" });
  });
});
