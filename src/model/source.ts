// What an explainer reads of a model: its shape, its tokenizer, measured head roles, forward passes as traces, and rows of q/k/v weights.
//
// The shipped model computes them in the tab that draws; a user's checkpoint computes them in
// node, where a recording (src/model/tape.ts) keeps each answer for the render tabs to replay.

import type { Trace } from "../trace/schema.js";
import type { ModelConfig } from "./config.js";
import type { HeadScores } from "./heads.js";
import type { TextTokenizer } from "./tokenizer.js";

/** Where a checkpoint came from: its folder's name, its config.json, and the weights file's sha256. */
export interface Provenance {
  folder: string;
  config: Record<string, unknown>;
  weightsFile: string;
  weightsSha256: string;
  tokenizerFiles: string[];
}

export interface ModelSource {
  config: ModelConfig;
  tokenizer: TextTokenizer;
  /** Measured roles of the heads (the shipped model's manifest); none for a checkpoint. */
  heads: readonly HeadScores[];
  /** sha256 of the weights: the shipped float32 file's, or the checkpoint's weights file's. */
  weightsSha256: string;
  /** null for the shipped model. */
  provenance: Provenance | null;
  /** The forward pass over `ids` recorded as a trace, with the `topK` most likely next tokens; `prompt` (default: the ids' text) is the text they came from. */
  trace(ids: readonly number[], topK: number, prompt?: string): Trace;
  /**
   * Rows [from, from + count) of layer `layer`'s q/k/v weight (3C, C), flat, and of its bias:
   * rows 0…C−1 make q, C…2C−1 k, 2C…3C−1 v, heads side by side.
   */
  qkvRows(layer: number, from: number, count: number): { w: number[]; b: number[] };
}
