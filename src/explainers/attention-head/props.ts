// AttentionHead's props: the common video fields, the prompt, the layer and head, and the focus token.

import { z } from "zod";
import { parseWith, promptField, VIDEO_FIELD_DOCS, videoFields } from "../../engine/props.js";
import { TOKEN_DOC, tokenField } from "../checks.js";

/** The copy pattern: with the shipped model, layer 1 head 1 (its induction head) looks from "red" to "kite". */
export const ATTENTION_DEFAULT_PROMPT = "anna has a red kite . anna likes the red";

export const AttentionHeadPropsSchema = z
  .object({
    prompt: promptField(ATTENTION_DEFAULT_PROMPT),
    ...videoFields(15),
    layer: z.number().int().min(0).default(1),
    head: z.number().int().min(0).default(1),
    focusToken: tokenField(),
  })
  .strict();

export type AttentionHeadProps = z.infer<typeof AttentionHeadPropsSchema>;

export const ATTENTION_FIELD_DOCS = {
  ...VIDEO_FIELD_DOCS,
  layer: "an integer from 0 to nLayer - 1",
  head: "an integer from 0 to nHead - 1",
  focusToken: TOKEN_DOC,
} as const;

export const parseAttentionHeadProps = (json: unknown, source = "props"): AttentionHeadProps =>
  parseWith(AttentionHeadPropsSchema, ATTENTION_FIELD_DOCS, json, source);
