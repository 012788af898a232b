// Beat "dot": output 0 as one dot product: the x column slides along the slab's first column like
// beads on a rod, each pair's product grows in (several at once, as fast as the pairs go) and a
// counter adds them up; the bias, then the sum grows out of the counter and drops into its cell.

import { beatShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { appearFrom, captionKit, clipFrames, drawCode, drawOut, drawProducts, drawSum, drawW, drawX, passAt } from "./draw.js";

/** The share of the drop the sum takes to reach its cell; it rests there until the cell takes it over. */
const TRAVEL = 0.7;

export const dot: Chapter<MatMulContext, MatMulShape> = {
  id: "dot",
  weight: 120,
  clips: () => seq(anim("slide", 0.6), anim("pairs", 3.2), anim("bias", 0.6), anim("drop", 0.6), hold(0.2)),
  draw(s, ctx, P) {
    if (!s.inBeat("dot")) return;
    const slide = P("slide");
    const pairs = P("pairs");
    const bias = P("bias");
    const drop = P("drop");
    const pass = passAt(ctx, pairs, clipFrames(ctx, "dot.pairs"));
    const dim = 1 - 0.5 * smooth(window(drop, 0, 0.6));
    drawX(s, ctx, 0, slide, pass.active, () => 1, 1 - smooth(window(drop, 0, 0.6)) * 0.6);
    drawW(s, ctx, 1, 0, pass.active);
    if (pairs > 0) {
      const named = appearFrom(s, ctx, "dot.pairs");
      drawProducts(s, ctx, { j: 0, pass, bias, opacity: 1, named: named * dim, newest: named * (1 - bias) });
    }
    // the sum grows out of the counter and flies to its cell, which takes it over where it rests
    if (drop > 0 && drop < 1) drawSum(s, ctx, 0, window(drop, 0, TRAVEL), smooth(window(drop, 0, TRAVEL)));
    drawOut(s, ctx, (j) => (j === 0 && drop >= 1 ? 1 : 0), 1);
    drawCode(s, ctx, 1, 0, smooth(slide));
  },
  shots: (ctx) => [beatShot(ctx, "dot", "dot", 0.2, ["x", "W", "products", "out", "outGhosts"])],
  explain: {
    en: "One new number is a dot product: multiply each input number by the weight beside it, add all the products up, then add a fixed offset called the bias.",
    zh: "一个新的数就是一次点积：把每个输入的数乘以旁边的权重，把所有乘积加起来，再加上一个固定的偏移量，叫作偏置。",
  },
  caption: (ctx, lang) => {
    const { ids, t, C, window: w } = ctx.product;
    const { f, out } = captionKit(ctx);
    const n = f.size(ids.products, 1);
    const first = f.value(ids.products, [0, w.inputs.dims[0]], "value3");
    const top = f.ranked(ids.products, [0], 0, "value3");
    const bias = f.value(ids.b, [0], "value3");
    const value = f.value(ids.out, [t, 0], "value3");
    const word = f.word("tokens", t);
    const drawn = w.inputs.dims.length;
    if (drawn < C) {
      // a window of the inputs: the products drawn are added, then the others and the bias
      const others = f.given(C - drawn);
      const rest = f.value(ids.rest, [0], "value3");
      return lang === "en"
        ? [
          { parts: [{ text: "Bead × weight on the first rod: " }, f.given(drawn), { text: " of its " }, n, { text: " products drawn (first " }, first, { text: ", largest of all " }, top, { text: "), added up" }] },
          { at: "bias", parts: [{ text: "Plus the other " }, others, { text: " products, " }, rest, { text: ", and the bias " }, bias, { text: ": the first number of “" }, word, { text: "”'s " }, out, { text: " is " }, value] },
        ]
        : [
          { parts: [{ text: "珠子 × 第一根杆上的权重：" }, n, { text: " 个乘积中画出 " }, f.given(drawn), { text: " 个（第一个 " }, first, { text: "，全部中最大 " }, top, { text: "），逐个相加" }] },
          { at: "bias", parts: [{ text: "再加上其余 " }, others, { text: " 个乘积之和 " }, rest, { text: " 与偏置 " }, bias, { text: "：“" }, word, { text: "” 的 " }, out, { text: " 的第一个数是 " }, value] },
        ];
    }
    return lang === "en"
      ? [
        { parts: [{ text: "Bead × weight on the first rod: " }, n, { text: " products (first " }, first, { text: ", largest " }, top, { text: "), added up" }] },
        { at: "bias", parts: [{ text: "Plus the bias " }, bias, { text: ": the first number of “" }, word, { text: "”'s " }, out, { text: " is " }, value] },
      ]
      : [
        { parts: [{ text: "珠子 × 第一根杆上的权重：" }, n, { text: " 个乘积（第一个 " }, first, { text: "，最大 " }, top, { text: "），逐个相加" }] },
        { at: "bias", parts: [{ text: "再加上偏置 " }, bias, { text: "：“" }, word, { text: "” 的 " }, out, { text: " 的第一个数是 " }, value] },
      ];
  },
};
