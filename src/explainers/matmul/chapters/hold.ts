// Beat "hold": the result, then everything fades and the camera returns to the first shot, so the clip loops.

import { clipShot } from "../../../engine/camera.js";
import { anim, hold as wait, seq } from "../../../engine/combinators.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { captionKit } from "./draw.js";

export const hold: Chapter<MatMulContext, MatMulShape> = {
  id: "hold",
  weight: 30,
  clips: () => seq(wait(0.2), anim("return", 1)),
  draw: () => undefined, // the whole beat's blocks stay; the explainer's fade takes them away
  shots: (ctx) => [clipShot(ctx, "hold.return", "dot", 1, ["x", "W"])],
  explain: {
    en: "The finished outputs stay for a moment: each of them was only a sum of products and a bias. Then the video returns to its start and loops.",
    zh: "算好的输出停留片刻：其中每个数都只是乘积之和再加偏置。然后视频回到开头，循环播放。",
  },
  caption: (ctx, lang) => {
    const { ids, t, hs } = ctx.product;
    const { f, out } = captionKit(ctx);
    const word = f.word("tokens", t);
    const row = [f.value(ids.out, [t, 0], "value3"), { text: lang === "en" ? ", " : "、" }, f.value(ids.out, [t, 1], "value3"), { text: " … " }, f.value(ids.out, [t, hs - 1], "value3")];
    return lang === "en"
      ? [{ parts: [{ text: "“" }, word, { text: "”'s " }, out, { text: " reads " }, ...row, { text: ": each number one dot product" }] }]
      : [{ parts: [{ text: "“" }, word, { text: "” 的 " }, out, { text: " 是 " }, ...row, { text: "：每个数都是一次点积" }] }];
  },
};
