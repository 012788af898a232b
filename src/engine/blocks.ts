// Builders for the blocks of a SceneState: a tensor laid on a grid, accent-coloured cubes, placements.

import { colorScale, hexToRgb, mix, normalise, type RGB, valueColor } from "../layout/palette.js";
import type { Kind, Theme } from "../layout/themes.js";
import type { TensorRecord } from "../trace/schema.js";
import { cellCenter, type Grid, type Vec3 } from "./grid.js";
import type { CubeBlock } from "./scene-types.js";

export interface Tint {
  /** sRGB triples, 3 per element. */
  colors: Float32Array;
  /** |value| / scale, clamped to 1, per element: the cube's depth grows with it. */
  magnitude: Float32Array;
}

/** The tensors a video colours its cubes by, with each one's colour scale and palette colours. */
export interface TensorSource {
  theme: Theme;
  /** Every tensor by id (a trace's, or several traces' under prefixed ids). */
  tensors: Record<string, TensorRecord>;
  /** Colour scale (largest |value|) of every tensor. */
  scales: Record<string, number>;
  /** Every element's palette colour and |normalised value|: computed once, not per frame. */
  tints: Record<string, Tint>;
  /** Edge of a cube in world units. */
  cube: number;
}

function tint(theme: Theme, data: readonly number[], scale: number): Tint {
  const colors = new Float32Array(data.length * 3);
  const magnitude = new Float32Array(data.length);
  data.forEach((v, i) => {
    colors.set(valueColor(theme, v, scale), 3 * i);
    magnitude[i] = Math.abs(normalise(v, scale));
  });
  return { colors, magnitude };
}

/** Colour scales and tints of every tensor, for one theme. */
export function tensorSource(theme: Theme, tensors: Record<string, TensorRecord>, cube: number): TensorSource {
  const scales: Record<string, number> = {};
  const tints: Record<string, Tint> = {};
  for (const [id, t] of Object.entries(tensors)) {
    scales[id] = colorScale(t.data);
    tints[id] = tint(theme, t.data, scales[id]);
  }
  return { theme, tensors, scales, tints, cube };
}

export function newBlock(id: string, kind: Kind, tensor: string | null, count: number): CubeBlock {
  return {
    id, kind, tensor, blend: null, count,
    positions: new Float32Array(count * 3),
    scales: new Float32Array(count * 3),
    colors: new Float32Array(count * 3),
    index: new Int32Array(count).fill(-1),
    opacity: 1,
    glow: 0,
    recede: 0,
  };
}

export function setCube(b: CubeBlock, k: number, pos: Vec3, size: Vec3, color: RGB, index: number): void {
  b.positions[3 * k] = pos[0];
  b.positions[3 * k + 1] = pos[1];
  b.positions[3 * k + 2] = pos[2];
  b.scales[3 * k] = size[0];
  b.scales[3 * k + 1] = size[1];
  b.scales[3 * k + 2] = size[2];
  b.colors[3 * k] = color[0];
  b.colors[3 * k + 1] = color[1];
  b.colors[3 * k + 2] = color[2];
  b.index[k] = index;
}

/** How a tensor element (token t, feature i, or the i-th of a window's dims) maps to a grid cell (col, row, depth). */
export type Placement = (t: number, i: number) => Vec3;

export const columnPlacement = (rowOffset = 0): Placement => (t, i) => [t, i - rowOffset, 0];
/** (T, 4C) hidden activations: C rows, four layers deep. */
export const deepPlacement = (C: number): Placement => (t, i) => [t, i % C, Math.floor(i / C)];
/** (T, T) attention: query t is a row (top to bottom), key i a column. */
export const matrixPlacement: Placement = (t, i) => [i, t, 0];

export interface TensorBlockSpec {
  id: string;
  kind: Kind;
  tensor: string;
  grid: Grid;
  place: Placement;
  /** Tokens (rows of the tensor) to show; default all. */
  tokens?: number[];
  /** Feature range [from, to) of each row to show; default all. */
  features?: [number, number];
  /** The features to show, in order (a window of a wide vector): place gets each one's position j in this list. */
  dims?: readonly number[];
  /** Per-cube reveal in [0, 1] (0 hidden, 1 full size) of feature i, shown at position j; default 1. */
  reveal?: (t: number, j: number, i: number) => number;
  /** Colour mixed from another tensor's value at the same element: t = 0 all `from`, 1 all `tensor`. */
  from?: { tensor: string; t: number };
  offset?: Vec3;
  opacity?: number;
  glow?: number;
}

/** A block whose every cube is one element of a trace tensor, coloured by the palette. */
export function tensorBlock(ctx: TensorSource, s: TensorBlockSpec): CubeBlock {
  const data = ctx.tensors[s.tensor];
  const [R, W] = data.shape;
  const tokens = s.tokens ?? Array.from({ length: R }, (_, t) => t);
  const [f0, f1] = s.features ?? [0, W];
  const dims = s.dims;
  const n = dims ? dims.length : f1 - f0;
  const b = newBlock(s.id, s.kind, s.tensor, tokens.length * n);
  const tint = ctx.tints[s.tensor];
  const from = s.from && s.from.t < 1 ? { tensor: s.from.tensor, tint: ctx.tints[s.from.tensor], t: s.from.t } : null;
  const off = s.offset ?? [0, 0, 0];
  const cube = ctx.cube;
  let k = 0;
  for (const t of tokens) {
    for (let d = 0; d < n; d++) {
      const i = dims ? dims[d] : f0 + d;
      const j = dims ? d : i;
      const idx = t * W + i;
      let color: RGB = [tint.colors[3 * idx], tint.colors[3 * idx + 1], tint.colors[3 * idx + 2]];
      let n = tint.magnitude[idx];
      if (from) {
        const c = from.tint.colors;
        color = mix([c[3 * idx], c[3 * idx + 1], c[3 * idx + 2]], color, from.t);
        n = from.tint.magnitude[idx] * (1 - from.t) + n * from.t;
      }
      const r = s.reveal ? s.reveal(t, j, i) : 1;
      const [c, row, depth] = s.place(t, j);
      const p = cellCenter(s.grid, c, row, depth);
      const e = cube * r;
      setCube(b, k++, [p[0] + off[0], p[1] + off[1], p[2] + off[2]], [e, e, e * (0.3 + 0.7 * n)], color, idx);
    }
  }
  b.blend = from ? { tensor: from.tensor, t: from.t } : null;
  b.opacity = s.opacity ?? 1;
  b.glow = s.glow ?? 0;
  return b;
}

/** Cubes in one accent colour (tokens), at given positions and reveals. */
export function accentBlock(ctx: TensorSource, id: string, kind: Kind, cubes: { pos: Vec3; reveal: number }[]): CubeBlock {
  const b = newBlock(id, kind, null, cubes.length);
  const color = hexToRgb(ctx.theme.accents[kind]);
  const e = ctx.cube * 1.15;
  cubes.forEach((c, k) => setCube(b, k, c.pos, [e * c.reveal, e * c.reveal, e * c.reveal], color, -1));
  return b;
}
