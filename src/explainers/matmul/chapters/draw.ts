// What every MatMulAbacus beat draws the same way: the x beads, the weight rods, the output column,
// the products row with its running sum, and the code card; and the timing that lets each of them
// grow or fade in over a few frames, however fast the beat runs.

import { fmt3 } from "../../../engine/facts.js";
import { accentBlock, tensorBlock } from "../../../engine/blocks.js";
import { facts } from "../../../engine/facts.js";
import { clamp01, smooth, wave } from "../../../engine/easing.js";
import { cellCenter, topOf, type Vec3 } from "../../../engine/grid.js";
import { NOTE, type SceneBuilder, TITLE } from "../../../engine/scene-builder.js";
import { isPartial } from "../../../engine/window.js";
import { hexToRgb } from "../../../layout/palette.js";
import { tensorPart } from "../../caption-parts.js";
import type { MatMulContext, Operand } from "../context.js";

/** Three decimals, as every number of this video is shown. */
export const fmt = fmt3;

/** How many inputs (beads, pairs, products) and rods (outputs) are drawn: C and hs, or a wide model's windows of them. */
export const drawnCounts = (ctx: MatMulContext) => ({ nx: ctx.product.window.inputs.dims.length, rods: ctx.product.window.rods.dims.length });

/** W's name in the code: W_q, W_k or W_v. */
export const weightName = (ctx: MatMulContext) => `W_${ctx.product.operand}`;

/**
 * What the captions name and state: facts of this product, and its operands as coloured runs (x,
 * W_q, q: each carrying its tensor's id).
 */
export function captionKit(ctx: MatMulContext) {
  const { ids, operand } = ctx.product;
  return {
    f: facts(ctx),
    x: tensorPart(ids.x, "activation", "x"),
    W: tensorPart(ids.W, "weight", weightName(ctx)),
    out: tensorPart(ids.out, "activation", operand),
  };
}

/** One output of each operand, in plain words. */
const ONE: Record<Operand, { en: string; zh: string }> = {
  q: { en: "query", zh: "查询" },
  k: { en: "key", zh: "键" },
  v: { en: "value", zh: "值" },
};

/** Every word the labels can say, in both languages (for the fonts). */
export const LABEL_WORDS = "input 输入 all tokens 全部 个词元 weights, head 第 个头的权重 products 乘积 query key value queries keys values 查询 键 值 的 of inputs rows more 个输入中的 行中的 其余 个";

const LEFT = { ...TITLE, align: "end" } as const;
const START = { ...TITLE, align: "start" } as const;

/** Frames (at 30 fps, scaled with the frame rate) over which something that appears grows or fades in: more than the 6 asked for. */
const APPEAR = 9;
export const appearFrames = (ctx: MatMulContext) => (APPEAR * ctx.props.fps) / 30;

/** Length in frames of clip `id` ("dot.pairs"). */
export const clipFrames = (ctx: MatMulContext, id: string) => ctx.timeline.clips[id].end - ctx.timeline.clips[id].start;

/** 0 → 1, eased, over the appear time from point `at` (0 … 1) of clip `id` on. */
export function appearFrom(s: SceneBuilder, ctx: MatMulContext, id: string, at = 0): number {
  const c = ctx.timeline.clips[id];
  return smooth((s.frame - (c.start + at * (c.end - c.start))) / appearFrames(ctx));
}

/**
 * n things one after another as u goes 0 → 1 over a clip `frames` long: thing i begins at
 * `at` = i and is full at i + g, where g makes each grow over at least the appear time (so several
 * grow at once when the clip is quick).
 */
export function inTurn(ctx: MatMulContext, u: number, n: number, frames: number): { at: number; grow: (i: number) => number } {
  const F = appearFrames(ctx);
  // g / (n + g) of the clip is at least F frames
  const g = Math.max(1, frames > F ? (F * n) / (frames - F) : 1e6);
  const at = u * (n + g);
  return { at, grow: (i) => smooth(clamp01((at - i) / g)) };
}

/** A pass over the C pairs: how many products are shown, the pair being multiplied (−1: none) and how far product i has grown. */
export interface Pass {
  shown: number;
  active: number;
  grow: (i: number) => number;
}

/** The pass over the C pairs drawn at progress u of a clip `frames` long. */
export function passAt(ctx: MatMulContext, u: number, frames: number): Pass {
  const C = drawnCounts(ctx).nx;
  const { at, grow } = inTurn(ctx, u, C, frames);
  return { shown: u <= 0 ? 0 : Math.min(C, Math.floor(at) + 1), active: u > 0 && at < C ? Math.floor(at) : -1, grow };
}

/**
 * The x beads, standing in front of rod `j` (fractional while they move) at `along` = 1 or at home
 * above the slab at 0; bead `active` enlarged (the pair being multiplied); `reveal` grows them in,
 * `named` fades their name in.
 */
export function drawX(s: SceneBuilder, ctx: MatMulContext, j: number, along: number, active: number, reveal: (i: number) => number, opacity = 1, named = 1): void {
  const { product: pr, layout } = ctx;
  const u = smooth(along);
  // in front of the rod and a little above it, so that beads and weights read as two layers
  const dy = (layout.rodY(j) + 0.3 - layout.xGap) * u;
  const z = 1.4 * u;
  s.add(tensorBlock(ctx, {
    id: "x", kind: "activation", tensor: pr.ids.x, grid: layout.x, place: (_t, i) => [i, 0, 0], tokens: [pr.t], dims: pr.window.inputs.dims,
    reveal: (_t, i) => reveal(i) * (i === active ? 1.3 : 1), offset: [0, dy, z], opacity,
  }), 1);
  // the name stays while the beads stand above the slab; in front of it the rods' name is enough
  // beside the beads, or above them on a tall frame
  const [at, style] = layout.portrait ? [[-0.5, layout.xGap + 1.3 + dy, z] as Vec3, START] : [[-1.2, layout.xGap + dy, z] as Vec3, LEFT];
  s.label("label.x", s.say(`input x = “${pr.word}”`, `输入 x = “${pr.word}”`), at, "activation", opacity * named * (1 - u), style, { of: "x", sub: pr.ids.x });
  // at the beads' right end (above it on a tall frame, where the name stands too)
  const note: Vec3 = layout.portrait ? [layout.x.cols - 0.5, layout.xGap + 1.3 + dy, z] : [layout.x.cols + 0.3, layout.xGap + dy, z];
  windowNote(s, ctx, "inputs", note, opacity * named * (1 - u), layout.portrait ? "end" : "start");
}

/** Beside a row or rods drawn in part, "48 of 768 inputs" ("16 of 64 rows"); nothing when all are drawn. */
function windowNote(s: SceneBuilder, ctx: MatMulContext, which: "inputs" | "rods", at: Vec3, opacity: number, align: "start" | "end" = "start"): void {
  const w = ctx.product.window[which];
  if (!isPartial(w)) return;
  const [en, zh] = which === "inputs" ? ["inputs", "个输入"] : ["rows", "行"];
  s.label(`window.${which}`, s.say(`${w.dims.length} of ${w.of} ${en}`, `${w.of} ${zh}中的 ${w.dims.length} ${zh.slice(-1)}`), at, "activation", opacity, { ...NOTE, size: TITLE.size, align }, { of: which === "inputs" ? "x" : "W" });
}

/** The rods: row j of W; `active` enlarges the weight being multiplied on rod `rod`. */
export function drawW(s: SceneBuilder, ctx: MatMulContext, reveal: number, rod = -1, active = -1): void {
  const { product: pr, layout } = ctx;
  s.add(tensorBlock(ctx, {
    id: "W", kind: "weight", tensor: pr.ids.W, grid: layout.W, place: (j, i) => [i, j, 0], tokens: pr.window.rods.dims, dims: pr.window.inputs.dims,
    reveal: (j, i) => wave(reveal, j, layout.W.rows, 2) * (j === rod && i === active ? 1.3 : 1),
  }), reveal);
  const name = s.say(`weights, head ${pr.head}`, `第 ${pr.head} 个头的权重`);
  // beside the rods, or between them and the beads on a tall frame
  const [at, style] = layout.portrait ? [[-0.5, layout.xGap / 2, 0] as Vec3, START] : [[-1.2, -(layout.W.rows - 1) / 2, 0] as Vec3, LEFT];
  s.label("label.W", name, at, "weight", smooth(Math.min(1, reveal * 1.5)), style, { of: "W", sub: weightName(ctx) });
  // under the rods' name (on a tall frame, on its line, ending at the slab's right)
  windowNote(s, ctx, "rods", layout.portrait ? [layout.W.cols - 0.5, at[1], 0] : [at[0], at[1] - 1.6, 0], smooth(Math.min(1, reveal * 1.5)), "end");
}

/** The output column: cell j at `reveal(j)` (0: not yet, a pale ghost waits there; 1: its value), all under `opacity`. */
export function drawOut(s: SceneBuilder, ctx: MatMulContext, reveal: (j: number) => number, opacity: number): void {
  const { product: pr, layout, theme } = ctx;
  let n = 0;
  const rods = layout.out.rows;
  while (n < rods && reveal(n) > 0) n++;
  if (n > 0) {
    s.add(tensorBlock(ctx, {
      id: "out", kind: "activation", tensor: pr.ids.out, grid: layout.out, place: (_t, j) => [0, j, 0], tokens: [pr.t],
      features: [0, n], reveal: (_t, j) => reveal(j), opacity,
    }), 1);
  }
  const waiting = Array.from({ length: rods }, (_, j) => j).filter((j) => reveal(j) < 1);
  if (waiting.length > 0) {
    const ghosts = accentBlock(ctx, "outGhosts", "activation", waiting.map((j) => ({ pos: cellCenter(layout.out, 0, j), reveal: 0.6 * opacity })));
    const c = hexToRgb(theme.masked);
    for (let k = 0; k < ghosts.count; k++) ghosts.colors.set(c, 3 * k);
    s.add(ghosts, 1);
  }
  const one = ONE[pr.operand];
  const text = s.say(`${one.en} “${pr.word}”`, `“${pr.word}” 的${one.zh}`);
  s.label("label.out", text, outNameAt(ctx, layout.out.origin[0]), "activation", opacity, layout.portrait ? LEFT : TITLE, { of: "out", sub: pr.ids.out });
}

/** Where the name of a column right of the slab (the output, the result) stands: over it, or under it and ending at its right on a tall frame. */
export function outNameAt(ctx: MatMulContext, x: number): Vec3 {
  const { layout } = ctx;
  return layout.portrait ? [x + 0.5, -(layout.out.rows - 1) - 1.4, 0] : [x, 1.6, 0];
}

/** What the products row shows: rod j's products as `pass` has them, the sum, the names. */
export interface ProductsView {
  j: number;
  pass: Pass;
  /** The bias is added (0: not yet; the sum then reads "Σ + b = …"). */
  bias: number;
  opacity: number;
  /** The names' and the running sum's opacity. */
  named: number;
  /** The newest product's value under it, at this opacity (0: none). */
  newest: number;
  /** In the sweep: rod j − 1's products still stand where rod j's have not come yet (each is replaced in place). */
  before?: boolean;
}

/**
 * The products x[i]·W[j, i] of rod j (the newest growing in, its value under it) and the running
 * sum beside them: Σ of the products shown, then "+ b" once `bias` > 0. Before the first product
 * of a rod in the sweep, the row and the sum are still rod j − 1's.
 */
export function drawProducts(s: SceneBuilder, ctx: MatMulContext, v: ProductsView): void {
  const { product: pr, layout } = ctx;
  const py = layout.products.origin[1];
  const dims = pr.window.inputs.dims;
  const C = dims.length;
  const row = (id: string, j: number, from: number, to: number, reveal: (k: number) => number) => s.add(tensorBlock(ctx, {
    id, kind: "activation", tensor: pr.ids.products, grid: layout.products, place: (_j, k) => [from + k, 0, 0], tokens: [j],
    dims: dims.slice(from, to), reveal: (_j, k) => reveal(from + k), opacity: v.opacity,
  }), 1);
  // rod j's products, or rod j − 1's whole row while rod j's first has not come
  const early = v.before === true && v.pass.shown === 0;
  const j = early ? v.j - 1 : v.j;
  const n = early ? C : v.pass.shown;
  if (n <= 0) return;
  row("products", j, 0, n, early || v.before ? () => 1 : v.pass.grow);
  if (v.before && !early && n < C) row("productsBefore", v.j - 1, n, C, () => 1);
  // beside the row, or between it and the rods on a tall frame
  const [at, style] = layout.portrait ? [[-0.5, (py - (layout.W.rows - 1)) / 2, 0] as Vec3, START] : [[-1.2, py, 0] as Vec3, LEFT];
  s.label("label.products", s.say("products x · w", "乘积 x · w"), at, "activation", v.named, style, { of: "products" });
  const last = n - 1;
  const value = ctx.tensors[pr.ids.products].data[j * pr.C + dims[last]];
  if (!early) s.label("product", fmt(value), [last, py - 1.3, 0], "activation", v.newest, NOTE, { of: "products" });
  const final = early || v.bias > 0;
  const shown = fmt(pr.partial[j][C - 1]);
  const b = fmt(ctx.tensors[pr.ids.b].data[j]);
  const others = pr.C - C;
  const text = !final
    ? `Σ = ${fmt(pr.partial[j][last])}`
    : others === 0
      ? `Σ + b = ${shown} + ${b} = ${fmt(pr.value[j])}`
      : s.say(`Σ + ${others} more + b = ${shown} + ${fmt(pr.rest[j])} + ${b} = ${fmt(pr.value[j])}`, `Σ + 其余 ${others} 个 + b = ${shown} + ${fmt(pr.rest[j])} + ${b} = ${fmt(pr.value[j])}`);
  s.label("sum", text, [layout.portrait ? -0.5 : C - 3, py - 2.6, 0], "activation", v.named, { ...TITLE, align: "start", bold: true }, { of: "products" });
}

/** Where the sum leaves the row for the output column. */
export const sumStart = (ctx: MatMulContext): Vec3 => [drawnCounts(ctx).nx + (ctx.layout.portrait ? -3 : 0.5), ctx.layout.products.origin[1] - 2.6, 0];

/** Output j's value as a cube on its way from the sum to its cell (`travel` 0 → 1), grown to `size`. */
export function drawSum(s: SceneBuilder, ctx: MatMulContext, j: number, travel: number, size: number): void {
  const { product: pr, layout } = ctx;
  const u = smooth(travel);
  const from = sumStart(ctx);
  const to = cellCenter(layout.out, 0, j);
  s.add(tensorBlock(ctx, {
    id: "sum", kind: "activation", tensor: pr.ids.out, grid: layout.out, place: () => [0, 0, 0], tokens: [pr.t], features: [j, j + 1],
    reveal: () => size, offset: [from[0] + (to[0] - from[0]) * u - layout.out.origin[0], from[1] + (to[1] - from[1]) * u - layout.out.origin[1], 0],
  }), 1);
}

/** A block's title over its grid (the result's under it on a tall frame, as the output's): plain words, the tensor id as the secondary line. */
export function drawTitle(s: SceneBuilder, ctx: MatMulContext, of: "X" | "Q", text: string, sub: string, opacity: number): void {
  const { layout } = ctx;
  const under = of === "Q" && layout.portrait;
  const at = under ? outNameAt(ctx, layout.Q.origin[0] + layout.Q.cols - 1) : topOf(of === "X" ? layout.X : layout.Q);
  s.label(`label.${of}`, text, at, "activation", opacity, under ? LEFT : TITLE, { of, sub });
}

/** The code card: the dot product's line, then torch.matmul's; `line` (0 or 1) is highlighted by `emphasis`. */
export function drawCode(s: SceneBuilder, ctx: MatMulContext, opacity: number, line: 0 | 1, emphasis: number): void {
  const w = weightName(ctx);
  const o = ctx.product.operand;
  const lines = [
    `${o}[t, j] = sum(x[t, i] * ${w}[j, i] for i in range(C)) + b_${o}[j]   # one number: a dot product`,
    `${o} = x @ ${w}.T + b_${o}${" ".repeat(42)}# all of them: torch.matmul`,
  ];
  const chars = Math.max(...lines.map((l) => l.length));
  const aspect = ctx.props.width / ctx.props.height;
  s.card({
    id: "code", x: 0.03, y: 0.035, size: Math.min(0.024, (0.9 * aspect) / (chars * 0.62)), monospace: true, opacity,
    lines: lines.map((text, i) => ({ text, highlight: i === line ? emphasis : 0 })),
  });
}
