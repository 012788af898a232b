// NextTokenLoop: writing one token at a time (docs/explainers/NextTokenLoop.md). STUB: being written.

import { tensorSource } from "../../engine/blocks.js";
import { frameRegion } from "../../engine/camera.js";
import { anim } from "../../engine/combinators.js";
import { assemble } from "../../engine/context.js";
import type { Chapter, Explainer, ExplainerContext } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import { promptTrace } from "../checks.js";
import type { Trace } from "../../trace/schema.js";
import { NEXT_TOKEN_FIELD_DOCS, type NextTokenProps, NextTokenPropsSchema, parseNextTokenProps } from "./props.js";

interface Ctx extends ExplainerContext<NextTokenProps> { trace: Trace }
const stub: Chapter<Ctx, null> = { id: "tokens", weight: 1, clips: () => anim("x"), draw: () => undefined, shots: () => [{ start: 0, shot: "all", frames: 1 }], caption: () => [{ text: "stub" }] };

export const NextTokenLoop: Explainer<NextTokenProps, Ctx> = {
  id: "NextTokenLoop",
  description: "Writing one token at a time: each step a real forward pass over the growing text (default 16 s)",
  doc: "docs/explainers/NextTokenLoop.md",
  schema: NextTokenPropsSchema,
  fieldDocs: NEXT_TOKEN_FIELD_DOCS,
  defaults: parseNextTokenProps({}),
  parse: parseNextTokenProps,
  context: (props, model) => {
    const trace = promptTrace(model, props.prompt);
    return assemble([stub], null, { props, ...tensorSource(THEMES[props.theme], trace.tensors, CUBE), shots: { all: frameRegion({ min: [0, 0, 0], max: [1, 1, 1] }, props.width / props.height) }, orbitDegrees: 0, fog: { near: 100, far: 200 }, trace });
  },
  chapters: [stub],
  traceHash: (ctx) => ctx.trace.hash,
  shownText: (ctx) => ctx.trace.tokens.join(" "),
};
