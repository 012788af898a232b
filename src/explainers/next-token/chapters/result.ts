// Beat "result": the tower and the last bars clear away while the text gathers into lines (the written
// tokens in the output accent), then it is read left to right, each written word with its probability
// above it; then everything fades while the camera returns to the first shot, so the clip loops.

import type { CaptionCue } from "../../../engine/cues.js";
import { clipShot } from "../../../engine/camera.js";
import { anim, hold, par, seq } from "../../../engine/combinators.js";
import { bump, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { facts, fmtP } from "../../../engine/facts.js";
import type { Vec3 } from "../../../engine/grid.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import { type NextTokenContext, type NextTokenShape, probColumn, scrollAt } from "../context.js";
import { between, drawBars, drawLines, drawRail, drawRow, drawStream, drawTower, inShot, onRail, pIs, VALUE } from "./draw.js";

function caption(ctx: NextTokenContext, lang: "en" | "zh"): CaptionCue[] {
  const f = facts(ctx);
  const en = lang === "en";
  const g = ctx.gen;
  const T0 = g.prompt.length;
  const n = g.steps.length;
  // the whole text, word by word (the written words in the output accent); of a long prompt, its last words only
  const from = T0 > 8 ? T0 - 3 : 0;
  const text: CaptionPart[] = [{ text: from > 0 ? "… " : "" }];
  for (let j = from; j < T0 + n; j++) text.push({ ...f.word("tokens", j), ...(j >= T0 ? { kind: "output" as const } : {}) }, { text: " " });
  text.pop();
  // the written word the model was least sure of
  const k = g.steps.reduce((best, st, i) => (st.p < g.steps[best].p ? i : best), 0);
  const p = pIs(f.value(ctx.steps[k].ids.probs, [0, probColumn(ctx.steps[k], g.steps[k].id)], "prob"));
  const least = [{ text: "“" }, { ...f.word("tokens", T0 + k), kind: "output" as const }, { text: en ? "” (" : "”（" }, ...p, { text: en ? ")" : "）" }];
  const stop: CaptionPart[] = {
    steps: en ? [{ text: "; that makes the " }, f.given(n), { text: " steps asked for" }] : [{ text: "；写满了要求的 " }, f.given(n), { text: " 步" }],
    period: en ? [{ text: "; it stops after “" }, f.word("tokens", T0 + n - 1), { text: "”" }] : [{ text: "；写到 “" }, f.word("tokens", T0 + n - 1), { text: "” 就停" }],
    context: en ? [{ text: "; the model can read no more" }] : [{ text: "；上下文已满，模型读不下更多了" }],
  }[g.stop];
  return en
    ? [
      { parts: [{ text: "The text now reads: " }, ...text] },
      { at: "return", parts: [{ text: n > 1 ? "The least sure pick: " : "The pick: " }, ...least, ...stop] },
    ]
    : [
      { parts: [{ text: "现在的文字是：" }, ...text] },
      { at: "return", parts: [{ text: n > 1 ? "最没把握的一步选了 " : "选出的词：" }, ...least, ...stop] },
    ];
}

/** The result beat; `extra` is the weight of the steps that were not needed (it takes their time). */
export function resultChapter(extra: number): Chapter<NextTokenContext, NextTokenShape> {
  return {
    id: "result",
    weight: 70 + extra,
    clips: () => seq(par(anim("clear", 0.8), anim("gather", 1)), anim("read", 1.6), hold(0.4), anim("return", 1)),
    draw(s, ctx, P) {
      if (!s.inBeat("result")) return;
      const { layout } = ctx;
      const T0 = ctx.gen.prompt.length;
      const n = ctx.gen.steps.length;
      const N = T0 + n;
      const clear = smooth(P("clear"));
      const gather = smooth(P("gather"));
      const read = P("read");
      const rail = onRail(ctx, scrollAt.end(T0, n - 1));
      // a wave runs along the text, lifting each word a little as it is read
      const wave = (j: number) => window(read * (N + 2) - j, 0, 2);
      const place = between(rail, (j) => layout.wraps.text.at[j], gather);
      const at = (j: number): Vec3 => {
        const p = place(j);
        return [p[0], p[1] + 0.7 * bump(wave(j)), p[2]];
      };
      drawRail(s, ctx, N - clear, scrollAt.end(T0, n - 1), 1 - gather);
      drawLines(s, ctx, layout.wraps.text, "line", gather);
      const inside = inShot(ctx, scrollAt.end(T0, n - 1));
      drawRow(s, ctx, { count: N, at, shown: (j) => inside(j) + (1 - inside(j)) * gather });
      // above each written token, the probability the model gave it at its step (in as the text gathers)
      ctx.gen.steps.forEach((st, k) => {
        const p = at(T0 + k);
        s.label(`result.p.${k}`, fmtP(st.p), [p[0], p[1] + 1.35, 0.6], "output", gather, VALUE, { of: "row.written" });
      });
      if (clear < 1) {
        drawTower(s, ctx, n - 1, 1 - clear, () => 0);
        drawStream(s, ctx, n - 1, () => 1 - clear, () => 0);
        drawBars(s, ctx, n - 1, 1 - clear, 1 - clear);
      }
    },
    shots: (ctx) => [clipShot(ctx, "result.gather", "text", 1, ["row.*"]), clipShot(ctx, "result.return", "prompt", 1, ["row.prompt"])],
    explain: {
      en: "Word by word, the loop has written a continuation of the prompt; above each new word is the probability the model gave it when it was chosen.",
      zh: "一个词接一个词，这个循环为提示词写出了后续；每个新词上方是模型选它时给它的概率。",
    },
    caption,
  };
}
