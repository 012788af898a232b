// Beat "tokens": the prompt's tokens drop onto the rail; above each grow its key and, above that, its query.

import { segment } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import { type AttentionContext, type AttentionShape, PAIR } from "../context.js";
import { drawColumns, drawColumnTitle, drawQueries, drawQueriesTitle, drawRail } from "./draw.js";

export const tokens: Chapter<AttentionContext, AttentionShape> = {
  id: "tokens",
  weight: 45,
  clips: ({ T }) => seq(
    hold(0.1),
    stagger(0.4 / T, each(T, (t) => anim(`drop.${t}`, 0.6))),
    stagger(0.35, [anim("keys", 0.7), anim("queries", 0.7)]),
    hold(0.3),
  ),
  draw(s, ctx, P) {
    if (!s.inBeat("tokens")) return;
    const { layout: L } = ctx;
    const all = Array.from({ length: L.T }, (_, t) => t);
    drawRail(s, ctx, (t) => P(`drop.${t}`));
    const keys = P("keys");
    const queries = P("queries");
    if (keys > 0) drawColumns(s, ctx, "k", all, (_t, j) => smooth(wave(keys, j, L.hs, 2 * L.hs)), () => 0, 1, PAIR);
    if (queries > 0) drawQueries(s, ctx, () => 0, (_t, j) => smooth(wave(queries, j, L.hs, 2 * L.hs)));
    drawColumnTitle(s, ctx, "k", smooth(window(keys, 0, 0.6)));
    drawQueriesTitle(s, ctx, 0, smooth(window(queries, 0, 0.6)));
  },
  shots: () => [segment(0, "tokens", 1, ["tokens", "k.*"])],
  caption: (ctx, lang) => {
    const { T, hs, layer, head, ids } = ctx.focus;
    const q = tensorPart(ids.q, "activation");
    const k = tensorPart(ids.k, "activation");
    return lang === "en"
      ? [{ text: `Layer ${layer}, head ${head}: above each of the ${T} tokens, its query (` }, q, { text: ") and its key (" }, k, { text: `), ${hs} numbers each` }]
      : [{ text: `第 ${layer} 层第 ${head} 个头：${T} 个词元上方各有它的查询（` }, q, { text: "）和键（" }, k, { text: `），各 ${hs} 个数` }];
  },
};
