// MatMulAbacus: one real matrix product from the trace, bead by bead (docs/explainers/MatMulAbacus.md).

import { captionsText } from "../../engine/cues.js";
import { tensorSource } from "../../engine/blocks.js";
import { direction, shotDistance, shotsFor } from "../../engine/camera.js";
import { assemble } from "../../engine/context.js";
import { smooth } from "../../engine/easing.js";
import type { Explainer } from "../../engine/explainer.js";
import { CUBE } from "../../engine/grid.js";
import { THEMES } from "../../layout/themes.js";
import type { ModelSource } from "../../model/source.js";
import { windowRecord } from "../../engine/window.js";
import { checkLayerHead, promptTrace, tokenIndex } from "../checks.js";
import { dot } from "./chapters/dot.js";
import { LABEL_WORDS } from "./chapters/draw.js";
import { hold } from "./chapters/hold.js";
import { operands } from "./chapters/operands.js";
import { sweep } from "./chapters/sweep.js";
import { whole } from "./chapters/whole.js";
import { buildProduct, layoutMatMul, type MatMulContext } from "./context.js";
import { MATMUL_FIELD_DOCS, type MatMulProps, MatMulPropsSchema, parseMatMulProps } from "./props.js";

/** Why each window holds what it does, for the render record. */
const WINDOW_WHY = {
  inputs: "the inputs whose products with the rods drawn are largest in size (sum over those rods of |x_i * W_ji|); the sum adds the rest",
  rods: "the first rows of W (the first outputs); the others are computed the same way",
};

export const MATMUL_CHAPTERS = [operands, dot, sweep, whole, hold];

/** Room kept free at the top of the frame for the code card. */
const MARGIN = { top: 0.2, bottom: 0.17, side: 0.05 };
/** Nearly face on, so that rods of 32 read as rows; a little from above so the beads stand out. */
const VIEW = direction(0.12, 0.22, 1);

function context(props: MatMulProps, model: ModelSource): MatMulContext {
  checkLayerHead(model, props.layer, props.head);
  const trace = promptTrace(model, props.prompt);
  const t = tokenIndex(props.token, trace.tokens.length);
  const { product, tensors } = buildProduct(model, trace, props.layer, props.head, props.operand, t);
  const { inputs, rods } = product.window;
  const layout = layoutMatMul(inputs.dims.length, rods.dims.length, product.T, t, props.width / props.height);
  const shots = shotsFor(layout.regions, props.width / props.height, MARGIN, VIEW);
  const reach = shotDistance(shots.whole);
  return assemble(MATMUL_CHAPTERS, { hs: rods.dims.length, C: inputs.dims.length }, {
    props,
    ...tensorSource(THEMES[props.theme], { ...trace.tensors, ...tensors }, CUBE),
    words: { tokens: trace.tokens, vocab: model.tokenizer.vocab },
    shots,
    orbitDegrees: 8,
    fog: { near: reach * 1.2, far: reach * 3 },
    trace,
    product,
    layout,
  });
}

export const MatMulAbacus: Explainer<MatMulProps, MatMulContext> = {
  id: "MatMulAbacus",
  description: "One real matrix product of the trace, bead by bead: a dot product, then torch.matmul (default 12 s)",
  title: { en: "One matrix multiplication, bead by bead", zh: "一次矩阵乘法，一颗一颗地算" },
  doc: "docs/explainers/MatMulAbacus.md",
  schema: MatMulPropsSchema,
  fieldDocs: MATMUL_FIELD_DOCS,
  defaults: parseMatMulProps({}),
  parse: parseMatMulProps,
  context,
  fade: (s) => 1 - smooth(s.at("hold.return")),
  traceHash: (ctx) => ctx.trace.hash,
  record: (ctx) => ({
    product: { layer: ctx.product.layer, head: ctx.product.head, operand: ctx.product.operand, token: ctx.product.t, values: ctx.product.value },
    ...windowRecord(ctx.product.window, WINDOW_WHY),
  }),
  shownText: (ctx) => [...ctx.trace.tokens, captionsText(ctx, ctx.props.captions === "zh" ? "zh" : "en"), LABEL_WORDS, ...Object.values(ctx.product.ids)].join(" ") + "Σ·×≈@[]_#()“”：",
};
