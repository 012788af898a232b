// Beat "sweep": the other outputs j = 1 … hs−1, faster and faster: the x column steps along the slab
// like a sliding window and each output cell fills with its value.

import { anim, each, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { pairAt } from "./dot.js";
import { drawCode, drawOut, drawProducts, drawW, drawX, fmt } from "./draw.js";

/** Each step takes 80% as long as the one before. */
const SPEEDUP = 0.8;

export const sweep: Chapter<MatMulContext, MatMulShape> = {
  id: "sweep",
  weight: 90,
  clips: ({ hs }) => seq(...each(hs - 1, (k) => anim(`cell.${k + 1}`, SPEEDUP ** k)), hold(0.2)),
  draw(s, ctx, P) {
    if (!s.inBeat("sweep")) return;
    const hs = ctx.product.hs;
    // the output in progress: the first cell whose clip has not finished (hs − 1 once all are done)
    let j = 1;
    while (j < hs - 1 && P(`cell.${j}`) >= 1) j++;
    const u = hs > 1 ? P(`cell.${j}`) : 1;
    const move = window(u, 0, 0.2);
    const { shown, grow } = pairAt(window(u, 0.15, 0.65), ctx.product.C);
    drawX(s, ctx, j - 1 + smooth(move), 1, -1, () => 1, 0.7);
    drawW(s, ctx, 1);
    if (u > 0.15) drawProducts(s, ctx, j, shown, grow, u >= 0.7 ? 1 : 0, window(u, 0.75, 1));
    drawOut(s, ctx, j, smooth(window(u, 0.85, 1)), 1);
    drawCode(s, ctx, 1, 0, 1);
  },
  shots: () => [],
  caption: (ctx, lang) => {
    const { operand, hs, value } = ctx.product;
    const all = value.map(fmt).join(", ");
    return [{
      text: lang === "en"
        ? `The same for the other ${hs - 1} columns: ${operand} = [${all}]`
        : `其余 ${hs - 1} 列同样计算：${operand} = [${all}]`,
    }];
  },
};
