// What every AttentionHead beat draws the same way: the token rail, the q/k/v columns, the score grid
// and its ghosts, the bars, the arcs, the output column and the small multiples of every head.

import { fmt2, pct } from "../../../engine/facts.js";
import { accentBlock, newBlock, setCube, tensorBlock } from "../../../engine/blocks.js";
import { bump, smooth, window } from "../../../engine/easing.js";
import { cellCenter, type Vec3 } from "../../../engine/grid.js";
import { type LabelStyle, NOTE, type SceneBuilder, TITLE } from "../../../engine/scene-builder.js";
import type { CubeBlock } from "../../../engine/scene-types.js";
import { hexToRgb } from "../../../layout/palette.js";
import type { HeadRole } from "../../../model/heads.js";
import { isPartial } from "../../../engine/window.js";
import { headId } from "../../../trace/ids.js";
import { type AttentionContext, GRID_TOP, PAIR } from "../context.js";

/** The measured head roles in Chinese (the English names are the manifest's). */
export const ROLE_ZH: Record<HeadRole, string> = {
  induction: "归纳头", "previous-token": "前一词元头", "duplicate-token": "重复词元头", "colour-binding": "颜色绑定头", "copy-cue": "复制提示头",
};

/** Labels show numbers as the captions do (engine/facts.ts). */
export { fmt2, pct };

/** Words and numbers: bold (no swatch), horizontal, centred. */
export const wordStyle = (ctx: AttentionContext): LabelStyle => ({ size: ctx.layout.wordSize, angle: 0, align: "center", bold: true });
export const LEFT: LabelStyle = { ...TITLE, align: "end" };
export const RIGHT: LabelStyle = { ...TITLE, align: "start" };

/** Tube radius and opacity of the arc of the row's strongest weight; the others' are in proportion. */
export const ARC_RADIUS = 0.42;
export const ARC_OPACITY = 0.9;
/** How far (z) a moving query or value comes towards the camera at the middle of its path. */
const LIFT = 2;

/** The rail and the token cubes with their words; `drop(t)` in [0, 1] lets token t fall into place. */
export function drawRail(s: SceneBuilder, ctx: AttentionContext, drop: (t: number) => number, opacity = 1, focusGlow = 0): void {
  const { layout: L, trace, theme, focus } = ctx;
  const T = L.T;
  s.box("rail", "structure", [L.colX(T - 1) / 2, L.railY - 0.6, 0], [L.colX(T - 1) + L.pitch, 0.16, 1.4], theme.structure.opacity * 2.5 * opacity);
  const tokens = accentBlock(ctx, "tokens", "token", Array.from({ length: T }, (_, t) => {
    const p = drop(t);
    const up = 3 * (1 - p) ** 3;
    return { pos: [L.colX(t), L.railY + up, 0] as Vec3, reveal: smooth(window(p, 0, 0.85)) * (t === focus.t ? 1 + 0.25 * focusGlow : 1) };
  }));
  tokens.opacity = opacity;
  s.add(tokens, 1);
  for (let t = 0; t < T; t++) {
    s.label(`word.${t}`, trace.tokens[t], [L.colX(t), L.wordY, 0.3], "token", opacity * smooth(window(drop(t), 0.25, 1)), wordStyle(ctx), { of: "tokens" });
  }
}

/** Block `a` with its cube centres moved `u` of the way to `b`'s (same cubes), lifted towards the camera on the way. */
function between(a: CubeBlock, b: CubeBlock, u: number): CubeBlock {
  if (u <= 0) return a;
  if (u >= 1) return b;
  const lift = LIFT * bump(u);
  for (let k = 0; k < a.count; k++) {
    for (let j = 0; j < 3; j++) a.positions[3 * k + j] += (b.positions[3 * k + j] - a.positions[3 * k + j]) * u;
    a.positions[3 * k + 2] += lift;
  }
  return a;
}

/** Columns of hs cubes (k or v) above tokens `tokens`; `reveal(t, j)` grows them, `glow(t)` lights one. */
export function drawColumns(
  s: SceneBuilder, ctx: AttentionContext, name: "k" | "v", tokens: number[],
  reveal: (t: number, j: number) => number, glow: (t: number) => number = () => 0, opacity: number | ((t: number) => number) = 1, dx = 0,
): void {
  const { layout: L, focus } = ctx;
  for (const t of tokens) {
    s.add(tensorBlock(ctx, {
      id: `${name}.${t}`, kind: "activation", tensor: focus.ids[name], grid: L.keys, place: (tt, j) => [L.colX(tt) + dx, j, 0],
      tokens: [t], dims: focus.window.dims, reveal, glow: glow(t), opacity: typeof opacity === "number" ? opacity : opacity(t),
    }), 1);
  }
}

/** The queries: from their columns above the keys (`fly` 0) to their rows left of the grid (`fly` 1). */
export function drawQueries(
  s: SceneBuilder, ctx: AttentionContext, fly: (t: number) => number,
  reveal: (t: number, j: number) => number, glow: (t: number) => number = () => 0, opacity = 1,
): void {
  const { layout: L, focus } = ctx;
  for (let t = 0; t < L.T; t++) {
    const u = smooth(fly(t));
    const spec = { id: `q.${t}`, kind: "activation" as const, tensor: focus.ids.q, tokens: [t], dims: focus.window.dims, reveal, glow: glow(t), opacity };
    const up = () => tensorBlock(ctx, { ...spec, grid: L.queriesUp, place: (tt, j) => [L.colX(tt), j, 0] });
    const row = () => tensorBlock(ctx, { ...spec, grid: L.queryRows, place: (tt, j) => [j, tt, 0] });
    s.add(u <= 0 ? up() : u >= 1 ? row() : between(up(), row(), u), 1);
  }
}

/** The grid's row words, left of the query rows (a column, not a row of words: `row.t3`, not `row.3`). */
export function drawRowWords(s: SceneBuilder, ctx: AttentionContext, opacity: (t: number) => number): void {
  const { layout: L, trace } = ctx;
  const x = L.queryRows.origin[0] - 0.8;
  for (let t = 0; t < L.T; t++) {
    s.label(`row.t${t}`, trace.tokens[t], [x, GRID_TOP - t, 0], "token", opacity(t), { ...wordStyle(ctx), align: "end" }, { of: `q.${t}` });
  }
}

/** Height of a score tile (rows are one unit apart). */
const TILE_HEIGHT = 0.88;

/** Widens every cube of a block to a score tile. */
function tiles(ctx: AttentionContext, b: CubeBlock): CubeBlock {
  const fx = ctx.layout.tile / ctx.cube;
  const fy = TILE_HEIGHT / ctx.cube;
  for (let k = 0; k < b.count; k++) {
    b.scales[3 * k] *= fx;
    b.scales[3 * k + 1] *= fy;
  }
  return b;
}

/**
 * The score grid, one block per row (cells i ≤ t only): preatt, turning into att as `blend(t)`
 * goes 0 → 1; `reveal(t, i)` grows the cells, `glow(t)` lights a row.
 */
export function drawGrid(
  s: SceneBuilder, ctx: AttentionContext, reveal: (t: number, i: number) => number,
  blend: (t: number) => number = () => 0, glow: (t: number) => number = () => 0, opacity = 1,
): void {
  const { layout: L, focus } = ctx;
  for (let t = 0; t < L.T; t++) {
    const b = smooth(blend(t));
    s.add(tiles(ctx, tensorBlock(ctx, {
      id: `scores.${t}`, kind: "attention", tensor: b > 0 ? focus.ids.att : focus.ids.preatt, grid: L.grid,
      place: (tt, i) => [L.colX(i), tt, 0], tokens: [t], features: [0, t + 1], reveal,
      from: b > 0 ? { tensor: focus.ids.preatt, t: b } : undefined, glow: glow(t), opacity,
    })), 1);
  }
}

/** A ghost tile's size, as a share of a score tile. */
export const GHOST = 0.8;

/** The masked cells (later tokens, above the diagonal) as pale ghost tiles, each at `reveal(t, i)`. */
export function drawGhosts(s: SceneBuilder, ctx: AttentionContext, reveal: (t: number, i: number) => number): void {
  const { layout: L, theme } = ctx;
  const cells: { pos: Vec3; reveal: number }[] = [];
  for (let t = 0; t < L.T; t++) for (let i = t + 1; i < L.T; i++) cells.push({ pos: cellCenter(L.grid, L.colX(i), t), reveal: reveal(t, i) });
  if (cells.length === 0 || cells.every((c) => c.reveal <= 0)) return;
  const m = tiles(ctx, accentBlock(ctx, "mask", "attention", cells));
  // accent cubes are a little larger than value cubes: match the tiles
  for (let k = 0; k < m.count; k++) {
    m.scales[3 * k] /= 1.15;
    m.scales[3 * k + 1] /= 1.15;
  }
  const c = hexToRgb(theme.masked);
  for (let k = 0; k < m.count; k++) {
    m.colors.set(c, 3 * k);
    m.scales[3 * k + 2] *= 0.4; // flat: an empty cell, not a value
  }
  m.opacity = 0.75;
  s.add(m, 1);
}

/** A glass band around the focus row of the grid. */
export function drawFocusRow(s: SceneBuilder, ctx: AttentionContext, opacity: number): void {
  const { layout: L, focus, theme } = ctx;
  s.box("focusRow", "attention", [L.colX(L.T - 1) / 2, GRID_TOP - focus.t, 0], [L.colX(L.T - 1) + L.pitch + 0.2, 1.1, 1.5], 0.14 * opacity, theme.accents.attention);
}

/** The focus row's scores as numbers: under the grid for the last row, on the tiles otherwise. */
export function drawScoreNumbers(s: SceneBuilder, ctx: AttentionContext, opacity: number): void {
  const { layout: L, focus } = ctx;
  const last = focus.t === L.T - 1;
  const y = last ? GRID_TOP - L.T + 0.05 : GRID_TOP - focus.t;
  focus.scores.forEach((v, i) => s.label(`score.${i}`, fmt2(v), [L.colX(i), y, last ? 0 : 1], "attention", opacity, wordStyle(ctx), { of: `scores.${focus.t}` }));
}

/** The grid's titles: "scores" (preatt) with how they are computed, or "weights" (att). */
export function gridTitle(s: SceneBuilder, ctx: AttentionContext, which: "scores" | "weights"): { id: string; lines: [string, string]; tensor: string } {
  const f = ctx.focus;
  return which === "scores"
    ? { id: "title.grid", lines: [s.say("scores", "分数"), `q·k / √${f.hs}`], tensor: f.ids.preatt }
    : { id: "title.weights", lines: [s.say("weights", "权重"), s.say("softmax(scores)", "softmax(分数)")], tensor: f.ids.att };
}

/** The grid's title at its right (under it on a tall frame): a name (the tensor id beside it) and a note under it ("scores", "q·k / √hs"). */
export function drawGridTitle(s: SceneBuilder, ctx: AttentionContext, which: "scores" | "weights", opacity: number): void {
  const { layout: L } = ctx;
  const { id, lines, tensor } = gridTitle(s, ctx, which);
  if (L.portrait) {
    // under the grid, ending at its right edge
    const x = L.colX(L.T - 1) + L.tile / 2;
    const y = underGrid(L);
    s.label(id, lines[0], [x, y, 0], "attention", opacity, LEFT, { of: "scores.0", sub: tensor });
    s.label(`${id}.note`, lines[1], [x, y - 1.3, 0], "attention", opacity, { ...NOTE, align: "end", bold: true }, { of: "scores.0" });
    return;
  }
  const x = L.colX(L.T - 1) + L.pitch / 2 + 0.6;
  const y = GRID_TOP - (L.T - 1) / 2;
  s.label(id, lines[0], [x, y + 0.75, 0], "attention", opacity, RIGHT, { of: "scores.0", sub: tensor });
  s.label(`${id}.note`, lines[1], [x + 0.2, y - 0.75, 0], "attention", opacity, { ...NOTE, align: "start", bold: true }, { of: "scores.0" });
}

/*
 * On a wide frame the titles stand beside what they name; a tall frame has no room there (its
 * labels cannot shrink below a readable size), so they stand above or below it, within its width.
 */

/** Over the columns above the tokens (a tall frame's titles of keys, queries and bars). */
const overColumns = (L: AttentionContext["layout"]) => L.keys.origin[1] + L.hs + 0.9;
/** Under the grid (a tall frame's titles of the grid and of the query rows). */
const underGrid = (L: AttentionContext["layout"]) => GRID_TOP - L.T - 1.5;
/** Right edge of the last token column. */
const rightEdge = (L: AttentionContext["layout"]) => L.colX(L.T - 1) + PAIR + 0.5;

/** The keys' title right of the last key column, or the values' left of the first value column: plain words, the tensor id beside them. */
export function drawColumnTitle(s: SceneBuilder, ctx: AttentionContext, name: "k" | "v", opacity: number): void {
  const L = ctx.layout;
  const y = L.keys.origin[1] + (L.hs - 1) / 2;
  const tensor = ctx.focus.ids[name];
  if (name === "v") {
    if (L.portrait) s.tensorLabel("title.values", tensor, [-PAIR - 0.5, L.wordY - 1.4, 0], "activation", opacity, RIGHT, "v.0");
    else s.tensorLabel("title.values", tensor, [-PAIR - 0.9, y, 0], "activation", opacity, LEFT, "v.0");
  } else if (L.portrait) s.tensorLabel("title.keys", tensor, [rightEdge(L), overColumns(L), 0], "activation", opacity, LEFT, `k.${L.T - 1}`);
  else s.tensorLabel("title.keys", tensor, [L.colX(L.T - 1) + PAIR + 0.9, y, 0], "activation", opacity, RIGHT, `k.${L.T - 1}`);
  // a wide head drawn through its window: how many of its dimensions, under the title (over it on a tall frame)
  const w = ctx.focus.window;
  if (!isPartial(w)) return;
  const text = s.say(`${w.dims.length} of ${w.of} dims`, `${w.of} 维中的 ${w.dims.length} 维`);
  const at: Vec3 = name === "v"
    ? (L.portrait ? [-PAIR - 0.5, L.wordY - 2.7, 0] : [-PAIR - 0.9, y - 1.4, 0])
    : (L.portrait ? [rightEdge(L), overColumns(L) + 1.3, 0] : [L.colX(L.T - 1) + PAIR + 0.9, y - 1.4, 0]);
  s.label(`window.${name}`, text, at, "activation", opacity, { ...NOTE, align: name === "v" ? (L.portrait ? "start" : "end") : (L.portrait ? "end" : "start") }, { of: `${name}.0` });
}

/** "queries": left of the first query column (`u` 0), then right-aligned above the query rows (`u` 1); on a tall frame over the columns, then under the rows. */
export function drawQueriesTitle(s: SceneBuilder, ctx: AttentionContext, u: number, opacity = 1): void {
  const L = ctx.layout;
  const a: Vec3 = L.portrait ? [-PAIR - 0.5, overColumns(L), 0] : [-PAIR - 0.9, L.keys.origin[1] + (L.hs - 1) / 2, 0];
  const b: Vec3 = L.portrait ? [L.queryRows.origin[0] - 0.5, underGrid(L), 0] : [L.queryRows.origin[0] + L.hs - 0.6, GRID_TOP + 1.45, 0];
  const k = smooth(u);
  s.tensorLabel("title.queries", ctx.focus.ids.q, [a[0] + (b[0] - a[0]) * k, a[1] + (b[1] - a[1]) * k, 0], "activation", opacity, L.portrait ? RIGHT : LEFT, "q.0");
}

/** The bars' title right of them (over them on a tall frame): "weights" and, under it, whose. */
export function drawBarsTitle(s: SceneBuilder, ctx: AttentionContext, opacity: number): void {
  const L = ctx.layout;
  const word = ctx.focus.word;
  const name = s.say("weights", "权重");
  const whose = s.say(`from “${word}”`, `来自 “${word}”`);
  if (L.portrait) {
    const x = rightEdge(L);
    const y = overColumns(L);
    s.label("title.bars", name, [x, y + 1.3, 0], "attention", opacity, LEFT, { of: "bars", sub: ctx.focus.ids.att });
    s.label("title.bars.note", whose, [x, y, 0], "attention", opacity, { ...NOTE, align: "end", bold: true }, { of: "bars" });
    return;
  }
  const x = L.colX(L.T - 1) + PAIR + 0.9;
  const y = L.keys.origin[1] + (L.hs - 1) / 2;
  s.label("title.bars", name, [x, y + 0.75, 0], "attention", opacity, RIGHT, { of: "bars", sub: ctx.focus.ids.att });
  s.label("title.bars.note", whose, [x + 0.2, y - 0.75, 0], "attention", opacity, { ...NOTE, align: "start", bold: true }, { of: "bars" });
}

/**
 * The focus row's weights as bars standing on the earlier tokens (height ∝ weight, grown by
 * `grow`), each with its percentage above it at `labels`.
 */
export function drawBars(s: SceneBuilder, ctx: AttentionContext, grow: number, labels: number): void {
  const { layout: L, focus } = ctx;
  const T = L.T;
  const id = focus.ids.att;
  const tint = ctx.tints[id];
  const bars = newBlock("bars", "attention", id, focus.weights.length);
  focus.weights.forEach((w, i) => {
    const idx = focus.t * T + i;
    const h = Math.max(0.08, L.barMax * w) * grow;
    // the footprint grows with the bar, so that a short bar grows in too
    const foot = 1.1 * Math.min(1, grow * 1.6);
    setCube(bars, i, [L.colX(i), L.barBase + h / 2, 0], [foot, h, foot], [tint.colors[3 * idx], tint.colors[3 * idx + 1], tint.colors[3 * idx + 2]], idx);
    s.label(`pct.${i}`, pct(w), [L.colX(i), L.barBase + h + 0.6, 0.3], "attention", labels, wordStyle(ctx), { of: "bars" });
  });
  if (grow > 0) s.add(bars, 1);
}

/**
 * The arcs from the focus token to every earlier token: radius and opacity in proportion to its
 * weight (the strongest weight of the row gets ARC_RADIUS and ARC_OPACITY); the strongest arc
 * carries its percentage over its top (a label of the tokens it joins).
 */
export function drawArcs(s: SceneBuilder, ctx: AttentionContext, opacity: number, labels = opacity): void {
  const { layout: L, focus, theme } = ctx;
  const k = 1 / focus.topWeight;
  for (const a of L.arcs) {
    const w = focus.weights[a.i];
    s.tube(`arc.${a.i}`, a.points, ARC_RADIUS * w * k, ARC_OPACITY * w * k * opacity, theme.accents.attention, "attention");
    if (a.i !== focus.top) continue;
    const peak = a.points[Math.floor(a.points.length / 2)];
    s.label(`arcPct.${a.i}`, pct(w), [peak[0], peak[1] + ARC_RADIUS + 0.7, 0], "attention", labels, wordStyle(ctx), { of: "tokens" });
  }
}

/**
 * The weighted values: copies of the values up to the focus that come forward and shrink to their
 * weights as `scale` goes 0 → 1, then slide into the output column as `slide(i)` goes 0 → 1.
 */
export function drawWeightedValues(s: SceneBuilder, ctx: AttentionContext, scale: number, slide: (i: number) => number, opacity = 1): void {
  const { layout: L, focus } = ctx;
  const target = L.output.origin[0];
  const forward = 1.1 * smooth(scale);
  for (let i = 0; i <= focus.t; i++) {
    const k = 1 + (focus.weights[i] - 1) * smooth(scale);
    const u = smooth(slide(i));
    s.add(tensorBlock(ctx, {
      id: `vw.${i}`, kind: "activation", tensor: focus.ids.v, grid: L.keys, place: (t, j) => [L.colX(t), j, 0], tokens: [i], dims: focus.window.dims,
      reveal: () => k, offset: [(target - L.colX(i)) * u, 0, forward + LIFT * bump(u)], opacity,
    }), 1);
  }
}

/**
 * The head's output for the focus token: its slice of attY, a column right of the last token; cell j
 * at `reveal(j)`, and where it is not full yet a pale ghost cell waits, at `ghosts`.
 */
export function drawOutput(s: SceneBuilder, ctx: AttentionContext, reveal: (j: number) => number, opacity = 1, label = opacity, ghosts = 0): void {
  const { layout: L, focus, theme } = ctx;
  const cells = Array.from({ length: L.hs }, (_, j) => j);
  const shown = cells.some((j) => reveal(j) > 0);
  if (shown) {
    // the head's slice of attY, through the head's window
    const from = focus.head * focus.hs;
    s.add(tensorBlock(ctx, {
      id: "output", kind: "activation", tensor: focus.ids.attY, grid: L.output, place: (_t, j) => [0, j, 0],
      tokens: [focus.t], dims: focus.window.dims.map((d) => from + d), reveal: (_t, j) => reveal(j), opacity,
    }), 1);
  }
  const waiting = cells.filter((j) => reveal(j) < 1);
  if (ghosts > 0 && waiting.length > 0) {
    const g = accentBlock(ctx, "outputGhosts", "activation", waiting.map((j) => ({ pos: cellCenter(L.output, 0, j), reveal: 0.6 * ghosts })));
    const c = hexToRgb(theme.masked);
    for (let k = 0; k < g.count; k++) g.colors.set(c, 3 * k);
    s.add(g, 1);
  }
  // under the column (on a tall frame ending at its right, lower, clear of the last word)
  const [at, style]: [Vec3, LabelStyle] = L.portrait ? [[L.output.origin[0] + 0.5, L.wordY - 1.4, 0], LEFT] : [[L.output.origin[0] - 0.4, L.wordY - 0.1, 0], RIGHT];
  s.label("label.output", s.say("output", "输出"), at, "activation", label, style, { of: shown ? "output" : "outputGhosts", sub: focus.ids.attY });
}

/** Every head's weights of the layer as small T × T grids; the focus head framed, the others dimmer. */
export function drawHeads(s: SceneBuilder, ctx: AttentionContext, reveal: (h: number, t: number, i: number) => number, opacity: number): void {
  const { layout: L, focus, theme } = ctx;
  L.heads.forEach((g, h) => {
    const mine = h === focus.head;
    s.add(tensorBlock(ctx, {
      id: `head.${h}`, kind: "attention", tensor: headId(focus.layer, h, "att"), grid: g, place: (t, i) => [i, t, 0],
      reveal: (t, i) => (i > t ? 0 : reveal(h, t, i)), opacity: mine ? 1 : 0.5,
    }), 1);
    const cx = g.origin[0] + (L.T - 1) / 2;
    const top = g.origin[1] + 1.4;
    const bottom = g.origin[1] - L.T - 0.4;
    s.label(`head.${h}`, s.say(`head ${h}`, `第 ${h} 个头`), [cx, top, 0], "attention", opacity * (mine ? 1 : 0.7), { ...TITLE, bold: mine }, { of: `head.${h}` });
    const role = focus.roles[h];
    if (role) s.label(`role.${h}`, s.say(role, ROLE_ZH[role]), [cx, bottom, 0], "attention", opacity * (mine ? 1 : 0.7), { ...TITLE, size: 0.95, bold: true }, { of: `head.${h}` });
    if (mine) s.box("focusHead", "attention", [cx, g.origin[1] - (L.T - 1) / 2, -0.1], [L.T + 1.2, L.T + 1.2, 1.6], 0.16 * opacity, theme.accents.attention);
  });
}
