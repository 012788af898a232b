// NextTokenLoop: writing one token at a time, each a real forward pass over the growing text (docs/explainers/NextTokenLoop.md).

import { captionsText } from "../../engine/cues.js";
import { tensorSource } from "../../engine/blocks.js";
import { type CameraShot, direction, FRAME_MARGIN, frameRegion, shotDistance } from "../../engine/camera.js";
import { assemble } from "../../engine/context.js";
import { smooth } from "../../engine/easing.js";
import type { Explainer } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import type { ModelSource } from "../../model/source.js";
import { prompt } from "./chapters/prompt.js";
import { resultChapter } from "./chapters/result.js";
import { STEP_WEIGHT, stepChapter } from "./chapters/step.js";
import { layoutNextToken, type NextTokenContext, stepTensors, stepView, streamWindow } from "./context.js";
import { windowRecord } from "../../engine/window.js";
import { vocabWords } from "../../model/tokenizer.js";
import { generate } from "./generate.js";
import { NEXT_TOKEN_FIELD_DOCS, type NextTokenProps, NextTokenPropsSchema, parseNextTokenProps } from "./props.js";

/** Steps are seen a little from the right and above, so the panes and bars stand out; the row nearly face on, to read. */
const STEP_VIEW = direction(0.22, 0.14, 1);
const ROW_VIEW = direction(0.1, 0.1, 1);

/** The chapters of a video that writes `n` of the `asked` tokens: the result beat takes the time of the steps not needed. */
export const chaptersFor = (n: number, asked: number) => [prompt, ...Array.from({ length: n }, (_, k) => stepChapter(k)), resultChapter((asked - n) * STEP_WEIGHT)];

function context(props: NextTokenProps, model: ModelSource): NextTokenContext {
  const gen = generate(model, props);
  const c = model.config;
  const { tensors, ids, wordIds } = stepTensors(gen);
  const vocab = vocabWords(model);
  const steps = gen.steps.map((_, k) => stepView(gen, k, ids[k], vocab));
  const window = streamWindow(gen);
  const n = gen.steps.length;
  const longest = (words: string[]) => Math.max(...words.map((w) => w.length));
  const layout = layoutNextToken({
    C: window.dims.length, nLayer: c.nLayer, T0: gen.prompt.length, n,
    barCount: Math.max(...steps.map((s) => s.bars.length)),
    wordLength: longest(gen.text),
    barWordLength: longest(steps.flatMap((s) => s.bars.map((b) => b.token))),
    aspect: props.width / props.height,
  });
  const aspect = props.width / props.height;
  const shots: Record<string, CameraShot> = {};
  for (const [name, boxes] of Object.entries(layout.regions)) shots[name] = frameRegion(boxes, aspect, FRAME_MARGIN, name.startsWith("step") ? STEP_VIEW : ROW_VIEW);
  const reach = Math.max(...Object.values(shots).map(shotDistance));
  const chapters = chaptersFor(n, props.steps);
  return assemble(chapters, { T0: gen.prompt.length, n }, {
    props,
    ...tensorSource(THEMES[props.theme], tensors, CUBE),
    words: { tokens: gen.text, vocab },
    ids: wordIds,
    window,
    shots,
    orbitDegrees: 6,
    fog: { near: reach * 1.3, far: reach * 3.2 },
    gen,
    steps,
    layout,
  });
}

const CAPTION_LANGS = ["en", "zh"] as const;

export const NextTokenLoop: Explainer<NextTokenProps, NextTokenContext> = {
  id: "NextTokenLoop",
  description: "Writing one token at a time: each step a real forward pass over the growing text (default 16 s)",
  title: { en: "Writing one word at a time", zh: "一次写一个词" },
  doc: "docs/explainers/NextTokenLoop.md",
  schema: NextTokenPropsSchema,
  fieldDocs: NEXT_TOKEN_FIELD_DOCS,
  defaults: parseNextTokenProps({}),
  parse: parseNextTokenProps,
  context,
  fade: (s) => 1 - smooth(s.at("result.return")),
  traceHash: (ctx) => ctx.gen.steps[0].hash,
  record: (ctx) => ({
    steps: ctx.gen.steps.map((st) => ({ token: st.token, p: st.p, traceHash: st.hash })),
    ...windowRecord({ stream: ctx.window }, { stream: "the dimensions whose values vary most over the panes of every step (x0 and each layer's resid2 at the last position)" }),
  }),
  shownText(ctx) {
    const words = [...ctx.gen.text, ...ctx.steps.flatMap((s) => s.bars.map((b) => b.token))];
    const labels = ["embedding 嵌入 x0", ...ctx.layout.panes.map((_, l) => `layer ${l - 1} 第 ${l - 1} 层 l${l - 1}.resid2`), "<0.0123456789"];
    const lang = ctx.props.captions;
    const captions = CAPTION_LANGS.filter((l) => lang === l).map((l) => captionsText(ctx, l));
    return [...words, ...labels, ...captions].join(" ");
  },
};
