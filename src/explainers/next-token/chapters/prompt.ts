// Beat "prompt": the rail fades in and the prompt's tokens drop onto it one by one, each with its word
// (a long prompt on several lines, which the first step gathers onto one rail).

import { segment } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { facts } from "../../../engine/facts.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
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
  explain: {
    en: "A language model writes by continuing a text, the prompt. It reads the prompt as a row of tokens, one cube per word.",
    zh: "语言模型写作的方式是接着一段文字往下写，这段文字叫提示词。它把提示词读成一排词元，每个词一个方块。",
  },
  caption: (ctx, lang) => {
    const f = facts(ctx);
    const T0 = ctx.gen.prompt.length;
    const V = f.vocabSize();
    const seed = f.given(ctx.props.seed);
    const first = f.word("tokens", 0);
    const last = f.word("tokens", T0 - 1);
    const at = `drop.${T0 - 1}`;
    if (lang === "en") {
      const how: CaptionPart[] = ctx.gen.sampled
        ? [{ text: "”; then the model draws words at random, weighted by probability, from its " }, V, { text: " (seed " }, seed, { text: ")" }]
        : [{ text: "”; then the model adds the likeliest of its " }, V, { text: " words, one by one" }];
      return [
        { parts: [{ text: "The prompt drops in, one cube per word, starting with “" }, first, { text: "”" }] },
        { at, parts: [{ text: "It ends with “" }, last, ...how] },
      ];
    }
    const how: CaptionPart[] = ctx.gen.sampled
      ? [{ text: "”；然后模型从它的 " }, V, { text: " 个词中按概率逐个随机抽词（种子 " }, seed, { text: "）" }]
      : [{ text: "”；然后模型从它的 " }, V, { text: " 个词中逐个选出最可能的词" }];
    return [
      { parts: [{ text: "提示词逐个落下，每个词一个方块，第一个是 “" }, first, { text: "”" }] },
      { at, parts: [{ text: "最后一个是 “" }, last, ...how] },
    ];
  },
};
