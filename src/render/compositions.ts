// The compositions the CLI can render, and how each validates its props in Node before a browser starts.

import type { LoadedModel } from "../model/weights.js";
import { traceForProps } from "../story/context.js";
import { type ExplainerProps, parseProps } from "../story/props.js";
import type { Trace } from "../trace/schema.js";

export interface CompositionEntry {
  description: string;
  /** Validates props JSON; returns the full props and the trace the video will show (null if none). */
  validate(json: unknown, model: LoadedModel): { props: ExplainerProps; trace: Trace | null };
}

export const COMPOSITIONS: Record<string, CompositionEntry> = {
  LLMExplainer: {
    description: "How an LLM predicts the next token: the flagship 3D explainer (default 18 s, 1920x1080, 30 fps)",
    validate(json, model) {
      const props = parseProps(json);
      return { props, trace: traceForProps(props, model) };
    },
  },
  Blank: {
    description: "Benchmark floor: the flagship's size and length, text only, no WebGL",
    validate(json) {
      return { props: parseProps(json), trace: null };
    },
  },
};

export const DEFAULT_COMPOSITION = "LLMExplainer";
