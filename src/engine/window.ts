// Which dimensions of a wide vector a picture shows: all of them up to DRAW_WHOLE, else a window of those where the prompt's tokens differ most.

import type { TensorRecord } from "../trace/schema.js";

/** Vectors up to this many numbers are drawn whole (the built-in model's 64). */
export const DRAW_WHOLE = 64;
/** The most numbers of a wider vector a column shows (issue 14: 768 or 1024 as a window of at most 48). */
export const WINDOW = 48;

/** A window of a head's dimensions beside a 48-row column: a third of it, as the built-in model's 16 of 64. */
export const HEAD_WINDOW = WINDOW / 3;

/** A window of a vector's dimensions: which ones are drawn (ascending), of how many. */
export interface DimWindow {
  dims: number[];
  of: number;
}

/** Every dimension of an n-wide vector. */
export const wholeWindow = (n: number): DimWindow => ({ dims: Array.from({ length: n }, (_, i) => i), of: n });

/** Whether a window leaves dimensions out. */
export const isPartial = (w: DimWindow) => w.dims.length < w.of;

/**
 * The `n` features whose values spread most over the tensors' rows (the sum of each tensor's
 * variance over its rows: the prompt's tokens), ascending; ties go to the lower index. Every
 * tensor has the same width W; with W ≤ n, all of them.
 */
export function spreadWindow(tensors: TensorRecord[], n: number): DimWindow {
  const W = tensors[0].shape[tensors[0].shape.length - 1];
  if (W <= n) return wholeWindow(W);
  const spread = new Float64Array(W);
  for (const t of tensors) {
    const R = t.data.length / W;
    for (let i = 0; i < W; i++) {
      let sum = 0;
      let sq = 0;
      for (let r = 0; r < R; r++) {
        const v = t.data[r * W + i];
        sum += v;
        sq += v * v;
      }
      const mean = sum / R;
      spread[i] += Math.max(0, sq / R - mean * mean);
    }
  }
  return topWindow(spread, n);
}

/** The `n` indices of the largest scores, ascending (ties go to the lower index); with n ≥ their number, all of them. */
export function topWindow(score: ArrayLike<number>, n: number): DimWindow {
  const W = score.length;
  if (W <= n) return wholeWindow(W);
  const order = Array.from({ length: W }, (_, i) => i).sort((a, b) => score[b] - score[a] || a - b);
  return { dims: order.slice(0, n).sort((a, b) => a - b), of: W };
}

/**
 * A render record's account of the windows, as { windows: … }: for each one drawn in part, its
 * dims, of how many, and why; whole ones are left out, and with none in part the record has none.
 */
export function windowRecord<K extends string>(windows: Record<K, DimWindow>, why: Record<K, string>): { windows?: Record<string, { dims: number[]; of: number; why: string }> } {
  const out: Record<string, { dims: number[]; of: number; why: string }> = {};
  for (const name of Object.keys(windows) as K[]) if (isPartial(windows[name])) out[name] = { dims: windows[name].dims, of: windows[name].of, why: why[name] };
  return Object.keys(out).length > 0 ? { windows: out } : {};
}
