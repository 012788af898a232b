// Beat "attention": layerNorm; columns slide through Wq, Wk, Wv like beads; the causal score grid
// fills, softmax rescales it and masked cells vanish; weighted values flow into the residual stream.

import { facts } from "../../../engine/facts.js";
import { accentBlock, columnPlacement, matrixPlacement, tensorBlock } from "../../../engine/blocks.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { bump, smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { cellCenter, type Grid, type Vec3 } from "../../../engine/grid.js";
import { NOTE } from "../../../engine/scene-builder.js";
import { hexToRgb } from "../../../layout/palette.js";
import { headId, layerId } from "../../../trace/ids.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { beatShot, clipShot } from "../../../engine/camera.js";
import { windowNote } from "../window-note.js";

const xOf = (grid: Grid) => grid.origin[0];

export const attention: Chapter<LlmContext, LlmShape> = {
  id: "attention",
  weight: 120,
  clips: ({ T }) => seq(
    anim("ln1", 1),
    stagger(0.35, each(T, (t) => anim(`qkv.${t}`, 1.1))),
    anim("scores", 1.4),
    anim("softmax", 1.2),
    stagger(0.3, each(T, (t) => anim(`mix.${t}`, 0.9))),
    anim("proj", 1),
    anim("residual", 1),
    hold(0.3),
  ),
  draw(s, ctx, P) {
    const { layout, theme } = ctx;
    const { T, C, headSize: hs } = layout;
    const HS = layout.windows.head.of; // a head's width (hs is the rows drawn of it)
    const L = ctx.layer;
    const H = ctx.head;
    const g = layout.grids;
    const base = theme.structure.opacity;
    const input = L === 0 ? "x0" : layerId(L - 1, "resid2");
    const ln1 = P("ln1");
    s.add(tensorBlock(ctx, {
      id: "ln1", kind: "activation", tensor: layerId(L, "ln1"), grid: g.ln1, place: columnPlacement(), dims: layout.windows.model.dims,
      from: { tensor: input, t: smooth(ln1) }, offset: [-(xOf(g.ln1) - xOf(g.x0)) * (1 - smooth(ln1)), 0, 0],
    }), ln1, layerId(L, "ln1"), g.ln1);
    const qkv = Array.from({ length: T }, (_, t) => P(`qkv.${t}`));
    const slabX = layout.slabs[0].center[0];
    const moving = qkv.map((p, t) => (p > 0 && p < 1 ? t : -1)).filter((t) => t >= 0);
    if (moving.length > 0) {
      // columns of ln1 slide through the Wq, Wk, Wv slabs like beads on a rod
      const beads = tensorBlock(ctx, {
        id: "beads", kind: "activation", tensor: layerId(L, "ln1"), grid: g.ln1, place: columnPlacement(), tokens: moving, dims: layout.windows.model.dims,
        reveal: (t) => 1 - smooth(window(qkv[t], 0.5, 0.7)),
      });
      moving.forEach((t, m) => {
        const dx = (slabX - (xOf(g.ln1) + t)) * smooth(Math.min(1, qkv[t] / 0.6));
        for (let k = m * C; k < (m + 1) * C; k++) beads.positions[3 * k] += dx;
      });
      s.add(beads, 1);
    }
    const qkvActive = Math.max(0, ...qkv.map(bump));
    (["q", "k", "v"] as const).forEach((name, j) => {
      s.add(tensorBlock(ctx, {
        id: name, kind: "activation", tensor: headId(L, H, name), grid: g[name], place: columnPlacement(), dims: layout.windows.head.dims,
        reveal: (t, i) => wave(window(qkv[t], 0.2, 1), i, hs, 2 * hs),
      }), qkv[0], headId(L, H, name), g[name]);
      const slab = layout.slabs[j];
      s.box(slab.id, "weight", slab.center, slab.size, ln1 > 0 ? base * 2 + 0.35 * qkvActive : 0, theme.accents.weight);
      if (ln1 > 0) s.label(`label.${slab.id}`, s.say("weights", "权重"), [slab.center[0], slab.center[1] + hs / 2 - 0.9, 0], "weight", smooth(ln1), NOTE, { sub: `W${name}`, of: name });
    });
    windowNote(s, ctx, "head", g.v, smooth(Math.min(1, qkv[0] * 1.5)));
    const scores = P("scores");
    const soft = smooth(P("softmax"));
    const causal = (T * (T + 1)) / 2;
    const order = (t: number, i: number) => (t * (t + 1)) / 2 + i;
    const mixes = Array.from({ length: T }, (_, t) => P(`mix.${t}`));
    s.add(tensorBlock(ctx, {
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
      s.add(m, 1);
    }
    const proj = P("proj");
    const resid1 = P("residual");
    s.add(tensorBlock(ctx, {
      id: "attY", kind: "attention", tensor: layerId(L, "attY"), grid: g.attY, place: columnPlacement(), dims: layout.windows.model.dims,
      // the focus head's dimensions fill as its values mix; the other heads' with the projection
      reveal: (t, _j, i) => (i >= H * HS && i < (H + 1) * HS ? wave(mixes[t], i - H * HS, HS, 2 * HS) : smooth(window(proj, 0, 0.5))),
    }), mixes[0], layerId(L, "attY"), g.attY);
    s.add(tensorBlock(ctx, {
      id: "attProj", kind: "activation", tensor: layerId(L, "attProj"), grid: g.attProj, place: columnPlacement(), dims: layout.windows.model.dims,
      reveal: (_t, i) => wave(proj, i, C, 2 * C),
    }), proj, layerId(L, "attProj"), g.attProj);
    s.add(tensorBlock(ctx, {
      id: "resid1", kind: "activation", tensor: layerId(L, "resid1"), grid: g.resid1, place: columnPlacement(), dims: layout.windows.model.dims, reveal: (_t, i) => wave(resid1, i, C),
    }), resid1, layerId(L, "resid1"), g.resid1);
    const tube = layout.tubes.find((x) => x.id === "skip.attention")!;
    s.tube(tube.id, tube.points, tube.radius, ln1 > 0 ? base * 2 + 0.45 * bump(resid1) : 0);
  },
  shots: (ctx) => [
    beatShot(ctx, "attention", "attentionIn", 0.12, ["x0", "ln1", "q", "k", "v"]),
    clipShot(ctx, "attention.scores", "scores", 0.6, ["q", "k", "v", "att", "mask"], 4),
    clipShot(ctx, "attention.mix.0", "attentionOut", 1.2, ["v", "att", "attY", "attProj", "resid1"]),
  ],
  explain: {
    en: "In attention, each token asks which earlier tokens matter to it: it compares its query with their keys, turns the scores into weights that add up to one, and takes a weighted mix of their values.",
    zh: "在注意力里，每个词元问哪些前面的词元对它重要：它用自己的查询去比对它们的键，把分数变成加起来为一的权重，再按权重混合它们的值。",
  },
  caption: (ctx, lang) => {
    const { layer: L, head: H } = ctx;
    const f = facts(ctx);
    const T = ctx.trace.tokens.length;
    const id = `l${L}.h${H}.att`;
    const att = tensorPart(id, "attention");
    const last = f.word("tokens", T - 1);
    const top = f.rankedWord(id, [T - 1], 0, T - 1, lang);
    const w = f.ranked(id, [T - 1], 0, "percent");
    return lang === "en"
      ? [
        { parts: [{ text: "Attention, layer " }, f.given(L), { text: " head " }, f.given(H), { text: ": each of the " }, f.size(id, 0), { text: T === 1 ? " token weighs itself (" : " tokens weighs itself and the tokens before it (" }, att, { text: ")" }] },
        { at: "softmax", parts: [{ text: "“" }, last, { text: "” looks most at " }, ...top, { text: " (" }, w, { text: ")" }] },
      ]
      : [
        { parts: [{ text: "注意力（第 " }, f.given(L), { text: " 层第 " }, f.given(H), { text: " 个头）：" }, f.size(id, 0), { text: " 个词元各自为自己和之前的词元分配权重（" }, att, { text: "）" }] },
        { at: "softmax", parts: [{ text: "“" }, last, { text: "” 最多看向 " }, ...top, { text: "（" }, w, { text: "）" }] },
      ];
  },
};
