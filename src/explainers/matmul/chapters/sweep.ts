// Beat "sweep": the other outputs j = 1 … hs−1, faster and faster: the x column steps along the slab
// like a sliding window, the next rod's products replace the last rod's in place, left to right,
// and each output cell fills with its value (going on filling while the next steps begin).

import { anim, each, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { appearFrom, drawCode, drawOut, drawProducts, drawW, drawX, fmt } from "./draw.js";

/** Each step takes 80% as long as the one before. */
const SPEEDUP = 0.8;
/** Where in its step the bias is added and the output cell begins to fill (it goes on filling into the next steps). */
const BIAS = 0.7;

export const sweep: Chapter<MatMulContext, MatMulShape> = {
  id: "sweep",
  weight: 90,
  // the hold lets the last cell finish filling
  clips: ({ hs }) => seq(...each(hs - 1, (k) => anim(`cell.${k + 1}`, SPEEDUP ** k)), hold(0.35)),
  draw(s, ctx, P) {
    if (!s.inBeat("sweep")) return;
    const { hs, C } = ctx.product;
    // the output in progress: the first cell whose clip has not finished (hs − 1 once all are done)
    let j = 1;
    while (j < hs - 1 && P(`cell.${j}`) >= 1) j++;
    const u = hs > 1 ? P(`cell.${j}`) : 1;
    const move = window(u, 0, 0.2);
    // the products of rod j replace rod j − 1's in place, left to right, as fast as the step goes
    const wipe = window(u, 0.15, 0.65);
    const shown = wipe > 0 ? Math.ceil(wipe * C) : 0;
    // the sum, dimmed while the dot product's sum dropped, lights up again
    const bright = j === 1 ? 0.5 + 0.5 * smooth(window(u, 0, 0.15)) : 1;
    drawX(s, ctx, j - 1 + smooth(move), 1, -1, () => 1, 0.7);
    drawW(s, ctx, 1);
    if (hs > 1) drawProducts(s, ctx, { j, pass: { shown, active: -1, grow: () => 1 }, bias: u >= BIAS ? 1 : 0, opacity: 1, named: bright, newest: 0, before: true });
    drawOut(s, ctx, (m) => (m === 0 ? 1 : m <= j ? appearFrom(s, ctx, `sweep.cell.${m}`, BIAS) : 0), 1);
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
