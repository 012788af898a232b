// The trace's JSON form: a zod schema with a schemaVersion, and its TypeScript types.

import { z } from "zod";
import { ModelConfigSchema } from "../model/config.js";
import { parseId } from "./ids.js";

export const TRACE_SCHEMA_VERSION = 1;

export const TensorSchema = z
  .object({
    shape: z.array(z.number().int().min(1)).min(1),
    data: z.array(z.number()),
  })
  .strict()
  .refine((t) => t.data.length === t.shape.reduce((a, b) => a * b, 1), {
    message: "data length must equal the product of shape",
  });

const TokenProbSchema = z.object({ token: z.string(), id: z.number().int().min(0), p: z.number().min(0).max(1) }).strict();

export const TraceSchema = z
  .object({
    schemaVersion: z.literal(TRACE_SCHEMA_VERSION),
    model: ModelConfigSchema,
    weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    prompt: z.string(),
    tokens: z.array(z.string()).min(1),
    tokenIds: z.array(z.number().int().min(0)).min(1),
    next: TokenProbSchema,
    topk: z.array(TokenProbSchema).min(1),
    tensors: z.record(z.string().refine((id) => parseId(id) !== null, { message: "unknown tensor id" }), TensorSchema),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
  .refine((t) => t.tokens.length === t.tokenIds.length, { message: "tokens and tokenIds differ in length", path: ["tokenIds"] });

export type TensorRecord = z.infer<typeof TensorSchema>;
export type TokenProb = z.infer<typeof TokenProbSchema>;
export type Trace = z.infer<typeof TraceSchema>;
