// NextTokenLoop's props: the common video fields, the prompt, how many tokens to write and how to choose them.

import { z } from "zod";
import { parseWith, promptField, VIDEO_FIELD_DOCS, videoFields } from "../../engine/props.js";

export const NEXT_TOKEN_DEFAULT_PROMPT = "the cat was tired so it";

export const NextTokenPropsSchema = z
  .object({
    prompt: promptField(NEXT_TOKEN_DEFAULT_PROMPT),
    ...videoFields(16),
    steps: z.number().int().min(1).max(8).default(5),
    temperature: z.number().min(0).max(2).default(0),
    seed: z.number().int().min(0).max(0xffffffff).default(0),
    topK: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export type NextTokenProps = z.infer<typeof NextTokenPropsSchema>;

export const NEXT_TOKEN_FIELD_DOCS = {
  ...VIDEO_FIELD_DOCS,
  steps: "an integer from 1 to 8",
  temperature: "a number from 0 (greedy) to 2",
  seed: "an integer from 0 to 4294967295",
  topK: "an integer from 1 to 10",
} as const;

export const parseNextTokenProps = (json: unknown, source = "props"): NextTokenProps =>
  parseWith(NextTokenPropsSchema, NEXT_TOKEN_FIELD_DOCS, json, source);
