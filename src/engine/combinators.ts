// An animator's vocabulary for authoring: anim, hold, seq, par, stagger, scope; flattened to intervals.

export type Clip =
  | { type: "anim"; id: string; duration: number }
  | { type: "hold"; duration: number }
  | { type: "seq"; children: Clip[] }
  | { type: "par"; children: Clip[] }
  | { type: "stagger"; lag: number; children: Clip[] };

/** A named animation lasting `duration` units. */
export const anim = (id: string, duration = 1): Clip => ({ type: "anim", id, duration });
/** Nothing happens for `duration` units. */
export const hold = (duration: number): Clip => ({ type: "hold", duration });
/** One after another. */
export const seq = (...children: Clip[]): Clip => ({ type: "seq", children });
/** All together; lasts as long as the longest. */
export const par = (...children: Clip[]): Clip => ({ type: "par", children });
/** Each child starts `lag` units after the previous one starts (manim's lag_ratio, in units). */
export const stagger = (lag: number, children: Clip[]): Clip => ({ type: "stagger", lag, children });
/** `n` clips made by `f(0)` … `f(n - 1)`: for one clip per token, layer, step. */
export const each = (n: number, f: (i: number) => Clip): Clip[] => Array.from({ length: n }, (_, i) => f(i));

/**
 * The same tree with every anim id prefixed by `prefix.`: a chapter names its clips locally
 * ("qkv.3") and the timeline holds them by their full name ("attention.qkv.3").
 */
export function scope(prefix: string, c: Clip): Clip {
  switch (c.type) {
    case "anim":
      return { ...c, id: `${prefix}.${c.id}` };
    case "hold":
      return c;
    case "seq":
    case "par":
    case "stagger":
      return { ...c, children: c.children.map((x) => scope(prefix, x)) };
  }
}

export function duration(c: Clip): number {
  switch (c.type) {
    case "anim":
    case "hold":
      return c.duration;
    case "seq":
      return c.children.reduce((s, x) => s + duration(x), 0);
    case "par":
      return c.children.reduce((m, x) => Math.max(m, duration(x)), 0);
    case "stagger":
      return c.children.reduce((m, x, i) => Math.max(m, i * c.lag + duration(x)), 0);
  }
}

export interface Interval {
  id: string;
  start: number;
  end: number;
}

/** Every anim of the tree with its [start, end] in units from `at`. */
export function flatten(c: Clip, at = 0, out: Interval[] = []): Interval[] {
  switch (c.type) {
    case "anim":
      out.push({ id: c.id, start: at, end: at + c.duration });
      break;
    case "hold":
      break;
    case "seq": {
      let t = at;
      for (const x of c.children) {
        flatten(x, t, out);
        t += duration(x);
      }
      break;
    }
    case "par":
      for (const x of c.children) flatten(x, at, out);
      break;
    case "stagger":
      c.children.forEach((x, i) => flatten(x, at + i * c.lag, out));
      break;
  }
  return out;
}
