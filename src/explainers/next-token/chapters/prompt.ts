// Beat "prompt": the rail fades in and the prompt's tokens drop onto it one by one, each with its word
// (a long prompt on several lines, which the first step gathers onto one rail).

import { segment } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { NextTokenContext, NextTokenShape } from "../context.js";
import { drawLines, drawRow } from "./draw.js";

export const prompt: Chapter<NextTokenContext, NextTokenShape> = {
  id: "prompt",
  weight: 50,
  // a long prompt drops faster: every token has begun to drop before the middle of the beat, so its still shows the whole row
  clips: ({ T0 }) => seq(anim("rail", 0.5), stagger(Math.min(0.3, 0.75 / T0), each(T0, (j) => anim(`drop.${j}`, 1))), hold(0.3)),
  draw(s, ctx, P) {
    if (!s.inBeat("prompt")) return;
    const T0 = ctx.gen.prompt.length;
    const wrap = ctx.layout.wraps.prompt;
    drawLines(s, ctx, wrap, "line", smooth(P("rail")));
    drawRow(s, ctx, { count: T0, at: (j) => wrap.at[j], drop: (j) => P(`drop.${j}`) });
  },
  shots: () => [segment(0, "prompt", 1, ["row.prompt"])],
  caption: (ctx, lang) => {
    const T0 = ctx.gen.prompt.length;
    const n = ctx.gen.steps.length;
    const t = ctx.props.temperature;
    if (lang === "en") {
      const how = ctx.gen.sampled ? `sampled at temperature ${t}` : "one forward pass each";
      return [{ text: `The prompt: ${T0} tokens. The model writes ${n} more, ${how}` }];
    }
    const how = ctx.gen.sampled ? `按温度 ${t} 抽样` : "每个都是一次前向计算";
    return [{ text: `提示词有 ${T0} 个词元。模型逐个再写 ${n} 个，${how}` }];
  },
};
