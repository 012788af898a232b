// Beat "whole": the camera pulls back; all T rows of x pass through W at once and the whole block
// (T × hs) fills row by row: one matrix product, as torch.matmul computes it.

import { tensorBlock } from "../../../engine/blocks.js";
import { beatShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { plainName } from "../../../trace/names.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { captionKit, clipFrames, drawCode, drawOut, drawTitle, drawW, inTurn } from "./draw.js";

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
      id: "X", kind: "activation", tensor: pr.ids.x, grid: layout.X, place: (t, i) => [i, t, 0], dims: pr.window.inputs.dims, reveal: () => pull,
    }), pull);
    drawTitle(s, ctx, "X", s.say(`input x: all ${pr.T} tokens`, `输入 x：全部 ${pr.T} 个词元`), pr.ids.x, smooth(Math.min(1, pull * 1.5)));
    drawW(s, ctx, 1);
    drawOut(s, ctx, () => 1, 1 - pull);
    // rows of the result, one token after another (each growing over a few frames, several at once if need be)
    const per = inTurn(ctx, rows, pr.T, clipFrames(ctx, "whole.rows")).grow;
    if (rows > 0) {
      s.add(tensorBlock(ctx, {
        id: "Q", kind: "activation", tensor: pr.ids.out, grid: layout.Q, place: (t, j) => [t, j, 0], features: [0, layout.Q.rows], reveal: (t) => per(t),
      }), rows);
      drawTitle(s, ctx, "Q", plainName(pr.ids.out, s.lang) ?? pr.ids.out, pr.ids.out, smooth(Math.min(1, rows * 1.5)));
    }
    // a column of words, one per row of x (`row.t3`: not a row of words side by side)
    for (let t = 0; t < pr.T; t++) {
      s.label(`row.t${t}`, ctx.trace.tokens[t], [-1.2, layout.X.origin[1] - t, 0], "token", pull, { size: 0.9, angle: 0, align: "end", bold: t === pr.t }, { of: "X" });
    }
    drawCode(s, ctx, 1, 1, pull);
  },
  shots: (ctx) => [beatShot(ctx, "whole", "whole", 0.35, ["X", "W", "Q"])],
  explain: {
    en: "Doing the same for every word of the prompt at once is one matrix multiplication: a whole table of outputs, one row per word, in a single step.",
    zh: "对提示词里的每个词同时这样算，就是一次矩阵乘法：一步得到整张输出表，每个词一行。",
  },
  caption: (ctx, lang) => {
    const { ids } = ctx.product;
    const { f, x, W, out } = captionKit(ctx);
    const dims = (id: string) => [f.size(id, 0), { text: " × " }, f.size(id, 1)];
    return lang === "en"
      ? [{ parts: [{ text: "All " }, f.size(ids.x, 0), { text: " tokens at once: " }, x, { text: " (" }, ...dims(ids.x), { text: ") @ " }, W, { text: ".T + b gives " }, out, { text: ", " }, ...dims(ids.out), { text: " numbers" }] }]
      : [{ parts: [f.size(ids.x, 0), { text: " 个词元一起算：" }, x, { text: "（" }, ...dims(ids.x), { text: "）@ " }, W, { text: ".T + b 得到 " }, out, { text: "，共 " }, ...dims(ids.out), { text: " 个数" }] }];
  },
};
