// Test helpers: every visible cube of a block has the palette colour of the trace value it stands for.
import { expect } from "vitest";
import type { ExplainerContext } from "../src/engine/explainer.js";
import type { CubeBlock } from "../src/engine/scene-types.js";
import { mix, valueColor } from "../src/layout/palette.js";

const visible = (b: CubeBlock, k: number) => b.scales[3 * k] > 0 && b.scales[3 * k + 1] > 0;

/** The colour a cube of `b` must have: its value's palette colour (blended while the block changes tensor). */
export function expectedColour(c: ExplainerContext, b: CubeBlock, k: number): readonly [number, number, number] {
  const at = (tensor: string) => valueColor(c.theme, c.tensors[tensor].data[b.index[k]], c.scales[tensor]);
  const own = at(b.tensor!);
  return b.blend ? mix(at(b.blend.tensor), own, b.blend.t) : own;
}

/** Checks every visible value cube of `b`; returns how many were checked. */
export function expectTrueColours(c: ExplainerContext, b: CubeBlock, atLeastOne = true): number {
  expect(b.tensor, b.id).not.toBeNull();
  expect(c.tensors[b.tensor!], `${b.id}: tensor ${b.tensor}`).toBeDefined();
  let checked = 0;
  for (let k = 0; k < b.count; k++) {
    if (!visible(b, k)) continue;
    expect(b.index[k], `${b.id} cube ${k}`).toBeGreaterThanOrEqual(0);
    const want = expectedColour(c, b, k);
    for (let j = 0; j < 3; j++) expect(b.colors[3 * k + j], `${b.id} cube ${k}`).toBeCloseTo(want[j], 5);
    checked++;
  }
  if (atLeastOne) expect(checked, b.id).toBeGreaterThan(0);
  return checked;
}
