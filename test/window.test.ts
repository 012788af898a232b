// The window of a wide vector's dimensions: hand-computed variances, ties, and whole vectors.
import { describe, expect, it } from "vitest";
import { isPartial, spreadWindow, wholeWindow, windowRecord } from "../src/engine/window.js";

// three tokens, four dimensions; variances over the tokens: 0, 2, 2/3, 50/3
const t = { shape: [3, 4], data: [1, 0, 1, -5, 1, 3, 2, 5, 1, 0, 3, 0] };

describe("spreadWindow", () => {
  it("keeps the dimensions whose values vary most over the tokens, in ascending order", () => {
    expect(spreadWindow([t], 2)).toEqual({ dims: [1, 3], of: 4 });
    expect(spreadWindow([t], 3)).toEqual({ dims: [1, 2, 3], of: 4 });
    expect(spreadWindow([t], 1)).toEqual({ dims: [3], of: 4 });
  });

  it("sums the variances of several tensors and prefers the lower index on a tie", () => {
    const flat = { shape: [3, 4], data: [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2] };
    expect(spreadWindow([flat], 2)).toEqual({ dims: [0, 1], of: 4 });
    // t's dimension 0 never varies, but the other tensor's does, by 8/3: it outranks t's 2 and 2/3
    const other = { shape: [3, 4], data: [-2, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0] };
    expect(spreadWindow([t, other], 2)).toEqual({ dims: [0, 3], of: 4 });
  });

  it("returns a vector no wider than the window whole, and records only partial windows", () => {
    expect(spreadWindow([t], 4)).toEqual(wholeWindow(4));
    expect(spreadWindow([t], 9)).toEqual(wholeWindow(4));
    expect(isPartial(wholeWindow(4))).toBe(false);
    expect(windowRecord({ a: wholeWindow(4), b: spreadWindow([t], 2) }, { a: "all", b: "most varied" })).toEqual({ windows: { b: { dims: [1, 3], of: 4, why: "most varied" } } });
    expect(windowRecord({ a: wholeWindow(4) }, { a: "all" })).toEqual({});
  });
});
