// sceneStateAt(ctx, frame): the pure function from (context, frame number) to everything that frame shows.

import { blendShots, type CameraShot, orbit } from "../layout/camera.js";
import { BAR_MAX_HEIGHT, BAR_PITCH, cellCenter, GAP, type Grid, type Vec3 } from "../layout/model-layout.js";
import { hexToRgb, mix, valueColor } from "../layout/palette.js";
import type { Kind } from "../layout/themes.js";
import { headId, layerId } from "../trace/ids.js";
import { captionFor } from "./captions.js";
import { beatIndexAt, progress } from "./compile.js";
import type { SceneContext } from "./context.js";
import { clamp01, easeOutCubic, smooth, window } from "./easing.js";
import { BEAT_IDS, type BeatId } from "./explainers.js";
import { accentBlock, columnPlacement, deepPlacement, matrixPlacement, newBlock, setCube, tensorBlock } from "./scene-blocks.js";
import type { CubeBlock, Label, SceneState, Structure } from "./scene-types.js";

type LabelStyle = Pick<Label, "size" | "angle" | "align" | "bold">;
/** Tensor ids above blocks. */
const TITLE: LabelStyle = { size: 1.1, angle: 0, align: "center", bold: false };
/** Small notes: weight names, values. */
const NOTE: LabelStyle = { size: 0.75, angle: 0, align: "center", bold: false };
/** Words under token cubes and bars: slanted so that neighbours one unit apart never collide. */
const WORD: LabelStyle = { size: 0.75, angle: -40, align: "end", bold: true };

/** A wave that reveals element i of n as u goes 0 → 1, `width` elements at a time. */
export const wave = (u: number, i: number, n: number, width = 3) => clamp01((u * (n + width) - i) / width);
/** 0 at both ends, 1 in the middle: a pulse while something is being computed. */
const bump = (u: number) => 4 * u * (1 - u);
/** Degrees of the slow orbit at the middle of the video (0 at both ends, so the clip loops). */
export const ORBIT_DEGREES = 10;

function topOf(g: Grid): Vec3 {
  const a = cellCenter(g, 0, 0, 0);
  const b = cellCenter(g, g.cols - 1, g.rows - 1, 0);
  return [(a[0] + b[0]) / 2, Math.max(a[1], b[1]) + 1.6, 0];
}

export function sceneStateAt(ctx: SceneContext, frame: number): SceneState {
  const { layout, timeline: tl, theme, trace } = ctx;
  const P = (id: string) => progress(tl, id, frame);
  const { T, C, headSize: hs } = layout;
  const L = ctx.layer;
  const H = ctx.head;
  const g = layout.grids;
  const V = trace.model.vocabSize;
  const blocks: CubeBlock[] = [];
  const labels: Label[] = [];
  const structures: Structure[] = [];
  const fade = 1 - smooth(P("append.fade"));

  const label = (id: string, text: string, anchor: Vec3, kind: Kind, opacity: number, style: LabelStyle = TITLE) => {
    if (opacity > 0.001) labels.push({ id, text, anchor, kind, opacity: opacity * fade, ...style });
  };
  const add = (b: CubeBlock, visible: number, labelText?: string, anchorGrid?: Grid) => {
    b.opacity *= fade;
    if (visible <= 0 || b.opacity <= 0.001) return;
    blocks.push(b);
    if (labelText && anchorGrid) label(`label.${b.id}`, labelText, topOf(anchorGrid), b.kind, Math.min(1, visible * 2));
  };
  const box = (id: string, kind: Kind | "structure", center: Vec3, size: Vec3, opacity: number, color?: string) => {
    if (opacity > 0.001) structures.push({ id, type: "box", kind, center, size, color: color ?? theme.structure.color, opacity: opacity * fade });
  };
  const tube = (id: string, opacity: number, color?: string) => {
    const t = layout.tubes.find((x) => x.id === id);
    if (t && opacity > 0.001) structures.push({ id, type: "tube", kind: "structure", points: t.points, radius: t.radius, color: color ?? theme.structure.color, opacity: opacity * fade });
  };
  const base = theme.structure.opacity;
  const xOf = (grid: Grid) => grid.origin[0];

  // --- tokens drop onto the transparent rail
  structures.push({ id: "rail", type: "box", kind: "structure", center: layout.rail.center, size: layout.rail.size, color: theme.structure.color, opacity: base * 2.5 });
  const drops = Array.from({ length: T }, (_, t) => P(`tokens.drop.${t}`));
  blocks.push(accentBlock(ctx, "tokens", "token", drops.map((p, t) => {
    const slot = layout.tokenSlots[t];
    return { pos: [slot[0], slot[1] + 7 * (1 - easeOutCubic(p)), slot[2]] as Vec3, reveal: smooth(Math.min(1, p * 2.5)) * fade };
  })));
  drops.forEach((p, t) => {
    const slot = layout.tokenSlots[t];
    label(`token.${t}`, trace.tokens[t], [slot[0], slot[1] - 1.4, slot[2] + 0.6], "token", smooth(window(p, 0.5, 1)), WORD);
  });

  // --- embedding: each token unfolds into a column; positions slide in and merge
  const unfold = Array.from({ length: T }, (_, t) => P(`embed.unfold.${t}`));
  const pos = P("embed.pos");
  const merge = smooth(P("embed.merge"));
  add(tensorBlock(ctx, {
    id: "x0", kind: "activation", tensor: merge > 0 ? "x0" : "tokEmb", grid: g.x0, place: columnPlacement(),
    from: merge > 0 ? { tensor: "tokEmb", t: merge } : undefined,
    reveal: (t, i) => wave(unfold[t], i, C),
  }), unfold[0], merge > 0.5 ? "x0" : "tokEmb", g.x0);
  if (pos > 0 && merge < 1) {
    add(tensorBlock(ctx, {
      id: "posEmb", kind: "activation", tensor: "posEmb", grid: g.x0, place: columnPlacement(),
      offset: [-(T + GAP) * (1 - smooth(pos)), 0, 1.2 * (1 - merge)], opacity: 1 - merge,
    }), pos);
    label("label.posEmb", "posEmb", [xOf(g.x0) - (T + GAP) * (1 - smooth(pos)) + (T - 1) / 2, C + 3, 0], "activation", smooth(pos) * (1 - merge));
  }

  // --- attention (focus layer L, head H)
  const input = L === 0 ? "x0" : layerId(L - 1, "resid2");
  const ln1 = P("attention.ln1");
  add(tensorBlock(ctx, {
    id: "ln1", kind: "activation", tensor: layerId(L, "ln1"), grid: g.ln1, place: columnPlacement(),
    from: { tensor: input, t: smooth(ln1) }, offset: [-(xOf(g.ln1) - xOf(g.x0)) * (1 - smooth(ln1)), 0, 0],
  }), ln1, layerId(L, "ln1"), g.ln1);
  const qkv = Array.from({ length: T }, (_, t) => P(`attention.qkv.${t}`));
  const slabX = layout.slabs[0].center[0];
  const moving = qkv.map((p, t) => (p > 0 && p < 1 ? t : -1)).filter((t) => t >= 0);
  if (moving.length > 0) {
    // columns of ln1 slide through the Wq, Wk, Wv slabs like beads on a rod
    const beads = tensorBlock(ctx, {
      id: "beads", kind: "activation", tensor: layerId(L, "ln1"), grid: g.ln1, place: columnPlacement(), tokens: moving,
      reveal: (t) => 1 - smooth(window(qkv[t], 0.5, 0.7)),
    });
    moving.forEach((t, m) => {
      const dx = (slabX - (xOf(g.ln1) + t)) * smooth(Math.min(1, qkv[t] / 0.6));
      for (let k = m * C; k < (m + 1) * C; k++) beads.positions[3 * k] += dx;
    });
    add(beads, 1);
  }
  const qkvActive = Math.max(0, ...qkv.map(bump));
  (["q", "k", "v"] as const).forEach((name, j) => {
    add(tensorBlock(ctx, {
      id: name, kind: "activation", tensor: headId(L, H, name), grid: g[name], place: columnPlacement(),
      reveal: (t, i) => wave(window(qkv[t], 0.45, 1), i, hs),
    }), qkv[0], headId(L, H, name), g[name]);
    const slab = layout.slabs[j];
    box(slab.id, "weight", slab.center, slab.size, ln1 > 0 ? base * 2 + 0.35 * qkvActive : 0, theme.accents.weight);
    if (ln1 > 0) label(`label.${slab.id}`, `W${name}`, [slab.center[0], slab.center[1] + hs / 2 + 1.1, 0], "weight", smooth(ln1), NOTE);
  });
  const scores = P("attention.scores");
  const soft = smooth(P("attention.softmax"));
  const causal = (T * (T + 1)) / 2;
  const order = (t: number, i: number) => (t * (t + 1)) / 2 + i;
  const mixes = Array.from({ length: T }, (_, t) => P(`attention.mix.${t}`));
  add(tensorBlock(ctx, {
    id: "att", kind: "attention", tensor: soft > 0 ? headId(L, H, "att") : headId(L, H, "preatt"), grid: g.att, place: matrixPlacement,
    from: soft > 0 ? { tensor: headId(L, H, "preatt"), t: soft } : undefined,
    reveal: (t, i) => (i > t ? 0 : wave(scores, order(t, i), causal, 2)),
    glow: Math.max(0, ...mixes.map(bump)), // the weights glow while they mix the values
  }), scores, soft > 0.5 ? headId(L, H, "att") : headId(L, H, "preatt"), g.att);
  if (scores > 0 && soft < 1) {
    // the causal mask: cells above the diagonal, shown as ghosts until softmax removes them
    const cells: { pos: Vec3; reveal: number }[] = [];
    for (let t = 0; t < T; t++) for (let i = t + 1; i < T; i++) cells.push({ pos: cellCenter(g.att, i, t), reveal: 0.55 * smooth(scores) * (1 - soft) });
    const m = accentBlock(ctx, "mask", "attention", cells);
    const c = hexToRgb(theme.masked);
    for (let k = 0; k < m.count; k++) m.colors.set(c, 3 * k);
    add(m, 1);
  }
  const proj = P("attention.proj");
  const resid1 = P("attention.residual");
  add(tensorBlock(ctx, {
    id: "attY", kind: "attention", tensor: layerId(L, "attY"), grid: g.attY, place: columnPlacement(),
    reveal: (t, i) => (i >= H * hs && i < (H + 1) * hs ? wave(mixes[t], i - H * hs, hs) : smooth(window(proj, 0, 0.5))),
  }), mixes[0], layerId(L, "attY"), g.attY);
  add(tensorBlock(ctx, {
    id: "attProj", kind: "activation", tensor: layerId(L, "attProj"), grid: g.attProj, place: columnPlacement(),
    reveal: (_t, i) => wave(window(proj, 0.3, 1), i, C),
  }), window(proj, 0.3, 1), layerId(L, "attProj"), g.attProj);
  add(tensorBlock(ctx, {
    id: "resid1", kind: "activation", tensor: layerId(L, "resid1"), grid: g.resid1, place: columnPlacement(), reveal: (_t, i) => wave(resid1, i, C),
  }), resid1, layerId(L, "resid1"), g.resid1);
  tube("skip.attention", ln1 > 0 ? base * 2 + 0.45 * bump(resid1) : 0);

  // --- MLP: widen to 4C, GELU gates, project back, add
  const ln2 = P("mlp.ln2");
  const fc = P("mlp.fc");
  const gelu = P("mlp.gelu");
  const fcProj = P("mlp.proj");
  const resid2 = P("mlp.residual");
  add(tensorBlock(ctx, {
    id: "ln2", kind: "activation", tensor: layerId(L, "ln2"), grid: g.ln2, place: columnPlacement(),
    from: { tensor: layerId(L, "resid1"), t: smooth(ln2) }, offset: [-(xOf(g.ln2) - xOf(g.resid1)) * (1 - smooth(ln2)), 0, 0],
  }), ln2, layerId(L, "ln2"), g.ln2);
  const hidden = layout.hidden;
  add(tensorBlock(ctx, {
    id: "fc", kind: "activation", tensor: layerId(L, "fc"), grid: g.fc, place: deepPlacement(C), reveal: (_t, i) => wave(fc, i, hidden, 12),
  }), fc, layerId(L, "fc"), g.fc);
  const fcData = trace.tensors[layerId(L, "fc")].data;
  const gate = smooth(window(gelu, 0.35, 1));
  add(tensorBlock(ctx, {
    id: "gelu", kind: "activation", tensor: layerId(L, "gelu"), grid: g.gelu, place: deepPlacement(C),
    from: { tensor: layerId(L, "fc"), t: smooth(window(gelu, 0.15, 0.6)) },
    offset: [-(xOf(g.gelu) - xOf(g.fc)) * (1 - smooth(window(gelu, 0, 0.3))), 0, 0],
    // GELU's gate: cubes whose input is not positive shrink and vanish
    reveal: (t, i) => (fcData[t * hidden + i] > 0 ? 1 : 1 - gate),
    glow: bump(window(gelu, 0.35, 1)),
  }), gelu, layerId(L, "gelu"), g.gelu);
  add(tensorBlock(ctx, {
    id: "fcProj", kind: "activation", tensor: layerId(L, "fcProj"), grid: g.fcProj, place: columnPlacement(), reveal: (_t, i) => wave(fcProj, i, C),
  }), fcProj, layerId(L, "fcProj"), g.fcProj);
  add(tensorBlock(ctx, {
    id: "resid2", kind: "activation", tensor: layerId(L, "resid2"), grid: g.resid2, place: columnPlacement(), reveal: (_t, i) => wave(resid2, i, C),
  }), resid2, layerId(L, "resid2"), g.resid2);
  const wfc = layout.slabs.find((s) => s.id === "Wfc")!;
  const wproj = layout.slabs.find((s) => s.id === "Wproj")!;
  box("Wfc", "weight", wfc.center, wfc.size, ln2 > 0 ? base * 2 + 0.35 * bump(fc) : 0, theme.accents.weight);
  box("Wproj", "weight", wproj.center, wproj.size, ln2 > 0 ? base * 2 + 0.35 * bump(fcProj) : 0, theme.accents.weight);
  tube("skip.mlp", ln2 > 0 ? base * 2 + 0.45 * bump(resid2) : 0);

  // --- depth: every layer's slab lights in turn while its residual stream takes its colours
  const nLayer = layout.nLayer;
  const depth = Array.from({ length: nLayer }, (_, l) => P(`depth.layer.${l}`));
  const depthStart = frame >= tl.beats[BEAT_IDS.indexOf("depth")].from;
  depth.forEach((d, l) => {
    const lb = layout.layerBoxes[l];
    box(lb.id, "weight", lb.center, lb.size, depthStart ? base * 1.5 + 0.4 * bump(d) : 0, theme.accents.weight);
    if (depthStart) label(`label.${lb.id}`, `layer ${l}`, [lb.center[0], lb.center[1] + lb.size[1] / 2 + 1.2, 0], "weight", 1, NOTE);
    const grid = g[`depth${l}`];
    add(tensorBlock(ctx, {
      id: `depth${l}`, kind: "activation", tensor: layerId(l, "resid2"), grid, place: columnPlacement(),
      from: { tensor: l === 0 ? "x0" : layerId(l - 1, "resid2"), t: smooth(window(d, 0.2, 0.9)) },
      reveal: (_t, i) => wave(window(d, 0, 0.4), i, C), glow: bump(d),
    }), d);
  });

  // --- output: the last position's column, final layerNorm, top-k logits, softmax, the next token
  const lnf = P("output.lnf");
  const logits = P("output.logits");
  const probs = smooth(P("output.softmax"));
  const choose = P("output.choose");
  const lastDepth = g[`depth${nLayer - 1}`];
  add(tensorBlock(ctx, {
    id: "lnf", kind: "activation", tensor: "lnf", grid: g.lnf, place: (_t, i) => [0, i, 0], tokens: [T - 1],
    from: { tensor: layerId(nLayer - 1, "resid2"), t: smooth(window(lnf, 0.4, 1)) },
    offset: [-(xOf(g.lnf) - (xOf(lastDepth) + T - 1)) * (1 - smooth(window(lnf, 0, 0.5))), 0, 0],
  }), lnf, "lnf", g.lnf);
  const wun = layout.slabs.find((s) => s.id === "Wunembed")!;
  box("Wunembed", "weight", wun.center, wun.size, lnf > 0 ? base * 2 + 0.35 * bump(logits) : 0, theme.accents.weight);
  if (logits > 0) {
    const row = (T - 1) * V;
    const lg = trace.tensors.logits.data;
    const pr = trace.tensors.probs.data;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < V; i++) {
      lo = Math.min(lo, lg[row + i]);
      hi = Math.max(hi, lg[row + i]);
    }
    const bars = newBlock("bars", "output", probs > 0 ? "probs" : "logits", trace.topk.length);
    const rise = easeOutCubic(logits);
    trace.topk.forEach((tk, k) => {
      const idx = row + tk.id;
      const hLogit = (BAR_MAX_HEIGHT * (lg[idx] - lo)) / (hi - lo || 1);
      const hProb = BAR_MAX_HEIGHT * pr[idx];
      const h = Math.max(0.05, rise * (hLogit + (hProb - hLogit) * probs));
      const color = mix(valueColor(theme, lg[idx], ctx.scales.logits), valueColor(theme, pr[idx], ctx.scales.probs), probs);
      const x = xOf(g.bars) + BAR_PITCH * k;
      setCube(bars, k, [x, h / 2, 0], [1.7, h, 1.7], color, idx);
      label(`bar.${k}`, tk.token, [x + 0.3, -1.1, 0.8], "output", rise, WORD);
      const value = probs > 0.5 ? pr[idx].toFixed(3) : lg[idx].toFixed(1);
      label(`barValue.${k}`, value, [x, h + 0.9, 0], "output", rise, NOTE);
    });
    add(bars, 1);
    label("label.bars", probs > 0.5 ? "probs" : "logits", [xOf(g.bars) + (BAR_PITCH * (trace.topk.length - 1)) / 2, -6, 0], "output", rise);
  }

  // --- the next token lifts out, then slides to the end of the row
  const slide = P("append.slide");
  if (choose > 0) {
    const lifted: Vec3 = [xOf(g.bars), BAR_MAX_HEIGHT * trace.next.p + 1.6 + 3 * smooth(choose), 0];
    const slot = layout.tokenSlots[T];
    const u = smooth(slide);
    const at: Vec3 = [lifted[0] + (slot[0] - lifted[0]) * u, lifted[1] + (slot[1] - lifted[1]) * u + 10 * bump(u) * 0.5, lifted[2]];
    add(accentBlock(ctx, "next", "output", [{ pos: at, reveal: smooth(Math.min(1, choose * 2)) }]), 1);
    label("next", trace.next.token, [at[0] + 1.0, at[1], at[2] + 0.6], "output", smooth(choose), { ...TITLE, size: 1.3, align: "start", bold: true });
  }

  // --- camera: named shots, blended at segment starts, with a slow orbit that is 0 at both ends
  const segments = ctx.cameraPath;
  let camera: CameraShot = ctx.shots.tokens;
  for (let i = 1; i < segments.length; i++) {
    const s = segments[i];
    if (frame < s.start) break;
    camera = blendShots(ctx.shots[segments[i - 1].shot], ctx.shots[s.shot], smooth((frame - s.start) / s.frames));
  }
  const N = tl.durationInFrames;
  const u = N > 1 ? frame / (N - 1) : 0;
  camera = orbit(camera, ORBIT_DEGREES * bump(u));

  // --- caption
  const bi = beatIndexAt(tl, frame);
  const beat = tl.beats[bi];
  const beatProgress = beat.durationInFrames > 1 ? (frame - beat.from) / (beat.durationInFrames - 1) : 1;
  const caption = ctx.props.captions === "off" ? null : {
    parts: captionFor(beat.id as BeatId, ctx.props.captions, ctx.facts),
    opacity: Math.max(0, Math.min(1, beatProgress / 0.08, (1 - beatProgress) / 0.08)),
  };

  const span = layout.regions.overview.max[0] - layout.regions.overview.min[0];
  return {
    frame,
    beat: beat.id,
    beatProgress,
    camera,
    background: theme.background,
    fog: { color: theme.fog, near: span * 0.9, far: span * 2.6 },
    light: theme.light,
    blocks,
    structures,
    labels,
    caption,
  };
}
