// Beat "dot": output 0 as one dot product: the x column slides along the slab's first column like
// beads on a rod, each pair's product appears and a counter adds them up; the bias, then the sum
// drops into the output row.

import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { drawCode, drawOut, drawProducts, drawW, drawX, fmt } from "./draw.js";

/** The pair in focus and how far its product has grown, for a pass over C pairs at progress u. */
export function pairAt(u: number, C: number): { shown: number; grow: number } {
  const x = u * C;
  return { shown: Math.min(C, Math.floor(x) + 1), grow: u >= 1 ? 1 : x - Math.floor(x) };
}

export const dot: Chapter<MatMulContext, MatMulShape> = {
  id: "dot",
  weight: 120,
  clips: () => seq(anim("slide", 0.6), anim("pairs", 3.2), anim("bias", 0.6), anim("drop", 0.6), hold(0.2)),
  draw(s, ctx, P) {
    if (!s.inBeat("dot")) return;
    const slide = P("slide");
    const pairs = P("pairs");
    const { shown, grow } = pairAt(pairs, ctx.product.C);
    const active = pairs > 0 && pairs < 1 ? shown - 1 : -1;
    drawX(s, ctx, 0, slide, active, () => 1, 1 - smooth(window(P("drop"), 0, 0.6)) * 0.6);
    drawW(s, ctx, 1, 0, active);
    if (pairs > 0) drawProducts(s, ctx, 0, shown, grow, P("bias"), P("drop"));
    drawOut(s, ctx, 0, P("drop"), 1);
    drawCode(s, ctx, 1, 0, smooth(slide));
  },
  shots: () => [],
  caption: (ctx, lang) => {
    const { operand, C, value } = ctx.product;
    return [{
      text: lang === "en"
        ? `${operand}[0]: ${C} products x·w, added one by one, plus the bias: ${fmt(value[0])}`
        : `${operand}[0]：${C} 个乘积 x·w 逐个相加，再加上偏置：${fmt(value[0])}`,
    }];
  },
};
