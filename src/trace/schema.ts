// The trace's JSON form: a zod schema with a schemaVersion, and its TypeScript types.

import { z } from "zod";
import { ModelConfigSchema } from "../model/config.js";
import { parseId } from "./ids.js";

/** 2: a checkpoint's provenance (source), and a large vocabulary's top-k per position (vocabTop) in place of logits and probs. */
export const TRACE_SCHEMA_VERSION = 2;

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

const int0 = z.number().int().min(0);

/** Where a checkpoint's trace came from (src/model/source.ts Provenance). */
export const ProvenanceSchema = z.object({
  folder: z.string(),
  config: z.record(z.string(), z.unknown()),
  weightsFile: z.string(),
  weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
  tokenizerFiles: z.array(z.string()),
}).strict();

/** For a vocabulary above FULL_VOCAB_MAX words: each position's top k (ids, logits, probabilities), and the rank of the prompt's own next token. */
export const VocabTopSchema = z.object({
  k: z.number().int().min(1),
  ids: z.array(z.array(int0)),
  logits: z.array(z.array(z.number())),
  probs: z.array(z.array(z.number().min(0).max(1))),
  actual: z.array(z.object({ id: int0, rank: int0, logit: z.number(), p: z.number().min(0).max(1) }).strict()),
}).strict();

export const TraceSchema = z
  .object({
    schemaVersion: z.literal(TRACE_SCHEMA_VERSION),
    model: ModelConfigSchema,
    weightsSha256: z.string().regex(/^[0-9a-f]{64}$/),
    source: ProvenanceSchema.optional(),
    prompt: z.string(),
    tokens: z.array(z.string()).min(1),
    tokenIds: z.array(z.number().int().min(0)).min(1),
    next: TokenProbSchema,
    topk: z.array(TokenProbSchema).min(1),
    vocabTop: VocabTopSchema.optional(),
    tensors: z.record(z.string().refine((id) => parseId(id) !== null, { message: "unknown tensor id" }), TensorSchema),
    hash: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict()
  .refine((t) => t.tokens.length === t.tokenIds.length, { message: "tokens and tokenIds differ in length", path: ["tokenIds"] });

export type TensorRecord = z.infer<typeof TensorSchema>;
export type TokenProb = z.infer<typeof TokenProbSchema>;
export type Trace = z.infer<typeof TraceSchema>;
