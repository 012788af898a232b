// Beat "whole": the camera pulls back; all T rows of x pass through W at once and the whole block
// (T × hs) fills row by row: one matrix product, as torch.matmul computes it.

import { tensorBlock } from "../../../engine/blocks.js";
import { beatShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { drawCode, drawOut, drawW, weightName } from "./draw.js";

export const whole: Chapter<MatMulContext, MatMulShape> = {
  id: "whole",
  weight: 60,
  clips: () => seq(anim("pull", 0.8), anim("rows", 1.6), hold(0.3)),
  draw(s, ctx, P) {
    if (!s.reached("whole")) return; // and on through the hold
    const { product: pr, layout } = ctx;
    const pull = smooth(P("pull"));
    const rows = P("rows");
    s.add(tensorBlock(ctx, {
      id: "X", kind: "activation", tensor: pr.ids.x, grid: layout.X, place: (t, i) => [i, t, 0], reveal: () => pull,
    }), pull, `x: all ${pr.T} tokens`, layout.X);
    drawW(s, ctx, 1);
    drawOut(s, ctx, pr.hs, 0, 1 - pull);
    // rows of the result, one token after another
    const per = (t: number) => smooth(window(rows * pr.T - t, 0, 1));
    if (rows > 0) {
      s.add(tensorBlock(ctx, {
        id: "Q", kind: "activation", tensor: pr.ids.out, grid: layout.Q, place: (t, j) => [t, j, 0], reveal: (t) => per(t),
      }), rows, `${pr.operand} = x @ ${weightName(ctx)}.T + b`, layout.Q);
    }
    for (let t = 0; t < pr.T; t++) {
      s.label(`row.${t}`, ctx.trace.tokens[t], [-1.2, layout.X.origin[1] - t, 0], "token", pull, { size: 0.9, angle: 0, align: "end", bold: t === pr.t });
    }
    drawCode(s, ctx, 1, 1, pull);
  },
  shots: (ctx) => [beatShot(ctx, "whole", "whole", 0.35)],
  caption: (ctx, lang) => {
    const { T, hs, operand } = ctx.product;
    const w = weightName(ctx);
    return [{
      text: lang === "en"
        ? `All ${T} tokens at once: one matrix product x @ ${w}.T + b gives ${operand}, ${T} × ${hs} numbers`
        : `${T} 个词元一起算：一次矩阵乘法 x @ ${w}.T + b 得到 ${operand}，共 ${T} × ${hs} 个数`,
    }];
  },
};
