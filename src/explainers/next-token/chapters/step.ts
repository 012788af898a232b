// Beat "step<k>": the row slides one place left, into the model; the last position's residual stream
// lights pane by pane in its real colours; the bars rise with the step's probabilities; the chosen
// token lifts out of its bar and lands at the end of the row. The first step also builds the tower.

import { beatShot, clipShot } from "../../../engine/camera.js";
import { anim, type Clip, hold, seq } from "../../../engine/combinators.js";
import { bump, easeOutCubic, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import type { Vec3 } from "../../../engine/grid.js";
import type { CaptionCue } from "../../../engine/cues.js";
import { type Facts, facts } from "../../../engine/facts.js";
import { isPartial } from "../../../engine/window.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import { type NextTokenContext, type NextTokenShape, probColumn, scrollAt, tokenX } from "../context.js";
import { appearFrom, between, clipFrames, drawBars, drawLines, drawNext, drawRail, drawRow, drawStream, drawTower, inShot, inTurn, onRail, pIs } from "./draw.js";

/** The part of the pass each pane takes to light up. */
const SHARE = 0.6;

/** Weight of each step after the first; the first takes twice as long. */
export const STEP_WEIGHT = 60;

const clips = (k: number): Clip => (k === 0
  ? seq(anim("tower", 1), anim("slide", 0.7), anim("pass", 2.2), anim("bars", 0.9), anim("lift", 0.5), anim("land", 0.9), hold(0.3))
  : seq(anim("slide", 0.6), anim("pass", 1.2), anim("bars", 0.7), anim("lift", 0.5), anim("land", 0.7), hold(0.1)));

/** The step's chosen word (as written into the text), its probability, and the best other word with its probability. */
function choice(ctx: NextTokenContext, f: Facts, k: number) {
  const { probs } = ctx.steps[k].ids;
  const id = ctx.gen.steps[k].id;
  const col = probColumn(ctx.steps[k], id);
  const r = f.rankedIndex(probs, [0], 0) === col ? 1 : 0; // rank of the best word not chosen
  const V = ctx.tensors[probs].shape[1];
  return {
    word: { ...f.word("tokens", ctx.gen.prompt.length + k), kind: "output" as const },
    p: pIs(f.value(probs, [0, col], "prob")),
    /** The best other word and its probability, and whether it is more likely than the chosen one; null with a one-word vocabulary. */
    other: V > 1 ? { word: f.ranked(probs, [0], r, "vocab"), p: f.ranked(probs, [0], r, "prob"), better: r === 0 } : null,
  };
}

function caption(ctx: NextTokenContext, k: number, lang: "en" | "zh"): CaptionCue[] {
  const f = facts(ctx);
  const en = lang === "en";
  const T0 = ctx.gen.prompt.length;
  const { probs, x0 } = ctx.steps[k].ids;
  const step = f.given(k + 1);
  const reads: CaptionPart[] = k === 0
    ? (en
      ? [{ text: "Step " }, step, { text: " reads the prompt, from “" }, f.word("tokens", 0), { text: "” to “" }, f.word("tokens", T0 - 1), { text: "”" }]
      : [{ text: "第 " }, step, { text: " 步读入提示词，从 “" }, f.word("tokens", 0), { text: "” 到 “" }, f.word("tokens", T0 - 1), { text: "”" }])
    : (en
      ? [{ text: "Step " }, step, { text: " reads the text again, now up to “" }, f.word("tokens", T0 + k - 1), { text: "”" }]
      : [{ text: "第 " }, step, { text: " 步再读一遍文字，现在读到 “" }, f.word("tokens", T0 + k - 1), { text: "”" }]);
  const c = choice(ctx, f, k);
  const verb = ctx.gen.sampled ? (en ? "Draws at random " : "随机抽到 ") : (en ? "Writes " : "写下 ");
  // the model's p, at temperature 1: the draw's own chance differs when the temperature is not 1
  const tempered = ctx.gen.sampled && ctx.props.temperature !== 1 ? [{ text: en ? " before temperature" : "，温度调整前" }] : [];
  const pick: CaptionPart[] = [{ text: verb + "“" }, c.word, { text: en ? "” (" : "”（" }, ...c.p, ...tempered, { text: en ? ")" : "）" }];
  if (c.other) {
    const which = c.other.better ? (en ? "; the likeliest was “" : "；最可能的是 “") : (en ? "; next best “" : "；其次是 “");
    pick.push({ text: which }, c.other.word, { text: en ? "” (" : "”（" }, c.other.p, { text: en ? ")" : "）" });
  }
  if (k > 0) return [{ parts: reads }, { at: "bars", parts: pick }];
  // the first step is long: the vector through the layers, the top three, then the word written
  const top = f.topWords(probs, [0], 3, lang);
  const last = f.word("tokens", T0 - 1);
  // a wide model's panes draw a window of its dimensions: the caption says how many
  const w = ctx.window;
  const drawn = isPartial(w) ? (en ? [{ text: ", " }, f.given(w.dims.length), { text: " of them drawn" }] : [{ text: "（画出其中 " }, f.given(w.dims.length), { text: " 个）" }]) : [];
  return en
    ? [
      { parts: reads },
      { at: "pass", parts: [{ text: "The last word, “" }, last, { text: "”, is a vector of " }, f.size(x0, 1), { text: " numbers" }, ...drawn, { text: "; each layer changes it" }] },
      { at: "bars", parts: [{ text: "The likeliest next words: " }, ...top] },
      { at: "land", parts: [{ text: "“" }, c.word, { text: "” (" }, ...c.p, { text: ctx.gen.sampled ? ") is drawn and written at the end" : ") is written at the end of the text" }] },
    ]
    : [
      { parts: reads },
      { at: "pass", parts: [{ text: "最后一个词 “" }, last, { text: "” 是一个有 " }, f.size(x0, 1), { text: " 个数的向量" }, ...drawn, { text: "，每一层都改变它" }] },
      { at: "bars", parts: [{ text: "最可能的下一个词：" }, ...top] },
      { at: "land", parts: [{ text: "“" }, c.word, { text: "”（" }, ...c.p, { text: ctx.gen.sampled ? "）被抽中，写到文字末尾" : "）被写到文字末尾" }] },
    ];
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
    explain: k === 0
      ? {
        en: "Each step is one whole pass through the model: the text so far goes in, every layer reshapes the last word's vector, and out comes a probability for each word that could come next. One word is chosen and written down.",
        zh: "每一步都是模型完整地算一遍：读入到目前为止的文字，每一层改变最后一个词的向量，最后给出下一个词每种可能的概率，并选出一个词写下来。",
      }
      : {
        en: "The text, now one word longer, goes through the model again, and the next word is chosen the same way.",
        zh: "文字多了一个词，再完整地经过模型一遍，用同样的方法选出下一个词。",
      },
    caption: (ctx, lang) => caption(ctx, k, lang),
  };
}
