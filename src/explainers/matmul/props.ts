// MatMulAbacus's props: the common video fields, the prompt, and which product (layer, head, operand, token).

import { z } from "zod";
import { parseWith, promptField, VIDEO_FIELD_DOCS, videoFields } from "../../engine/props.js";
import { TOKEN_DOC, tokenField } from "../checks.js";

export const MatMulPropsSchema = z
  .object({
    prompt: promptField("the cat sat on the"),
    ...videoFields(12),
    layer: z.number().int().min(0).default(0),
    head: z.number().int().min(0).default(0),
    operand: z.enum(["q", "k", "v"]).default("q"),
    token: tokenField(),
  })
  .strict();

export type MatMulProps = z.infer<typeof MatMulPropsSchema>;

export const MATMUL_FIELD_DOCS = {
  ...VIDEO_FIELD_DOCS,
  layer: "an integer from 0 to nLayer - 1",
  head: "an integer from 0 to nHead - 1",
  operand: 'one of "q", "k", "v"',
  token: TOKEN_DOC,
} as const;

export const parseMatMulProps = (json: unknown, source = "props"): MatMulProps => parseWith(MatMulPropsSchema, MATMUL_FIELD_DOCS, json, source);
