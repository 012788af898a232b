// What NextTokenLoop's beats draw the same way: the rail and its row of tokens, the glass tower with
// the last position's residual stream, a step's bars, and the chosen token on its way to the row.

import { accentBlock, newBlock, setCube, tensorBlock } from "../../../engine/blocks.js";
import { bump, clamp01, easeOutCubic, smooth, window } from "../../../engine/easing.js";
import { fmtP } from "../../../engine/facts.js";
import type { Vec3 } from "../../../engine/grid.js";
import type { LabelStyle, SceneBuilder } from "../../../engine/scene-builder.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import type { NextTokenContext, Wrap } from "../context.js";
import { probColumn, tokenX, WORD_SIZE, WORD_Y } from "../context.js";
import { isPartial } from "../../../engine/window.js";

/** "p = 0.998", "p > 0.999", "p < 0.001": a probability run of the caption, in a sentence. */
export const pIs = (p: CaptionPart): CaptionPart[] => {
  const bound = /^[<>]/.test(p.text);
  return [{ text: bound ? "p " : "p = " }, bound ? { ...p, text: `${p.text[0]} ${p.text.slice(1)}` } : p];
};

/** Frames (at 30 fps, scaled with the frame rate) over which something that appears grows or fades in: more than the 6 asked for. */
const APPEAR = 9;
export const appearFrames = (ctx: NextTokenContext) => (APPEAR * ctx.props.fps) / 30;

/** Length in frames of clip `id` ("step1.pass"). */
export const clipFrames = (ctx: NextTokenContext, id: string) => ctx.timeline.clips[id].end - ctx.timeline.clips[id].start;

/** 0 → 1, eased, from the start of clip `id` over the clip or the appear time, whichever is longer. */
export function appearFrom(s: SceneBuilder, ctx: NextTokenContext, id: string): number {
  const c = ctx.timeline.clips[id];
  return smooth((s.frame - c.start) / Math.max(appearFrames(ctx), c.end - c.start));
}

/**
 * n things one after another as u goes 0 → 1 over `frames` frames: thing i begins at i and is full
 * at i + g, where g makes each grow over at least the appear time (several at once when it is quick).
 */
export function inTurn(ctx: NextTokenContext, u: number, n: number, frames: number): (i: number) => number {
  const F = appearFrames(ctx);
  const g = Math.max(1, frames > F ? (F * n) / (frames - F) : 1e6);
  return (i) => clamp01((u * (n + g) - i) / g);
}

/** Words under tokens and bars: horizontal, bold. */
export const WORD: LabelStyle = { size: WORD_SIZE, angle: 0, align: "center", bold: true };
export const VALUE: LabelStyle = { size: 0.7, angle: 0, align: "center", bold: true };
const PANE: LabelStyle = { size: 0.9, angle: 0, align: "end", bold: false };

/** Whether the frame lies in the beat `id` (each chapter draws its own beat only). */
export function inBeat(s: SceneBuilder, ctx: NextTokenContext, id: string): boolean {
  const b = ctx.timeline.beats.find((x) => x.id === id)!;
  return s.frame >= b.from && s.frame < b.from + b.durationInFrames;
}

/** The glass rail under the row: from the first token to one pitch past slot `end` (fractional while it grows). */
export function drawRail(s: SceneBuilder, ctx: NextTokenContext, end: number, scroll: number, opacity: number): void {
  const { layout, theme } = ctx;
  const a = tokenX(layout, 0, scroll) - layout.pitch / 2;
  const b = tokenX(layout, end, scroll) + layout.pitch / 2;
  s.box("rail", "structure", [(a + b) / 2, -0.62, 0], [b - a, 0.2, 1.6], theme.structure.opacity * 2.5 * opacity);
}

/** The rails under the lines of a wrapped text. */
export function drawLines(s: SceneBuilder, ctx: NextTokenContext, wrap: Wrap, name: string, opacity: number): void {
  wrap.rails.forEach((r, i) => s.box(`${name}.${i}`, "structure", r.center, r.size, ctx.theme.structure.opacity * 2.5 * opacity));
}

/** Token j between two places: a at t = 0, b at t = 1. */
export const between = (a: (j: number) => Vec3, b: (j: number) => Vec3, t: number) => (j: number): Vec3 => {
  const p = a(j);
  const q = b(j);
  return [p[0] + (q[0] - p[0]) * t, p[1] + (q[1] - p[1]) * t, p[2] + (q[2] - p[2]) * t];
};

export interface RowSpec {
  /** Tokens 0 … count − 1 of the text are shown. */
  count: number;
  /** Where token j sits once it is in place (on the rail, or on its line of the result). */
  at: (j: number) => Vec3;
  /** Per token: how far it has dropped in (0 above, 1 in place); default 1. */
  drop?: (j: number) => number;
  /** Per token: 0 gone … 1 shown (tokens scrolled out of the step's shot); default 1. */
  shown?: (j: number) => number;
  glow?: number;
}

/** Tokens in a step's shot: those more than `layout.visible` places left of the tower fade out as they scroll away. */
export const inShot = (ctx: NextTokenContext, scroll: number) => (j: number) =>
  smooth(tokenX(ctx.layout, j, scroll) / ctx.layout.pitch + ctx.layout.visible + 1);

/** The row on the rail at `scroll`. */
export const onRail = (ctx: NextTokenContext, scroll: number) => (j: number): Vec3 => [tokenX(ctx.layout, j, scroll), 0, 0];

/** The row: the prompt's tokens in the token accent, the written ones in the output accent, each word under its cube. */
export function drawRow(s: SceneBuilder, ctx: NextTokenContext, r: RowSpec): void {
  const T0 = ctx.gen.prompt.length;
  const cube = (j: number) => {
    const d = r.drop ? r.drop(j) : 1;
    const p = r.at(j);
    return { pos: [p[0], p[1] + 6 * (1 - easeOutCubic(d)), p[2]] as Vec3, reveal: smooth(Math.min(1, d * 1.6)) * (r.shown ? r.shown(j) : 1) };
  };
  const range = (a: number, b: number) => Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
  const prompt = range(0, Math.min(T0, r.count));
  const written = range(T0, r.count);
  for (const [id, kind, js] of [["row.prompt", "token", prompt], ["row.written", "output", written]] as const) {
    if (js.length === 0) continue;
    const b = accentBlock(ctx, id, kind, js.map((j) => cube(j)));
    b.glow = r.glow ?? 0;
    s.add(b, 1);
  }
  for (const j of [...prompt, ...written]) {
    const c = cube(j).pos;
    const d = r.drop ? r.drop(j) : 1;
    s.label(`word.${j}`, ctx.gen.text[j], [c[0], c[1] + WORD_Y, c[2] + 0.6], j < T0 ? "token" : "output", smooth(window(d, 0.3, 1)) * (r.shown ? r.shown(j) : 1), WORD, { of: j < T0 ? "row.prompt" : "row.written" });
  }
}

/** The name of pane l (the embedding, then each layer's output) and the tensor it shows. */
export function paneName(s: SceneBuilder, l: number): { text: string; tensor: string } {
  // pane l > 0 shows the output of layer l − 1 (0-based, as the tensor ids and `abacus heads` count)
  return l === 0
    ? { text: s.say("embedding", "嵌入"), tensor: "x0" }
    : { text: s.say(`layer ${l - 1}`, `第 ${l - 1} 层`), tensor: `l${l - 1}.resid2` };
}

/** The tower's glass panes, their names (of step k's cubes in them), each pane brightened by `lit(l)`. */
export function drawTower(s: SceneBuilder, ctx: NextTokenContext, k: number, opacity: number, lit: (l: number) => number): void {
  const { layout, theme } = ctx;
  const base = theme.structure.opacity;
  layout.panes.forEach((p, l) => {
    // a thin plate behind the cubes (so their colours are seen unfiltered), brightening while it fills
    const plate: Vec3 = [p.center[0], p.center[1], -0.75];
    s.box(`pane.${l}`, "structure", plate, [p.size[0], p.size[1], 0.3], opacity * (base * 1.8 + 0.3 * lit(l)), lit(l) > 0 ? theme.accents.activation : theme.structure.color);
    s.box(`pane.${l}.glass`, "structure", p.center, p.size, opacity * base * 0.6);
    const name = paneName(s, l);
    s.label(`pane.${l}`, name.text, [p.center[0] - p.size[0] / 2 - 0.6, p.center[1], 0], "activation", opacity, PANE, { of: `step${k}.pane${l}`, sub: name.tensor });
  });
  // a wide model's panes draw a window of its dimensions: say how many, over the tower
  const w = ctx.window;
  if (isPartial(w)) s.label("pane.window", s.say(`${w.dims.length} of ${w.of} dims`, `${w.of} 维中的 ${w.dims.length} 维`), [0, layout.towerTop + 1.1, 0], "activation", opacity, PANE);
}

/** Step k's residual stream at the last position: pane l's cube i at reveal(l, i). */
export function drawStream(s: SceneBuilder, ctx: NextTokenContext, k: number, reveal: (l: number, i: number) => number, glow: (l: number) => number): void {
  const { layout } = ctx;
  const ids = ctx.steps[k].ids;
  const cols = layout.cols;
  layout.panes.forEach((p, l) => {
    if (reveal(l, 0) <= 0) return;
    s.add(tensorBlock(ctx, {
      id: `step${k}.pane${l}`, kind: "activation", tensor: l === 0 ? ids.x0 : ids.resid2[l - 1], grid: p.grid,
      dims: ctx.window.dims, place: (_t, j) => [j % cols, Math.floor(j / cols), 0], reveal: (_t, j) => reveal(l, j), glow: glow(l),
    }), 1);
  });
}

/** Where bar b of a step stands, and its height at `rise`. */
export function barTop(ctx: NextTokenContext, k: number, b: number, rise: number): Vec3 {
  const { bars } = ctx.layout;
  const h = Math.max(0.05, rise * bars.maxHeight * ctx.steps[k].bars[b].p);
  return [bars.x0 + bars.pitch * b, bars.base + h, 0];
}

/**
 * Step k's bars: the model's probabilities of its top-k words (and of the chosen one), rising with
 * `rise`; they, their words and their shelf fade with `opacity`, and their footprint grows with it
 * (so that a bar too low to rise visibly still grows in).
 */
export function drawBars(s: SceneBuilder, ctx: NextTokenContext, k: number, rise: number, opacity: number): void {
  const { layout, theme } = ctx;
  const st = ctx.steps[k];
  const tint = ctx.tints[st.ids.probs];
  const b = newBlock(`step${k}.bars`, "output", st.ids.probs, st.bars.length);
  st.bars.forEach((bar, i) => {
    const top = barTop(ctx, k, i, rise);
    const h = top[1] - layout.bars.base;
    const c = tint.colors;
    const foot = layout.bars.width * opacity;
    const col = probColumn(st, bar.id);
    setCube(b, i, [top[0], layout.bars.base + h / 2, 0], [foot, h, foot], [c[3 * col], c[3 * col + 1], c[3 * col + 2]], col);
    s.label(`step${k}.bar.${i}`, bar.token, [top[0], layout.bars.base - 0.95, 0.6], "output", opacity, WORD, { of: b.id });
    s.label(`step${k}.value.${i}`, fmtP(bar.p), [top[0], top[1] + 0.75, 0.6], "output", opacity, VALUE, { of: b.id });
  });
  b.opacity = opacity;
  s.add(b, rise);
  const x0 = layout.bars.x0 - layout.bars.pitch / 2;
  const x1 = layout.bars.x0 + layout.bars.pitch * (st.bars.length - 0.5);
  s.box(`step${k}.shelf`, "structure", [(x0 + x1) / 2, layout.bars.base - 0.1, 0], [x1 - x0, 0.2, 2], theme.structure.opacity * 2 * opacity);
}

/**
 * Step k's chosen token: it grows out of the top of its bar (`appear`), lifts (`lift`), then flies
 * to the end of the row (`land`), where its word takes its place under it.
 */
export function drawNext(s: SceneBuilder, ctx: NextTokenContext, k: number, appear: number, lift: number, land: number, slot: Vec3): void {
  if (appear <= 0) return;
  const st = ctx.steps[k];
  const top = barTop(ctx, k, st.chosenBar, 1);
  const up: Vec3 = [top[0], top[1] + 0.4 + 2 * smooth(lift), 0];
  const u = smooth(land);
  const at: Vec3 = [up[0] + (slot[0] - up[0]) * u, up[1] + (slot[1] - up[1]) * u + 3 * bump(u), up[2] + (slot[2] - up[2]) * u];
  s.add(accentBlock(ctx, `step${k}.next`, "output", [{ pos: at, reveal: smooth(appear) }]), 1);
  const word = ctx.gen.steps[k].token;
  const settled = smooth(window(land, 0.05, 1));
  s.label(`step${k}.next`, word, [at[0], at[1] + 1.3, 0.6], "output", smooth(appear) * (1 - settled), { ...WORD, size: 1 }, { of: `step${k}.next` });
  s.label(`step${k}.landed`, word, [slot[0], WORD_Y + slot[1], 0.6], "output", settled, WORD, { of: `step${k}.next` });
}
