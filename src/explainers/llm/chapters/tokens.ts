// Beat "tokens": the prompt's tokens drop one by one onto a transparent rail as labelled cubes.

import { facts } from "../../../engine/facts.js";
import { accentBlock } from "../../../engine/blocks.js";
import { segment } from "../../../engine/camera.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { easeOutCubic, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { Vec3 } from "../../../engine/grid.js";
import { WORD } from "../../../engine/scene-builder.js";
import type { LlmContext, LlmShape } from "../context.js";

export const tokens: Chapter<LlmContext, LlmShape> = {
  id: "tokens",
  weight: 60,
  // every token has begun to drop before the middle of the beat, whatever the prompt's length, so that its still shows the whole row
  clips: ({ T }) => seq(hold(0.3), stagger(1.6 / Math.max(1, T), each(T, (t) => anim(`drop.${t}`, 1))), hold(0.6)),
  draw(s, ctx, P) {
    const { layout, trace, theme } = ctx;
    const T = layout.T;
    // the rail stays at full opacity while everything else fades at the end
    s.structures.push({ id: "rail", type: "box", kind: "structure", center: layout.rail.center, size: layout.rail.size, color: theme.structure.color, opacity: theme.structure.opacity * 2.5, recede: 0 });
    const drops = Array.from({ length: T }, (_, t) => P(`drop.${t}`));
    s.blocks.push(accentBlock(ctx, "tokens", "token", drops.map((p, t) => {
      const slot = layout.tokenSlots[t];
      return { pos: [slot[0], slot[1] + 7 * (1 - easeOutCubic(p)), slot[2]] as Vec3, reveal: smooth(Math.min(1, p * 2.5)) * s.fade };
    })));
    drops.forEach((p, t) => {
      const slot = layout.tokenSlots[t];
      s.label(`token.${t}`, trace.tokens[t], [slot[0], slot[1] - 1.4, slot[2] + 0.6], "token", smooth(window(p, 0.3, 1)), WORD, { of: "tokens" });
    });
  },
  shots: () => [segment(0, "tokens", 1, ["tokens"])],
  explain: {
    en: "A language model reads text as tokens: each word of the prompt is looked up in the model's vocabulary and becomes one position in a row.",
    zh: "语言模型把文字读成词元：提示词里的每个词在模型的词表中查到，变成一排中的一个位置。",
  },
  caption: (ctx, lang) => {
    const f = facts(ctx);
    const T = ctx.trace.tokens.length;
    const n = f.size("x0", 0);
    return lang === "en"
      ? [
        { parts: [{ text: "The prompt is split into " }, n, { text: T === 1 ? " token, one cube" : " tokens, one cube each" }] },
        { at: `drop.${T - 1}`, parts: [{ text: "It starts with “" }, f.word("tokens", 0), { text: "” and ends with “" }, f.word("tokens", T - 1), { text: "”" }] },
      ]
      : [
        { parts: [{ text: "提示词被切分成 " }, n, { text: " 个词元，每个词元一个方块" }] },
        { at: `drop.${T - 1}`, parts: [{ text: "第一个是 “" }, f.word("tokens", 0), { text: "”，最后一个是 “" }, f.word("tokens", T - 1), { text: "”" }] },
      ];
  },
};
