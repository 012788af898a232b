// Beat "mix": the grid gives way to the sentence; arcs reach from the focus token to every earlier token,
// as thick and as opaque as its weight; the values, scaled by their weights, slide together into the
// head's output for the focus token (its slice of attY).

import { beatShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import type { AttentionContext, AttentionShape } from "../context.js";
import { drawArcs, drawBars, drawBarsTitle, drawColumnTitle, drawGrid, drawGridTitle, drawOutput, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawWeightedValues, drawColumns } from "./draw.js";
import { cue, say } from "./say.js";

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
  explain: {
    en: "The head takes a mix of the earlier tokens' values, each scaled by its weight; their sum is what this head passes on for the token.",
    zh: "注意力头把前面词元的值按权重缩放后混合起来；它们的和就是这个头为这个词元传下去的信息。",
  },
  caption: (ctx, lang) => {
    const { f, word, top, weight, topIndex, drawn } = say(ctx, lang);
    const { t, head, hs, ids } = ctx.focus;
    const [v, y, H, n] = [tensorPart(ids.v, "activation"), tensorPart(ids.attY, "activation"), f.given(head), f.size(ids.v, 1)];
    // the head's output for the focus token: its slice of attY, smallest and largest number
    const slice: [number, number] = [head * hs, (head + 1) * hs];
    const [lo, hi] = [f.ranked(ids.attY, [t], hs - 1, "value", slice), f.ranked(ids.attY, [t], 0, "value", slice)];
    // there is no arc from a token to itself
    const self = topIndex() === t;
    if (lang === "en") {
      return [
        self
          ? cue(undefined, "Arcs as thick as the weights: from “", word(), "”, most stays on itself (", weight(), ")")
          : cue(undefined, "Arcs as thick as the weights: from “", word(), "”, the thickest goes to ", ...top(), " (", weight(), ")"),
        cue("scale", "Each token's value (", v, "), ", n, " numbers", ...drawn(), ", is scaled by its weight"),
        cue("sum", "They add up to head ", H, "'s output for “", word(), "” (", y, "): its ", n, " numbers run from ", lo, " to ", hi),
      ];
    }
    return [
      self
        ? cue(undefined, "从 “", word(), "” 连向前面词元的弧，粗细按权重；大部分留在它自己身上（", weight(), "）")
        : cue(undefined, "从 “", word(), "” 出发的弧，粗细按权重：最粗的连到 ", ...top(), "（", weight(), "）"),
      cue("scale", "每个词元的值（", v, "）有 ", n, " 个数", ...drawn(), "，按它的权重缩放"),
      cue("sum", "相加就是第 ", H, " 个头对 “", word(), "” 的输出（", y, "）：", n, " 个数从 ", lo, " 到 ", hi),
    ];
  },
};
