// Checks and traces that explainers share: a prompt's trace, a layer and head the model has, a token index.

import { z } from "zod";
import { InputError } from "../errors.js";
import type { ModelSource } from "../model/source.js";
import type { ModelConfig } from "../model/config.js";
import { buildTrace } from "../trace/build.js";
import type { Trace } from "../trace/schema.js";

/** The largest model an explainer draws: its width, vocabulary and depth (an explainer that draws a window of a wide model raises dModel). */
export interface Drawable {
  dModel: number;
  vocabSize: number;
  nLayer: number;
}

/** What the explainers draw: a window of a wide model's dimensions, a large vocabulary's top k; any width and vocabulary, up to 48 layers. */
export const ANY_WIDTH: Drawable = { dModel: Infinity, vocabSize: Infinity, nLayer: 48 };

/** Throws unless every vector of the model fits on screen as cubes: width, vocabulary and depth. */
export function checkDrawable(c: ModelConfig, limits: Drawable = ANY_WIDTH): void {
  if (c.dModel <= limits.dModel && c.vocabSize <= limits.vocabSize && c.nLayer <= limits.nLayer) return;
  const most = [["n_embd", limits.dModel], ["vocab_size", limits.vocabSize], ["n_layer", limits.nLayer]].filter(([, n]) => Number.isFinite(n)).map(([k, n]) => `${k} at most ${n}`);
  throw new InputError(
    "--model", `a model this explainer can draw so far: ${most.join(", ")}`,
    `n_embd ${c.dModel}, vocab_size ${c.vocabSize}, n_layer ${c.nLayer}`,
    "`abacus trace --model` traces it",
  );
}

/** buildTrace, with its errors about the prompt renamed to the props field; refuses a model too deep to draw. */
export function promptTrace(model: ModelSource, prompt: string, topK = 5, limits: Drawable = ANY_WIDTH): Trace {
  checkDrawable(model.config, limits);
  try {
    return buildTrace(model, prompt, topK);
  } catch (err) {
    if (err instanceof InputError && err.field === "prompt") throw new InputError("props.prompt", err.expected, err.actual, err.hint);
    throw err;
  }
}

/** Throws unless the model has this layer and head; `fields` names the props fields. */
export function checkLayerHead(model: ModelSource, layer: number, head: number, fields = { layer: "props.layer", head: "props.head" }): void {
  const c = model.config;
  if (layer >= c.nLayer) throw new InputError(fields.layer, `an integer from 0 to ${c.nLayer - 1}`, String(layer));
  if (head >= c.nHead) throw new InputError(fields.head, `an integer from 0 to ${c.nHead - 1}`, String(head));
}

/** A token of the prompt: its index, or "last". */
export const tokenField = () => z.union([z.number().int().min(0), z.literal("last")]).default("last");
export const TOKEN_DOC = 'an index into the prompt\'s tokens (0 = the first) or "last"';

/** The index a token field names in a prompt of T tokens; throws when it is past the prompt. */
export function tokenIndex(token: number | "last", T: number, field = "props.token"): number {
  if (token === "last") return T - 1;
  if (token >= T) throw new InputError(field, `an index from 0 to ${T - 1} (the prompt has ${T} tokens) or "last"`, String(token));
  return token;
}
