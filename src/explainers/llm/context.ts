// LLMExplainer's context: the prompt's trace, the layout of the whole forward pass, the focus layer and head.

import type { ExplainerContext } from "../../engine/explainer.js";
import { InputError } from "../../errors.js";
import type { LoadedModel } from "../../model/weights.js";
import { buildTrace } from "../../trace/build.js";
import type { Trace } from "../../trace/schema.js";
import type { Layout } from "./layout.js";
import type { LlmProps } from "./props.js";

export interface LlmContext extends ExplainerContext<LlmProps> {
  trace: Trace;
  layout: Layout;
  layer: number;
  head: number;
}

/** What the flagship's clips depend on: the number of tokens and of layers. */
export interface LlmShape {
  T: number;
  nLayer: number;
}

/** A trace for the props: checks what depends on the model (focus layer and head, prompt) first. */
export function traceForProps(props: LlmProps, model: LoadedModel): Trace {
  const c = model.params.config;
  if (props.focusLayer >= c.nLayer) throw new InputError("props.focusLayer", `an integer from 0 to ${c.nLayer - 1}`, String(props.focusLayer));
  if (props.focusHead >= c.nHead) throw new InputError("props.focusHead", `an integer from 0 to ${c.nHead - 1}`, String(props.focusHead));
  return promptTrace(model, props.prompt, props.topK);
}

/** buildTrace with its errors about the prompt renamed to the props field. */
export function promptTrace(model: LoadedModel, prompt: string, topK = 5): Trace {
  try {
    return buildTrace(model, prompt, topK);
  } catch (err) {
    if (err instanceof InputError && err.field === "prompt") throw new InputError("props.prompt", err.expected, err.actual, err.hint);
    throw err;
  }
}
