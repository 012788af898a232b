// Checks and traces that explainers share: a prompt's trace, a layer and head the model has, a token index.

import { z } from "zod";
import { InputError } from "../errors.js";
import type { LoadedModel } from "../model/weights.js";
import { buildTrace } from "../trace/build.js";
import type { Trace } from "../trace/schema.js";

/** buildTrace, with its errors about the prompt renamed to the props field. */
export function promptTrace(model: LoadedModel, prompt: string, topK = 5): Trace {
  try {
    return buildTrace(model, prompt, topK);
  } catch (err) {
    if (err instanceof InputError && err.field === "prompt") throw new InputError("props.prompt", err.expected, err.actual, err.hint);
    throw err;
  }
}

/** Throws unless the model has this layer and head; `fields` names the props fields. */
export function checkLayerHead(model: LoadedModel, layer: number, head: number, fields = { layer: "props.layer", head: "props.head" }): void {
  const c = model.params.config;
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
