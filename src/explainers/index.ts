// EXPLAINERS: the one list of explainers that the CLI, the renderer, the benchmarks and the tests read.

import type { Explainer } from "../engine/explainer.js";
import { InputError } from "../errors.js";
import { AttentionHead } from "./attention-head/explainer.js";
import { LLMExplainer } from "./llm/explainer.js";
import { MatMulAbacus } from "./matmul/explainer.js";
import { NextTokenLoop } from "./next-token/explainer.js";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyExplainer = Explainer<any, any>;

export const EXPLAINERS: AnyExplainer[] = [LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop];

export function explainerById(id: string): AnyExplainer | undefined {
  return EXPLAINERS.find((e) => e.id === id);
}

/** The explainer with this id; an InputError listing the known ids otherwise. */
export function requireExplainer(id: string, field = "composition"): AnyExplainer {
  const e = explainerById(id);
  if (!e) throw new InputError(field, `one of ${EXPLAINERS.map((x) => x.id).join(", ")}`, JSON.stringify(id));
  return e;
}
