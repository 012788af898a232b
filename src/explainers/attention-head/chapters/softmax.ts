// Beat "softmax": row by row the scores rescale into weights that sum to 1; the keys make room and the
// focus row's weights stand as bars over the earlier tokens, each with its percentage.

import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import type { AttentionContext, AttentionShape } from "../context.js";
import { drawBars, drawBarsTitle, drawColumns, drawColumnTitle, drawFocusRow, drawGrid, drawGridTitle, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawScoreNumbers } from "./draw.js";
import { cue, say } from "./say.js";

export const softmax: Chapter<AttentionContext, AttentionShape> = {
  id: "softmax",
  weight: 90,
  clips: ({ T }) => seq(stagger(0.9 / T, each(T, (t) => anim(`row.${t}`, 0.6))), anim("swap", 1), anim("percent", 0.5), hold(0.6)),
  draw(s, ctx, P) {
    if (!s.inBeat("softmax")) return;
    const { layout: L, focus } = ctx;
    const T = L.T;
    const all = Array.from({ length: T }, (_, t) => t);
    const rows = all.map((t) => P(`row.${t}`));
    const swap = P("swap");
    const keysOut = smooth(window(swap, 0, 0.5));
    drawRail(s, ctx, () => 1);
    if (keysOut < 1) drawColumns(s, ctx, "k", all, () => 1 - keysOut);
    drawQueries(s, ctx, () => 1, () => 1);
    drawColumnTitle(s, ctx, "k", 1 - keysOut);
    drawBarsTitle(s, ctx, smooth(window(swap, 0.5, 1)));
    drawQueriesTitle(s, ctx, 1);
    drawRowWords(s, ctx, () => 1);
    drawGrid(s, ctx, () => 1, (t) => rows[t]);
    drawGridTitle(s, ctx, "scores", 1 - smooth(window(rows[T - 1], 0, 0.6)));
    drawGridTitle(s, ctx, "weights", smooth(window(rows[T - 1], 0.35, 1)));
    drawFocusRow(s, ctx, 1);
    drawScoreNumbers(s, ctx, 1 - smooth(rows[focus.t]));
    drawBars(s, ctx, smooth(window(swap, 0.35, 1)), smooth(P("percent")));
  },
  shots: () => [],
  explain: {
    en: "Softmax turns each row of scores into weights that are all positive and add up to one, so the best-matching tokens get most of the attention.",
    zh: "softmax 把每一行分数变成都是正数、加起来为一的权重，最匹配的词元得到最多的注意力。",
  },
  caption: (ctx, lang) => {
    const { word, top, weight, score } = say(ctx, lang);
    const { t, ids } = ctx.focus;
    const att = tensorPart(ids.att, "attention");
    // softmax keeps the order of a row: its highest score gets its largest weight
    if (lang === "en") {
      const next = t > 0 ? [", then at ", ...top(1), " (", weight(1), ")"] : [];
      return [
        cue(undefined, "Softmax makes weights that add up to one (", att, "); top score ", score(), " gets the largest weight"),
        cue("swap", "“", word(), "” looks most at ", ...top(), " (", weight(), ")", ...next),
      ];
    }
    const next = t > 0 ? ["，其次是 ", ...top(1), "（", weight(1), "）"] : [];
    return [
      cue(undefined, "softmax 把每一行变成加起来为一的权重（", att, "）：最高分 ", score(), " 拿到最多"),
      cue("swap", "“", word(), "” 最多看向 ", ...top(), "（", weight(), "）", ...next),
    ];
  },
};
