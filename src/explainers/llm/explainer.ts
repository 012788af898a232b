// LLMExplainer, the flagship: one prompt through the whole model (docs/explainers/LLMExplainer.md).

import { captionsText } from "../../engine/cues.js";
import { tensorSource } from "../../engine/blocks.js";
import { shotDistance, shotsFor } from "../../engine/camera.js";
import { assemble } from "../../engine/context.js";
import { smooth } from "../../engine/easing.js";
import type { Explainer } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import type { ModelSource } from "../../model/source.js";
import type { Trace } from "../../trace/schema.js";
import { append } from "./chapters/append.js";
import { attention } from "./chapters/attention.js";
import { depth } from "./chapters/depth.js";
import { embed } from "./chapters/embed.js";
import { mlp } from "./chapters/mlp.js";
import { output } from "./chapters/output.js";
import { tokens } from "./chapters/tokens.js";
import { type LlmContext, traceForProps } from "./context.js";
import { layoutModel, llmWindows } from "./layout.js";
import { windowRecord } from "../../engine/window.js";
import { nextScores } from "../next-scores.js";
import { vocabWords } from "../../model/tokenizer.js";
import { LLM_DEFAULTS, LLM_FIELD_DOCS, type LlmProps, LlmPropsSchema, parseLlmProps } from "./props.js";

/** The overview camera's distance, in overview widths, up to which the fog stays where it is. */
const FOG_REACH = 1.1;

/** Why each window holds the dimensions it does (llmWindows). */
const WINDOW_WHY = {
  model: "the residual stream's dimensions in which the prompt's tokens differ most after the focus layer (variance of l<L>.resid2 over the tokens)",
  hidden: "the MLP's hidden units in which the tokens differ most before GELU (variance of l<L>.fc)",
  head: "the focus head's dimensions in which the tokens' q, k and v differ most (summed variance)",
};

export const LLM_CHAPTERS = [tokens, embed, attention, mlp, depth, output, append];

/** The context for props whose trace is already computed (tests and benchmarks reuse one trace). */
export function llmContextFromTrace(props: LlmProps, trace: Trace, vocab: readonly string[]): LlmContext {
  const T = trace.tokens.length;
  const layout = layoutModel(trace.model, T, props.topK, llmWindows(trace, props.focusLayer, props.focusHead));
  const theme = THEMES[props.theme];
  const scores = nextScores(trace);
  const span = layout.regions.overview.max[0] - layout.regions.overview.min[0];
  const shots = shotsFor(layout.regions, props.width / props.height);
  // the fog is set for a landscape overview; a tall frame stands the overview camera farther
  // back (the model's width must fit a narrow frame), so the fog recedes with it
  const reach = Math.max(1, shotDistance(shots.overview) / (span * FOG_REACH));
  return assemble(LLM_CHAPTERS, { T, nLayer: trace.model.nLayer }, {
    props,
    ...tensorSource(theme, { ...trace.tensors, ...scores.tensors }, CUBE),
    words: { tokens: trace.tokens, vocab },
    ids: scores.ids,
    scores,
    shots,
    orbitDegrees: 10,
    fog: { near: span * 0.9 * reach, far: span * 2.6 * reach },
    trace,
    layout,
    layer: props.focusLayer,
    head: props.focusHead,
  });
}

export const LLMExplainer: Explainer<LlmProps, LlmContext> = {
  id: "LLMExplainer",
  description: "How an LLM predicts the next token: the flagship 3D explainer (default 18 s, 1920x1080, 30 fps)",
  title: { en: "How a language model picks the next word", zh: "语言模型如何选出下一个词" },
  doc: "docs/explainers/LLMExplainer.md",
  schema: LlmPropsSchema,
  fieldDocs: LLM_FIELD_DOCS,
  defaults: LLM_DEFAULTS,
  parse: parseLlmProps,
  context: (props: LlmProps, model: ModelSource) => llmContextFromTrace(props, traceForProps(props, model), vocabWords(model)),
  // everything but the rail fades while the camera returns to the first shot
  fade: (s) => 1 - smooth(s.at("append.fade")),
  traceHash: (ctx) => ctx.trace.hash,
  record: (ctx) => windowRecord(ctx.layout.windows, WINDOW_WHY),
  shownText(ctx) {
    const words = [...ctx.trace.tokens, ...ctx.trace.topk.map((t) => t.token)].join(" ");
    const lang = ctx.props.captions;
    const captions = lang === "off" ? "" : captionsText(ctx, lang);
    return words + captions;
  },
};
