// One diverging value→colour map for every cube (negative cool, near zero pale, positive warm).

import type { Theme } from "./themes.js";

export type RGB = readonly [number, number, number];

/** "#rrggbb" → sRGB triple in [0, 1]. */
export function hexToRgb(hex: string): RGB {
  const n = parseInt(hex.slice(1), 16);
  return [((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255];
}

export function rgbToHex([r, g, b]: RGB): string {
  const byte = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 255).toString(16).padStart(2, "0");
  return `#${byte(r)}${byte(g)}${byte(b)}`;
}

export const mix = (a: RGB, b: RGB, t: number): RGB => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Normalised value: v / scale clamped to [-1, 1] (scale is the tensor's largest |v|). */
export function normalise(v: number, scale: number): number {
  if (scale <= 0) return 0;
  return Math.max(-1, Math.min(1, v / scale));
}

/**
 * The diverging map for a normalised value t in [-1, 1]: zero colour at 0, the negative
 * or positive colour at ±1, interpolated in sRGB with a square-root ramp so that small
 * values are already visibly tinted.
 */
export function divergingColor(theme: Theme, t: number): RGB {
  const zero = hexToRgb(theme.diverging.zero);
  const end = hexToRgb(t < 0 ? theme.diverging.negative : theme.diverging.positive);
  return mix(zero, end, Math.sqrt(Math.min(1, Math.abs(t))));
}

/** The colour of a cube that stands for value v of a tensor whose largest |v| is scale. */
export function valueColor(theme: Theme, v: number, scale: number): RGB {
  return divergingColor(theme, normalise(v, scale));
}

/** Largest absolute value of a tensor's data (its colour scale); 1 for an all-zero tensor. */
export function colorScale(data: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i]));
  return m > 0 ? m : 1;
}
