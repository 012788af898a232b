// LLMExplainer's context: the prompt's trace, the layout of the whole forward pass, the focus layer and head.

import type { ExplainerContext } from "../../engine/explainer.js";
import type { ModelSource } from "../../model/source.js";
import type { Trace } from "../../trace/schema.js";
import { checkLayerHead, promptTrace } from "../checks.js";
import type { Layout } from "./layout.js";
import type { LlmProps } from "./props.js";
import type { NextScores } from "../next-scores.js";

export interface LlmContext extends ExplainerContext<LlmProps> {
  trace: Trace;
  layout: Layout;
  layer: number;
  head: number;
  /** Where the output beat reads the next-word scores (the whole vocabulary's, or a large one's top k). */
  scores: NextScores;
}

/** What the flagship's clips depend on: the number of tokens and of layers. */
export interface LlmShape {
  T: number;
  nLayer: number;
}

/** A trace for the props: checks what depends on the model (focus layer and head, prompt) first. */
export function traceForProps(props: LlmProps, model: ModelSource): Trace {
  checkLayerHead(model, props.focusLayer, props.focusHead, { layer: "props.focusLayer", head: "props.focusHead" });
  return promptTrace(model, props.prompt, props.topK); // a window of a wide model's dimensions (layout.ts llmWindows), a large vocabulary's top k (next-scores.ts)
}
