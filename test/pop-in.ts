// Whether anything pops in: every cube, block and label that appears must grow or fade in over at least 6 frames at 30 fps.

import type { ExplainerContext } from "../src/engine/explainer.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import type { AnyExplainer } from "../src/explainers/index.js";

interface Thing {
  /** Size × opacity for a cube, opacity for a label. */
  amount: number;
  pos: readonly number[];
  size: number;
  text?: string;
}

/** What each thing shows at one frame, by key: cubes by block id, tensor index and occurrence; labels by id. */
function shown(ex: AnyExplainer, ctx: ExplainerContext, frame: number): Map<string, Thing> {
  const s = sceneStateAt(ex as never, ctx as never, frame);
  const out = new Map<string, Thing>();
  for (const b of s.blocks) {
    const seen = new Map<number, number>();
    for (let k = 0; k < b.count; k++) {
      const size = Math.max(b.scales[3 * k], b.scales[3 * k + 1], b.scales[3 * k + 2]);
      if (size <= 0) continue;
      const idx = b.index[k] >= 0 ? b.index[k] : -1 - k;
      const n = seen.get(idx) ?? 0;
      seen.set(idx, n + 1);
      out.set(`cube ${b.id}#${idx}.${n}`, { amount: size * b.opacity, pos: Array.from(b.positions.subarray(3 * k, 3 * k + 3)), size: size * (b.opacity > 0.9 ? 1 : 0) });
    }
  }
  for (const l of s.labels) out.set(`label ${l.id}`, { amount: l.opacity, pos: l.anchor, size: l.opacity > 0.9 ? 1 : 0, text: l.text });
  return out;
}

const near = (a: readonly number[], b: readonly number[]) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]) < 0.3;

/** Whether the thing was handed over from another block or label: the same thing stood there, fully shown, the frame before. */
function handedOver(t: Thing, before: Map<string, Thing>): boolean {
  for (const u of before.values()) {
    if (u.size <= 0 || !near(t.pos, u.pos)) continue;
    if (t.text !== undefined ? u.text === t.text : Math.abs(u.size - t.size) <= 0.15 * t.size) return true;
  }
  return false;
}

/** Every appearance that reaches 90% of what it shows within fewer than `minFrames` frames, in words. */
export function popIns(ex: AnyExplainer, ctx: ExplainerContext, minFrames = Math.ceil((6 * ctx.props.fps) / 30)): string[] {
  const total = ctx.timeline.durationInFrames;
  const frames = Array.from({ length: total }, (_, f) => shown(ex, ctx, f));
  const problems: string[] = [];
  for (let f = 1; f < total; f++) {
    for (const [key, t] of frames[f]) {
      if ((frames[f - 1].get(key)?.amount ?? 0) > 0) continue;
      // it appears at f: its full amount is the most it shows over the next 2 × minFrames frames
      let full = t.amount;
      for (let j = 1; j < 2 * minFrames && f + j < total; j++) full = Math.max(full, frames[f + j].get(key)?.amount ?? 0);
      // what never shows more than 5% of itself is not seen
      if (full < 0.05) continue;
      for (let j = 0; j < minFrames - 1 && f + j < total; j++) {
        const now = frames[f + j].get(key)?.amount ?? 0;
        if (now < 0.9 * full) continue;
        if (!(j === 0 && handedOver(t, frames[f - 1]))) problems.push(`${key} appears at frame ${f} and shows ${Math.round((100 * now) / full)}% by frame ${f + j}`);
        break;
      }
    }
  }
  return problems;
}
