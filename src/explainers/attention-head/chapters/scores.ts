// Beat "scores": the queries move to the rows of the grid; row by row each query meets the keys of its
// own and earlier tokens and the cells fill with q·k/√hs; the focus row shows its numbers.

import { clipShot } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { bump, smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import { type AttentionContext, type AttentionShape, PAIR } from "../context.js";
import { drawColumns, drawColumnTitle, drawFocusRow, drawGhosts, drawGrid, GHOST, drawGridTitle, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawScoreNumbers } from "./draw.js";
import { cue, say } from "./say.js";

/** How much of the fly each query waits for the one before it. */
const FLY_LAG = 0.6;

export const scores: Chapter<AttentionContext, AttentionShape> = {
  id: "scores",
  weight: 120,
  clips: ({ T }) => seq(anim("fly", 1.5), stagger(0.45, each(T, (t) => anim(`row.${t}`, 0.7))), anim("numbers", 0.6), hold(0.3)),
  draw(s, ctx, P) {
    if (!s.inBeat("scores")) return;
    const { layout: L } = ctx;
    const T = L.T;
    const fly = P("fly");
    const flyOf = (t: number) => window(fly, (FLY_LAG * t) / T, (FLY_LAG * t) / T + 1 - FLY_LAG);
    const rows = Array.from({ length: T }, (_, t) => P(`row.${t}`));
    const active = (t: number) => (rows[t] > 0 && rows[t] < 1 ? bump(rows[t]) : 0);
    drawRail(s, ctx, () => 1);
    // the keys of the row being filled light up: its own and every earlier token's
    drawColumns(s, ctx, "k", Array.from({ length: T }, (_, t) => t), () => 1, (i) => Math.max(0, ...rows.map((_, t) => (t >= i ? active(t) : 0))) * 0.8, 1, PAIR * (1 - smooth(fly)));
    drawQueries(s, ctx, flyOf, () => 1, (t) => active(t) * 0.8);
    drawColumnTitle(s, ctx, "k", 1);
    drawQueriesTitle(s, ctx, fly);
    drawRowWords(s, ctx, (t) => smooth(window(flyOf(t), 0.2, 1)));
    drawGrid(s, ctx, (t, i) => smooth(wave(rows[t], i, t + 1, 2.5 * (t + 1))), () => 0, (t) => active(t) * 0.6);
    drawGhosts(s, ctx, (t) => GHOST * smooth(window(rows[t], 0.25, 1)));
    drawGridTitle(s, ctx, "scores", smooth(rows[0]));
    const numbers = smooth(P("numbers"));
    drawFocusRow(s, ctx, numbers);
    drawScoreNumbers(s, ctx, numbers);
  },
  shots: (ctx) => [clipShot(ctx, "scores.fly", "scores", 1, ["tokens", "k.*", "q.*", "scores.*", "mask", "bars"])],
  explain: {
    en: "Each token's query is compared with the keys of itself and of every earlier token: the better they match, the higher the score in that cell of the grid.",
    zh: "每个词元的查询与它自己和前面每个词元的键逐一比较：越匹配，网格里那一格的分数越高。",
  },
  caption: (ctx, lang) => {
    const { f, word, topScored, score } = say(ctx, lang);
    const { t, ids } = ctx.focus;
    const [hs, pre] = [f.size(ids.q, 1), tensorPart(ids.preatt, "attention")];
    const row = `row.${t}`;
    if (lang === "en") {
      const next = t > 0 ? [", then ", ...topScored(1), " (", score(1), ")"] : [];
      return [
        cue(undefined, "Each query meets the keys of its own and earlier tokens: q·k / √", hs, " (", pre, ")"),
        cue(row, "In the row of “", word(), "”, ", ...topScored(), " scores highest (", score(), ")", ...next),
      ];
    }
    const next = t > 0 ? ["，其次是 ", ...topScored(1), "（", score(1), "）"] : [];
    return [
      cue(undefined, "每个查询与自己和前面词元的键做点积：q·k / √", hs, "（", pre, "）"),
      cue(row, "在 “", word(), "” 这一行，", ...topScored(), " 得分最高（", score(), "）", ...next),
    ];
  },
};
