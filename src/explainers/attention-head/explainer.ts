// AttentionHead: one head of the trained model at work, scores, mask, softmax, the weighted sum and
// every head of its layer (docs/explainers/AttentionHead.md).

import { windowRecord } from "../../engine/window.js";
import { captionsText } from "../../engine/cues.js";
import { tensorSource } from "../../engine/blocks.js";
import { direction, shotDistance, shotsFor } from "../../engine/camera.js";
import { assemble } from "../../engine/context.js";
import { smooth } from "../../engine/easing.js";
import type { Explainer } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import { HEAD_ROLE_NAMES } from "../../model/heads.js";
import type { ModelSource } from "../../model/source.js";
import { checkLayerHead, promptTrace, tokenIndex } from "../checks.js";
import { ROLE_ZH } from "./chapters/draw.js";
import { heads } from "./chapters/heads.js";
import { mask } from "./chapters/mask.js";
import { mix } from "./chapters/mix.js";
import { scores } from "./chapters/scores.js";
import { softmax } from "./chapters/softmax.js";
import { tokens } from "./chapters/tokens.js";
import { type AttentionContext, buildFocus, layoutAttention } from "./context.js";
import { ATTENTION_FIELD_DOCS, type AttentionHeadProps, AttentionHeadPropsSchema, parseAttentionHeadProps } from "./props.js";

export const ATTENTION_CHAPTERS = [tokens, scores, mask, softmax, mix, heads];

/** Nearly face on, so that the grid reads like a table; a little from the right and above for depth. */
const VIEW = direction(0.1, 0.12, 1);
const MARGIN = { top: 0.05, bottom: 0.17, side: 0.04 };

function context(props: AttentionHeadProps, model: ModelSource): AttentionContext {
  checkLayerHead(model, props.layer, props.head);
  const trace = promptTrace(model, props.prompt); // a head's vectors through a window of 16 (context.ts), T × T grids whole
  const T = trace.tokens.length;
  const t = tokenIndex(props.focusToken, T, "props.focusToken");
  const focus = buildFocus(model, trace, props.layer, props.head, t);
  const aspect = props.width / props.height;
  const layout = layoutAttention(T, focus.window.dims.length, focus.nHead, Math.max(...trace.tokens.map((w) => w.length)), t, focus.weights, aspect);
  const shots = shotsFor(layout.regions, aspect, MARGIN, VIEW);
  const reach = shotDistance(shots.scores);
  return assemble(ATTENTION_CHAPTERS, { T }, {
    props,
    ...tensorSource(THEMES[props.theme], trace.tensors, CUBE),
    words: { tokens: trace.tokens, vocab: model.tokenizer.vocab },
    shots,
    orbitDegrees: 4,
    fog: { near: reach * 1.3, far: reach * 3.5 },
    trace,
    focus,
    layout,
  });
}

export const AttentionHead: Explainer<AttentionHeadProps, AttentionContext> = {
  id: "AttentionHead",
  description: "One attention head of the trained model: scores, mask, softmax, the weighted sum, every head (default 15 s)",
  title: { en: "One attention head looks back", zh: "一个注意力头如何回看" },
  doc: "docs/explainers/AttentionHead.md",
  schema: AttentionHeadPropsSchema,
  fieldDocs: ATTENTION_FIELD_DOCS,
  defaults: parseAttentionHeadProps({}),
  parse: parseAttentionHeadProps,
  context,
  fade: (s) => 1 - smooth(s.at("heads.return")),
  traceHash: (ctx) => ctx.trace.hash,
  record: (ctx) => {
    const f = ctx.focus;
    return {
      head: { layer: f.layer, head: f.head, token: f.t, word: f.word, role: f.roles[f.head], weights: f.weights, top: f.topWord },
      ...windowRecord({ head: f.window }, { head: "the head's dimensions in which q, k and v vary most over the prompt's tokens (scores use all of them)" }),
    };
  },
  shownText: (ctx) => {
    const lang = ctx.props.captions === "zh" ? "zh" : "en";
    const captions = captionsText(ctx, lang);
    const labels = [
      "queries", "keys", "values", "output", "scores", "weights from", "softmax", "later tokens: masked", "head", "of dims", ...HEAD_ROLE_NAMES,
      "查询 键 值 输出 分数 权重 来自 之后的词元：被遮住 第 个头 维中的", ...Object.values(ROLE_ZH), ...Object.values(ctx.focus.ids),
    ];
    return [...ctx.trace.tokens, captions, ...labels].join(" ") + " 0123456789.-%·/√“”";
  },
};
