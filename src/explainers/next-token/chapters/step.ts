// Beat "step<k>": the row slides one place left, into the model; the last position's residual stream
// lights pane by pane in its real colours; the bars rise with the step's probabilities; the chosen
// token lifts out of its bar and lands at the end of the row. The first step also builds the tower.

import { beatShot, clipShot } from "../../../engine/camera.js";
import { anim, type Clip, hold, seq } from "../../../engine/combinators.js";
import { bump, easeOutCubic, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { Vec3 } from "../../../engine/grid.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import { type NextTokenContext, type NextTokenShape, scrollAt, tokenX } from "../context.js";
import { appearFrom, between, clipFrames, drawBars, drawLines, drawNext, drawRail, drawRow, drawStream, drawTower, fmtP, inShot, inTurn, onRail, pIs } from "./draw.js";

/** The part of the pass each pane takes to light up. */
const SHARE = 0.6;

/** Weight of each step after the first; the first takes twice as long. */
export const STEP_WEIGHT = 60;

const clips = (k: number): Clip => (k === 0
  ? seq(anim("tower", 1), anim("slide", 0.7), anim("pass", 2.2), anim("bars", 0.9), anim("lift", 0.5), anim("land", 0.9), hold(0.3))
  : seq(anim("slide", 0.6), anim("pass", 1.2), anim("bars", 0.7), anim("lift", 0.5), anim("land", 0.7), hold(0.1)));

function caption(ctx: NextTokenContext, k: number, lang: "en" | "zh"): CaptionPart[] {
  const st = ctx.gen.steps[k];
  const other = ctx.steps[k].other;
  const N = st.input.length;
  const word: CaptionPart = { text: `“${st.token}”`, kind: "output" };
  const best = other !== null && other.p > st.p; // a sampled token that is not the most likely
  if (lang === "en") {
    const head = ctx.gen.sampled
      ? [{ text: `Step ${k + 1} reads ${N} tokens, samples ` }, word, { text: ` (${pIs(st.p)})` }]
      : [{ text: `Step ${k + 1} reads ${N} tokens: ` }, word, { text: ` has ${pIs(st.p)}` }];
    return other ? [...head, { text: `; ${best ? "most likely" : "next best"} “${other.token}” (${fmtP(other.p)})` }] : head;
  }
  const head = ctx.gen.sampled
    ? [{ text: `第 ${k + 1} 步读入 ${N} 个词元，抽样得到 ` }, word, { text: `（${pIs(st.p)}）` }]
    : [{ text: `第 ${k + 1} 步读入 ${N} 个词元：` }, word, { text: ` 的概率 ${pIs(st.p)}` }];
  return other ? [...head, { text: `；${best ? "最可能的是" : "其次是"}“${other.token}”（${fmtP(other.p)}）` }] : head;
}

export function stepChapter(k: number): Chapter<NextTokenContext, NextTokenShape> {
  const id = `step${k}`;
  return {
    id,
    weight: k === 0 ? 2 * STEP_WEIGHT : STEP_WEIGHT,
    clips: () => clips(k),
    draw(s, ctx, P) {
      if (!s.inBeat(id)) return;
      const T0 = ctx.gen.prompt.length;
      const L = ctx.layout.panes.length;
      const slide = P("slide");
      const pass = P("pass");
      const land = P("land");
      const scroll = scrollAt.start(T0, k) + smooth(slide);
      const count = T0 + k;
      // the first step gathers the prompt's lines onto the one rail as the tower builds
      const settle = k === 0 ? smooth(P("tower")) : 1;
      drawRail(s, ctx, count + smooth(land), scroll, settle);
      if (settle < 1) drawLines(s, ctx, ctx.layout.wraps.prompt, "line", 1 - settle);
      // the tokens beyond the shot fade out as the first step's camera moves in, and as the row scrolls
      const inside = inShot(ctx, scroll);
      const rail = onRail(ctx, scroll);
      const at = k === 0 ? between((j) => ctx.layout.wraps.prompt.at[j], rail, settle) : rail;
      drawRow(s, ctx, { count, at, shown: (j) => 1 - settle + settle * inside(j), glow: 0.5 * bump(window(pass, 0, 0.5)) });
      // pane l lights in its share of the pass (the shares overlap, bottom to top); it glows while it fills
      const share = (l: number) => window(pass, (l * (1 - SHARE)) / (L - 1), (l * (1 - SHARE)) / (L - 1) + SHARE);
      drawTower(s, ctx, k, k === 0 ? smooth(P("tower")) : 1, (l) => bump(share(l)));
      if (k > 0) {
        // the previous step's stream and bars make way
        const gone = 1 - smooth(slide);
        if (gone > 0) {
          drawStream(s, ctx, k - 1, () => gone, () => 0);
          drawBars(s, ctx, k - 1, gone, gone);
        }
      }
      const C = ctx.tensors[ctx.steps[k].ids.x0].shape[1];
      const paneFrames = SHARE * clipFrames(ctx, `${id}.pass`);
      if (pass > 0) drawStream(s, ctx, k, (l, i) => inTurn(ctx, share(l), C, paneFrames)(i), (l) => 0.6 * bump(share(l)));
      const bars = P("bars");
      if (bars > 0) drawBars(s, ctx, k, easeOutCubic(bars), appearFrom(s, ctx, `${id}.bars`));
      const slot: Vec3 = [tokenX(ctx.layout, count, scroll), 0, 0];
      // the chosen token grows out of its bar as the bars finish rising, then lifts
      const appear = Math.min(1, Math.max(0, (bars - 0.6) / 0.8) + 0.5 * P("lift"));
      drawNext(s, ctx, k, appear, P("lift"), land, slot);
    },
    shots: (ctx) => [...(k === 0
      // the first step is long: the tower first, then the bars as well
      ? [beatShot(ctx, id, id, 0.3, ["row.*", `${id}.pane*`]), clipShot(ctx, `${id}.bars`, id, 1, ["row.*", `${id}.*`], 4)]
      : [beatShot(ctx, id, id, 0.4, ["row.*", `${id}.*`])])],
    caption: (ctx, lang) => caption(ctx, k, lang),
  };
}
