// Grids of cells in 3D: where the cubes of a (rows, features) tensor sit, and their bounds.

export type Vec3 = readonly [number, number, number];

/** A grid of cells: column c, row r, depth d sit at origin + (c, ±r, −d) · pitch. */
export interface Grid {
  origin: Vec3;
  cols: number;
  rows: number;
  depth: number;
  /** +1: row 0 at the bottom (vectors); −1: row 0 at the top (matrices read like text). */
  rowDir: 1 | -1;
  /** How much higher than usual the grid's title sits (neighbouring titles alternate, so that they never overlap). */
  titleLift?: number;
}

export interface Box {
  id: string;
  center: Vec3;
  size: Vec3;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

/** Edge of a cube; the pitch between cube centres is 1. */
export const CUBE = 0.78;

/** Centre of cell (col, row, depth) of a grid. */
export function cellCenter(g: Grid, col: number, row: number, depth = 0): Vec3 {
  return [g.origin[0] + col, g.origin[1] + g.rowDir * row, g.origin[2] - depth];
}

/** Axis-aligned bounds of a grid's cube centres, padded by half a pitch. */
export function gridBounds(g: Grid): Bounds {
  const a = cellCenter(g, 0, 0, 0);
  const b = cellCenter(g, g.cols - 1, g.rows - 1, g.depth - 1);
  return {
    min: [Math.min(a[0], b[0]) - 0.5, Math.min(a[1], b[1]) - 0.5, Math.min(a[2], b[2]) - 0.5],
    max: [Math.max(a[0], b[0]) + 0.5, Math.max(a[1], b[1]) + 0.5, Math.max(a[2], b[2]) + 0.5],
  };
}

export const union = (...bs: Bounds[]): Bounds => ({
  min: [0, 1, 2].map((i) => Math.min(...bs.map((b) => b.min[i]))) as unknown as Vec3,
  max: [0, 1, 2].map((i) => Math.max(...bs.map((b) => b.max[i]))) as unknown as Vec3,
});

export const boxBounds = (b: Box): Bounds => ({
  min: [b.center[0] - b.size[0] / 2, b.center[1] - b.size[1] / 2, b.center[2] - b.size[2] / 2] as Vec3,
  max: [b.center[0] + b.size[0] / 2, b.center[1] + b.size[1] / 2, b.center[2] + b.size[2] / 2] as Vec3,
});

/** Where a grid's title label sits: centred above its top row. */
export function topOf(g: Grid): Vec3 {
  const a = cellCenter(g, 0, 0, 0);
  const b = cellCenter(g, g.cols - 1, g.rows - 1, 0);
  return [(a[0] + b[0]) / 2, Math.max(a[1], b[1]) + 1.6 + (g.titleLift ?? 0), 0];
}
