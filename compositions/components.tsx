// One Remotion component per explainer in the list, each the generic ExplainerComposition.
import React from "react";
import type { AnyExplainer } from "../src/explainers/index.js";
import { AttentionHead } from "../src/explainers/attention-head/explainer.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { MatMulAbacus } from "../src/explainers/matmul/explainer.js";
import { NextTokenLoop } from "../src/explainers/next-token/explainer.js";
import { ExplainerComposition } from "./ExplainerComposition.js";

const component = (explainer: AnyExplainer) => {
  const C: React.FC<Record<string, unknown>> = (props) => <ExplainerComposition explainer={explainer} props={props} />;
  C.displayName = explainer.id;
  return C;
};

export const LLMExplainerComposition = component(LLMExplainer);
export const MatMulAbacusComposition = component(MatMulAbacus);
export const AttentionHeadComposition = component(AttentionHead);
export const NextTokenLoopComposition = component(NextTokenLoop);
