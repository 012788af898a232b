// Beat "mix": the grid gives way to the sentence; arcs reach from the focus token to every earlier token,
// as thick and as opaque as its weight; the values, scaled by their weights, slide together into the
// head's output for the focus token (its slice of attY).

import { beatShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import type { AttentionContext, AttentionShape } from "../context.js";
import { drawArcs, drawBars, drawBarsTitle, drawColumnTitle, drawGrid, drawGridTitle, drawOutput, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawWeightedValues, drawColumns, pct } from "./draw.js";

export const mix: Chapter<AttentionContext, AttentionShape> = {
  id: "mix",
  weight: 90,
  clips: () => seq(anim("swap", 0.8), anim("arcs", 0.7), anim("scale", 0.6), anim("slide", 1.1), anim("sum", 0.6), hold(0.5)),
  draw(s, ctx, P) {
    if (!s.inBeat("mix")) return;
    const { layout: L, focus } = ctx;
    const swap = P("swap");
    const away = 1 - smooth(swap);
    const barsOut = smooth(window(swap, 0, 0.5));
    drawRail(s, ctx, () => 1, 1, smooth(P("arcs")));
    // the matrix view fades while the camera moves up to the sentence
    if (away > 0) {
      drawQueries(s, ctx, () => 1, () => 1, () => 0, away);
      drawRowWords(s, ctx, () => away);
      drawGrid(s, ctx, () => 1, () => 1, () => 0, away);
      drawGridTitle(s, ctx, "weights", away);
      drawQueriesTitle(s, ctx, 1, away);
    }
    if (barsOut < 1) drawBars(s, ctx, 1 - barsOut, 1 - barsOut);
    drawBarsTitle(s, ctx, 1 - barsOut);
    const grow = window(swap, 0.15, 1);
    const sum = P("sum");
    const scale = P("scale");
    const upTo = Array.from({ length: focus.t + 1 }, (_, i) => i);
    // the values stay, paler, while their weighted copies come forward and move
    drawColumns(s, ctx, "v", upTo, (_i, j) => smooth(wave(grow, j, L.hs, 2 * L.hs)), () => 0, (i) => 1 - 0.7 * (1 - focus.weights[i]) * smooth(scale));
    const lag = (i: number) => (0.4 * i) / Math.max(1, focus.t);
    if (scale > 0 && sum < 1) drawWeightedValues(s, ctx, scale, (i) => window(P("slide"), lag(i), lag(i) + 0.6), 1 - smooth(window(sum, 0.3, 1)));
    drawColumnTitle(s, ctx, "v", smooth(grow));
    drawArcs(s, ctx, smooth(P("arcs")));
    // the output waits as pale cells, which fill as the weighted values add up
    drawOutput(s, ctx, (j) => smooth(wave(sum, j, L.hs, 2 * L.hs)), 1, smooth(grow), smooth(grow));
  },
  shots: (ctx) => [beatShot(ctx, "mix", "mix", 0.3, ["tokens", "v.*", "vw.*", "output", "outputGhosts"])],
  caption: (ctx, lang) => {
    const { word, topWord, topWeight, head, ids } = ctx.focus;
    const v = tensorPart(ids.v, "activation");
    return lang === "en"
      ? [{ text: `“${word}” looks mostly at “${topWord}” (${pct(topWeight)}): the values (` }, v, { text: `), weighted so, add up to head ${head}'s output` }]
      : [{ text: `“${word}” 主要看向 “${topWord}”（${pct(topWeight)}）：值（` }, v, { text: `）按权重相加，就是第 ${head} 个头的输出` }];
  },
};
