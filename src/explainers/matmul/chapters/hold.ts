// Beat "hold": the result, then everything fades and the camera returns to the first shot, so the clip loops.

import { clipShot } from "../../../engine/camera.js";
import { anim, hold as wait, seq } from "../../../engine/combinators.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { MatMulContext, MatMulShape } from "../context.js";
import { fmt } from "./draw.js";

export const hold: Chapter<MatMulContext, MatMulShape> = {
  id: "hold",
  weight: 30,
  clips: () => seq(wait(0.2), anim("return", 1)),
  draw: () => undefined, // the whole beat's blocks stay; the explainer's fade takes them away
  shots: (ctx) => [clipShot(ctx, "hold.return", "dot", 1, ["x", "W"])],
  caption: (ctx, lang) => {
    const { operand, word, value } = ctx.product;
    return [{
      text: lang === "en"
        ? `${operand}[“${word}”] starts ${fmt(value[0])}, ${fmt(value[1] ?? value[0])} …: every number a dot product`
        : `${operand}[“${word}”] 以 ${fmt(value[0])}、${fmt(value[1] ?? value[0])} … 开头：每个数都是一次点积`,
    }];
  },
};
