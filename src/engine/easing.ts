// Easing (rate) functions on [0, 1], as in manim's rate functions, and the reveal wave and pulse built on them.

export type Easing = (t: number) => number;

export const clamp01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);
export const linear: Easing = (t) => clamp01(t);
export const easeInCubic: Easing = (t) => clamp01(t) ** 3;
export const easeOutCubic: Easing = (t) => 1 - (1 - clamp01(t)) ** 3;
export const easeInOutCubic: Easing = (t) => {
  const x = clamp01(t);
  return x < 0.5 ? 4 * x * x * x : 1 - (-2 * x + 2) ** 3 / 2;
};
/** Smooth start and stop with zero slope at both ends (smoothstep). */
export const smooth: Easing = (t) => {
  const x = clamp01(t);
  return x * x * (3 - 2 * x);
};
/** The part of [0, 1] that falls in [a, b], rescaled to [0, 1]: for sub-steps of one clip. */
export const window = (t: number, a: number, b: number) => clamp01((t - a) / (b - a));
/**
 * A wave that reveals element i of n as u goes 0 → 1, at least `width` elements and at least all n
 * of them at a time: each element grows over half of the clip or more, so nothing pops in.
 */
export const wave = (u: number, i: number, n: number, width = 3) => {
  const w = Math.max(width, n);
  return clamp01((u * (n + w) - i) / w);
};
/** 0 at both ends, 1 in the middle: a pulse while something is being computed. */
export const bump = (u: number) => 4 * u * (1 - u);
