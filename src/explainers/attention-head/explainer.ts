// AttentionHead: one head of the trained model at work (docs/explainers/AttentionHead.md). STUB: being written.

import { tensorSource } from "../../engine/blocks.js";
import { frameRegion } from "../../engine/camera.js";
import { anim } from "../../engine/combinators.js";
import { assemble } from "../../engine/context.js";
import type { Chapter, Explainer, ExplainerContext } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import { promptTrace } from "../checks.js";
import type { Trace } from "../../trace/schema.js";
import { ATTENTION_FIELD_DOCS, type AttentionHeadProps, AttentionHeadPropsSchema, parseAttentionHeadProps } from "./props.js";

interface Ctx extends ExplainerContext<AttentionHeadProps> { trace: Trace }
const stub: Chapter<Ctx, null> = { id: "tokens", weight: 1, clips: () => anim("x"), draw: () => undefined, shots: () => [{ start: 0, shot: "all", frames: 1 }], caption: () => [{ text: "stub" }] };

export const AttentionHead: Explainer<AttentionHeadProps, Ctx> = {
  id: "AttentionHead",
  description: "One attention head of the trained model: scores, mask, softmax, the weighted sum, every head (default 15 s)",
  doc: "docs/explainers/AttentionHead.md",
  schema: AttentionHeadPropsSchema,
  fieldDocs: ATTENTION_FIELD_DOCS,
  defaults: parseAttentionHeadProps({}),
  parse: parseAttentionHeadProps,
  context: (props, model) => {
    const trace = promptTrace(model, props.prompt);
    return assemble([stub], null, { props, ...tensorSource(THEMES[props.theme], trace.tensors, CUBE), shots: { all: frameRegion({ min: [0, 0, 0], max: [1, 1, 1] }, props.width / props.height) }, orbitDegrees: 0, fog: { near: 100, far: 200 }, trace });
  },
  chapters: [stub],
  traceHash: (ctx) => ctx.trace.hash,
  shownText: (ctx) => ctx.trace.tokens.join(" "),
};
