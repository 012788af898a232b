// Beat "append": the chosen token lifts out of its bar and slides to the end of the row; the camera
// pulls back over the whole abacus and returns to the first shot, so the clip loops.

import { facts } from "../../../engine/facts.js";
import { accentBlock } from "../../../engine/blocks.js";
import { anim, hold, par, seq } from "../../../engine/combinators.js";
import { bump, smooth } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { Vec3 } from "../../../engine/grid.js";
import { TITLE } from "../../../engine/scene-builder.js";
import type { LlmContext, LlmShape } from "../context.js";
import { BAR_MAX_HEIGHT } from "../layout.js";
import { clipShot } from "../../../engine/camera.js";

export const append: Chapter<LlmContext, LlmShape> = {
  id: "append",
  weight: 60,
  clips: () => seq(par(anim("slide", 1.2), anim("pullback", 1.4)), hold(0.3), par(anim("fade", 1.1), anim("return", 1.3))),
  draw(s, ctx, P) {
    const { layout, trace } = ctx;
    // the lift belongs to the output beat's last clip; the slide to this beat
    const choose = s.at("output.choose");
    if (choose <= 0) return;
    const slide = P("slide");
    const bars = layout.grids.bars;
    const lifted: Vec3 = [bars.origin[0], BAR_MAX_HEIGHT * trace.next.p + 1.6 + 3 * smooth(choose), 0];
    const slot = layout.tokenSlots[layout.T];
    const u = smooth(slide);
    const at: Vec3 = [lifted[0] + (slot[0] - lifted[0]) * u, lifted[1] + (slot[1] - lifted[1]) * u + 10 * bump(u) * 0.5, lifted[2]];
    s.add(accentBlock(ctx, "next", "output", [{ pos: at, reveal: smooth(Math.min(1, choose * 2)) }]), 1);
    s.label("next", trace.next.token, [at[0] + 1.0, at[1], at[2] + 0.6], "output", smooth(choose), { ...TITLE, size: 1.3, align: "start", bold: true }, { of: "next" });
  },
  shots: (ctx) => [clipShot(ctx, "append.pullback", "overview", 1, ["tokens", "bars", "next", "depth*"]), clipShot(ctx, "append.return", "tokens", 1, ["tokens"])],
  explain: {
    en: "The chosen word is written at the end of the text, and the whole computation runs again to find the word after it: that loop is how a model writes.",
    zh: "选出的词被写到文字末尾，整个计算再跑一遍，找出它后面的词：模型就是这样一个词一个词写下去的。",
  },
  caption: (ctx, lang) => {
    const T = ctx.trace.tokens.length;
    const next = facts(ctx).ranked(ctx.scores.probs, [T - 1], 0, "vocab");
    return lang === "en"
      ? [{ parts: [{ text: "“" }, next, { text: "” is appended, and the loop begins again" }] }]
      : [{ parts: [{ text: "“" }, next, { text: "” 被接到句尾，循环重新开始" }] }];
  },
};
