// Beat "tokens": the prompt's tokens drop onto the rail; above each grow its key and, above that, its query.

import { segment } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import { type AttentionContext, type AttentionShape, PAIR } from "../context.js";
import { drawColumns, drawColumnTitle, drawQueries, drawQueriesTitle, drawRail } from "./draw.js";
import { cue, say } from "./say.js";

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
  explain: {
    en: "The prompt's words drop onto a rail as tokens. Above each, the head computes a key, what the token offers to others, and a query, what it is looking for.",
    zh: "提示词的每个词作为词元落到轨道上。注意力头在每个词元上方算出键（它能提供什么）和查询（它在找什么）。",
  },
  caption: (ctx, lang) => {
    const { f, drawn } = say(ctx, lang);
    const { ids } = ctx.focus;
    const [T, hs] = [f.size(ids.q, 0), f.size(ids.q, 1)];
    const [k, q] = [tensorPart(ids.k, "activation"), tensorPart(ids.q, "activation")];
    return lang === "en"
      ? [cue(undefined, "Each of the ", T, " tokens gets a key (", k, ") and a query (", q, ") of ", hs, " numbers", ...drawn())]
      : [cue(undefined, T, " 个词元各得到一个键（", k, "）和一个查询（", q, "），各 ", hs, " 个数", ...drawn())];
  },
};
