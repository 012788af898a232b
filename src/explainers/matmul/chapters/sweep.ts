// Beat "sweep": the other outputs j = 1 … hs−1, faster and faster: the x column steps along the slab
// like a sliding window, the next rod's products replace the last rod's in place, left to right,
// and each output cell fills with its value (going on filling while the next steps begin).

import { anim, each, hold, seq } from "../../../engine/combinators.js";
import { smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { appearFrom, captionKit, drawCode, drawnCounts, drawOut, drawProducts, drawW, drawX } from "./draw.js";

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
    const { nx: C, rods: hs } = drawnCounts(ctx);
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
  explain: {
    en: "Every other row of weights does the same with the same input, so each row gives one more number of the output.",
    zh: "其余每一行权重都对同一个输入做同样的计算，所以每一行给出输出里的又一个数。",
  },
  caption: (ctx, lang) => {
    const { ids, t, hs, window: w } = ctx.product;
    const { f, out } = captionKit(ctx);
    const second = f.value(ids.out, [t, 1], "value3");
    const rods = f.size(ids.out, 1);
    const top = f.ranked(ids.out, [t], 0, "value3");
    const bottom = f.ranked(ids.out, [t], hs - 1, "value3");
    // the second cue once about half the rods are done
    const drawn = w.rods.dims.length;
    const at = `cell.${Math.max(1, Math.floor((drawn - 1) / 2))}`;
    const some = drawn < hs ? (lang === "en" ? [{ text: " (" }, f.given(drawn), { text: " drawn)" }] : [{ text: "（画出 " }, f.given(drawn), { text: " 根）" }]) : [];
    return lang === "en"
      ? [
        { parts: [{ text: "The same on the next rod: the second number of " }, out, { text: " is " }, second] },
        { at, parts: [{ text: "… and down all " }, rods, { text: " rods" }, ...some, { text: ": the largest number of " }, out, { text: " is " }, top, { text: ", the smallest " }, bottom] },
      ]
      : [
        { parts: [{ text: "下一根杆同样计算：" }, out, { text: " 的第二个数是 " }, second] },
        { at, parts: [{ text: "……一直算完全部 " }, rods, { text: " 根杆" }, ...some, { text: "：" }, out, { text: " 最大的数是 " }, top, { text: "，最小的是 " }, bottom] },
      ];
  },
};
