// Beat "result": the tower and the last bars clear away while the text gathers into lines (the written
// tokens in the output accent), then it is read left to right, each written word with its probability
// above it; then everything fades while the camera returns to the first shot, so the clip loops.

import { clipShot } from "../../../engine/camera.js";
import { anim, hold, par, seq } from "../../../engine/combinators.js";
import { bump, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { Vec3 } from "../../../engine/grid.js";
import { type NextTokenContext, type NextTokenShape, scrollAt } from "../context.js";
import { PERIOD } from "../generate.js";
import { between, drawBars, drawLines, drawRail, drawRow, drawStream, drawTower, fmtP, inShot, onRail, VALUE } from "./draw.js";

function caption(ctx: NextTokenContext, lang: "en" | "zh") {
  const g = ctx.gen;
  const n = g.steps.length;
  const written = g.steps.map((st) => st.token).join(" ");
  const t = ctx.props.temperature;
  // a long prompt is on screen; the caption names its last words only
  const start = g.prompt.length > 8 ? `… ${g.prompt.slice(-3).join(" ")}` : g.prompt.join(" ");
  if (lang === "en") {
    const how = g.sampled ? `sampled at temperature ${t}, seed ${ctx.props.seed}` : "each the most likely";
    const why = { steps: "", period: `; “${PERIOD}” ends it`, context: `; the context is full (${g.text.length} tokens)` }[g.stop];
    return [{ text: `“${start} ` }, { text: written, kind: "output" as const }, { text: `”: ${n} new tokens, ${how}${why}` }];
  }
  const how = g.sampled ? `按温度 ${t}、种子 ${ctx.props.seed} 抽样` : "每次取最可能的词";
  const why = { steps: "", period: `，写到“${PERIOD}”就停`, context: `，上下文已满（${g.text.length} 个词元）` }[g.stop];
  return [{ text: `“${start} ` }, { text: written, kind: "output" as const }, { text: `”：写了 ${n} 个词元，${how}${why}` }];
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
    caption,
  };
}
