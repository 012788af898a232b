// Beat "operands": the input x = ln1[t] stands as a column of beads, the head's rows of W beside it,
// the output row waiting as empty cells, the code card above.

import { segment } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { isPartial } from "../../../engine/window.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { captionKit, clipFrames, drawCode, drawnCounts, drawOut, drawW, drawX, inTurn } from "./draw.js";

export const operands: Chapter<MatMulContext, MatMulShape> = {
  id: "operands",
  weight: 60,
  clips: () => seq(hold(0.2), anim("x", 1), anim("W", 1.2), anim("out", 0.8), hold(0.4)),
  draw(s, ctx, P) {
    if (!s.inBeat("operands")) return; // later beats draw the operands themselves
    const x = P("x");
    drawX(s, ctx, 0, 0, -1, inTurn(ctx, x, drawnCounts(ctx).nx, clipFrames(ctx, "operands.x")).grow, 1, smooth(window(x, 0, 0.7)));
    if (P("W") > 0) drawW(s, ctx, P("W"));
    if (P("out") > 0) drawOut(s, ctx, () => 0, smooth(P("out")));
    drawCode(s, ctx, smooth(x), 0, 0);
  },
  shots: () => [segment(0, "dot", 1, ["x", "W"])],
  explain: {
    en: "A matrix multiplication turns a list of numbers into a new list. Here the input is one word's list of numbers, and each row of weights will make one number of the new list.",
    zh: "矩阵乘法把一串数变成一串新的数。这里的输入是一个词的一串数，权重的每一行会算出新的一串数里的一个数。",
  },
  caption: (ctx, lang) => {
    const { ids, head, t, window: w } = ctx.product;
    const { f, x, W, out } = captionKit(ctx);
    const word = f.word("tokens", t);
    const en = lang === "en";
    const C = f.size(ids.x, 1);
    const rods = f.size(ids.W, 0);
    // a wide model's windows: how many beads and rods are drawn
    const beads = isPartial(w.inputs)
      ? (en ? [C, { text: " numbers, " }, f.given(w.inputs.dims.length), { text: " of them drawn as beads" }] : [C, { text: " 个数，画出其中 " }, f.given(w.inputs.dims.length), { text: " 颗珠子" }])
      : (en ? [C, { text: " beads" }] : [C, { text: " 颗珠子" }]);
    const first = isPartial(w.rods) ? (en ? [{ text: " (the first " }, f.given(w.rods.dims.length), { text: " drawn)" }] : [{ text: "（画出前 " }, f.given(w.rods.dims.length), { text: " 行）" }]) : [];
    const cells = isPartial(w.rods)
      ? (en ? [{ text: ": the first " }, f.given(w.rods.dims.length), { text: " of its " }, f.size(ids.out, 1), { text: " cells wait to be filled" }] : [{ text: "：" }, f.size(ids.out, 1), { text: " 个格子中的前 " }, f.given(w.rods.dims.length), { text: " 个等着填入" }])
      : (en ? [{ text: ": " }, f.size(ids.out, 1), { text: " cells wait to be filled" }] : [{ text: "：" }, f.size(ids.out, 1), { text: " 个格子等着填入" }]);
    return en
      ? [
        { parts: [{ text: "The input " }, x, { text: " for “" }, word, { text: "” (" }, ...beads, { text: ") meets head " }, f.given(head), { text: "'s weights " }, W, { text: ": " }, rods, { text: " rows of " }, f.size(ids.W, 1), ...first] },
        { at: "out", parts: [{ text: "Each row will make one number of " }, out, ...cells] },
      ]
      : [
        { parts: [{ text: "“" }, word, { text: "” 的输入 " }, x, { text: "（" }, ...beads, { text: "）与第 " }, f.given(head), { text: " 个头的权重 " }, W, { text: "：" }, rods, { text: " 行，每行 " }, f.size(ids.W, 1), { text: " 个" }, ...first] },
        { at: "out", parts: [{ text: "每一行算出 " }, out, { text: " 的一个数" }, ...cells] },
      ];
  },
};
