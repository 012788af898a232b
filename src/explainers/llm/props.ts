// LLMExplainer's props: the common video fields, the prompt, and which layer, head and top-k it shows.

import { z } from "zod";
import { parseWith, promptField, VIDEO_FIELD_DOCS, videoFields } from "../../engine/props.js";

export const DEFAULT_PROMPT = "the cat sat on the";

export const LlmPropsSchema = z
  .object({
    prompt: promptField(DEFAULT_PROMPT),
    ...videoFields(18),
    focusLayer: z.number().int().min(0).default(0),
    focusHead: z.number().int().min(0).default(0),
    topK: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export type LlmProps = z.infer<typeof LlmPropsSchema>;

export const LLM_FIELD_DOCS = {
  ...VIDEO_FIELD_DOCS,
  focusLayer: "an integer from 0 to nLayer - 1",
  focusHead: "an integer from 0 to nHead - 1",
  topK: "an integer from 1 to 10",
} as const;

export const parseLlmProps = (json: unknown, source = "props"): LlmProps => parseWith(LlmPropsSchema, LLM_FIELD_DOCS, json, source);

export const LLM_DEFAULTS: LlmProps = parseLlmProps({});
