// What every MatMulAbacus beat draws the same way: the x beads, the weight rods, the output column,
// the products row with its running sum, and the code card.

import { accentBlock, tensorBlock } from "../../../engine/blocks.js";
import { smooth, wave } from "../../../engine/easing.js";
import { cellCenter, type Vec3 } from "../../../engine/grid.js";
import { NOTE, type SceneBuilder, TITLE } from "../../../engine/scene-builder.js";
import { hexToRgb } from "../../../layout/palette.js";
import { type MatMulContext, X_GAP } from "../context.js";

/** Three decimals, as every number of this video is shown. */
export const fmt = (v: number) => v.toFixed(3);

/** W's name in the code: W_q, W_k or W_v. */
export const weightName = (ctx: MatMulContext) => `W_${ctx.product.operand}`;

const LEFT = { ...TITLE, align: "end" } as const;

/**
 * The x beads, standing in front of rod `j` (fractional while they move) at `along` = 1 or at home
 * above the slab at 0; bead `active` enlarged (the pair being multiplied); `reveal` grows them in.
 */
export function drawX(s: SceneBuilder, ctx: MatMulContext, j: number, along: number, active: number, reveal: (i: number) => number, opacity = 1): void {
  const { product: pr, layout } = ctx;
  const u = smooth(along);
  // in front of the rod and a little above it, so that beads and weights read as two layers
  const dy = (layout.rodY(j) + 0.3 - X_GAP) * u;
  const z = 1.4 * u;
  s.add(tensorBlock(ctx, {
    id: "x", kind: "activation", tensor: pr.ids.x, grid: layout.x, place: (_t, i) => [i, 0, 0], tokens: [pr.t],
    reveal: (_t, i) => reveal(i) * (i === active ? 1.3 : 1), offset: [0, dy, z], opacity,
  }), 1);
  // the name stays while the beads stand above the slab; in front of it the rods' name is enough
  s.label("label.x", `x = “${pr.word}”`, [-1.2, X_GAP + dy, z], "activation", opacity * Math.min(1, reveal(0) * 2) * (1 - u), LEFT);
}

/** The rods: row j of W; `active` enlarges the weight being multiplied on rod `rod`. */
export function drawW(s: SceneBuilder, ctx: MatMulContext, reveal: number, rod = -1, active = -1): void {
  const { product: pr, layout } = ctx;
  s.add(tensorBlock(ctx, {
    id: "W", kind: "weight", tensor: pr.ids.W, grid: layout.W, place: (j, i) => [i, j, 0],
    reveal: (j, i) => wave(reveal, j, pr.hs, 2) * (j === rod && i === active ? 1.3 : 1),
  }), reveal);
  s.label("label.W", `${weightName(ctx)}, head ${pr.head}`, [-1.2, -(pr.hs - 1) / 2, 0], "weight", Math.min(1, reveal * 2), LEFT);
}

/** The output column: cells j < filled show out[t][j], cell `filled` grows with `landing`, the rest wait as pale ghosts. */
export function drawOut(s: SceneBuilder, ctx: MatMulContext, filled: number, landing: number, opacity: number): void {
  const { product: pr, layout, theme } = ctx;
  const n = Math.min(pr.hs, landing > 0 ? filled + 1 : filled);
  if (n > 0) {
    s.add(tensorBlock(ctx, {
      id: "out", kind: "activation", tensor: pr.ids.out, grid: layout.out, place: (_t, j) => [0, j, 0], tokens: [pr.t],
      features: [0, n], reveal: (_t, j) => (j < filled ? 1 : smooth(landing)), opacity,
    }), 1);
  }
  const waiting = Array.from({ length: pr.hs - filled }, (_, k) => filled + k).filter((j) => j > filled || landing < 1);
  if (waiting.length > 0) {
    const ghosts = accentBlock(ctx, "outGhosts", "activation", waiting.map((j) => ({ pos: cellCenter(layout.out, 0, j), reveal: 0.6 * opacity })));
    const c = hexToRgb(theme.masked);
    for (let k = 0; k < ghosts.count; k++) ghosts.colors.set(c, 3 * k);
    s.add(ghosts, 1);
  }
  s.label("label.out", `${pr.operand} (“${pr.word}”)`, [layout.out.origin[0], 1.6, 0], "activation", opacity);
}

/**
 * The products x[i]·W[j, i] of rod j for i < shown (the newest growing in, its value under it), and
 * the running sum beside them: Σ of the products shown, then "+ b" once `bias` > 0, then, as `drop`
 * goes to 1, the sum travels to its cell at the end of rod j.
 */
export function drawProducts(s: SceneBuilder, ctx: MatMulContext, j: number, shown: number, grow: number, bias: number, drop = 0): void {
  const { product: pr, layout } = ctx;
  const n = Math.min(pr.C, Math.ceil(shown));
  if (n <= 0) return;
  const py = layout.products.origin[1];
  s.add(tensorBlock(ctx, {
    id: "products", kind: "activation", tensor: pr.ids.products, grid: layout.products, place: (_j, i) => [i, 0, 0], tokens: [j],
    features: [0, n], reveal: (_j, i) => (i < n - 1 ? 1 : smooth(grow)), opacity: 1 - 0.5 * smooth(drop),
  }), 1);
  s.label("label.products", "x · w", [-1.2, py, 0], "activation", 1, LEFT);
  const last = n - 1;
  const value = ctx.tensors[pr.ids.products].data[j * pr.C + last];
  s.label("product", fmt(value), [last, py - 1.3, 0], "activation", smooth(grow) * (1 - bias), NOTE);
  const text = bias > 0
    ? `Σ + b = ${fmt(pr.partial[j][pr.C - 1])} + ${fmt(ctx.tensors[pr.ids.b].data[j])} = ${fmt(pr.value[j])}`
    : `Σ = ${fmt(pr.partial[j][last])}`;
  s.label("sum", text, [pr.C - 3, py - 2.6, 0], "activation", 1 - smooth(drop), { ...TITLE, align: "start", bold: true });
  if (drop > 0 && drop < 1) {
    // the finished sum travels up to the end of its rod
    const u = smooth(drop);
    const from: Vec3 = [pr.C + 0.5, py - 2.6, 0];
    const to = cellCenter(layout.out, 0, j);
    s.add(tensorBlock(ctx, {
      id: "sum", kind: "activation", tensor: pr.ids.out, grid: layout.out, place: () => [0, 0, 0], tokens: [pr.t], features: [j, j + 1],
      offset: [from[0] + (to[0] - from[0]) * u - layout.out.origin[0], from[1] + (to[1] - from[1]) * u - layout.out.origin[1], 0],
    }), 1);
  }
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
