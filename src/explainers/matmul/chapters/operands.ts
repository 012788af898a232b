// Beat "operands": the input x = ln1[t] stands as a column of beads, the head's rows of W beside it,
// the output row waiting as empty cells, the code card above.

import { segment } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { clipFrames, drawCode, drawOut, drawW, drawX, inTurn, weightName } from "./draw.js";

export const operands: Chapter<MatMulContext, MatMulShape> = {
  id: "operands",
  weight: 60,
  clips: () => seq(hold(0.2), anim("x", 1), anim("W", 1.2), anim("out", 0.8), hold(0.4)),
  draw(s, ctx, P) {
    if (!s.inBeat("operands")) return; // later beats draw the operands themselves
    const x = P("x");
    drawX(s, ctx, 0, 0, -1, inTurn(ctx, x, ctx.product.C, clipFrames(ctx, "operands.x")).grow, 1, smooth(window(x, 0, 0.7)));
    if (P("W") > 0) drawW(s, ctx, P("W"));
    if (P("out") > 0) drawOut(s, ctx, () => 0, smooth(P("out")));
    drawCode(s, ctx, smooth(x), 0, 0);
  },
  shots: () => [segment(0, "dot", 1, ["x", "W"])],
  caption: (ctx, lang) => {
    const { C, hs, word, operand, head } = ctx.product;
    const w = weightName(ctx);
    return [{
      text: lang === "en"
        ? `${operand} for “${word}”: ${hs} dot products of x (${C} numbers) with the ${hs} rows of ${w} for head ${head}`
        : `“${word}” 的 ${operand}：x（${C} 个数）与第 ${head} 个头的 ${w} 的 ${hs} 行各做一次点积`,
    }];
  },
};
