// Weights as bytes (little-endian float32) and their manifest; browser-safe (no fs), verified by sha256.

import { z } from "zod";
import { InputError } from "../errors.js";
import { sha256 } from "../util/sha256.js";
import { ModelConfigSchema, TrainConfigSchema } from "./config.js";
import { HEAD_ROLE_NAMES } from "./heads.js";
import { allocParams, paramCount, type Params } from "./params.js";
import { computingSource } from "../trace/build.js";
import type { ModelSource } from "./source.js";
import { Tokenizer } from "./tokenizer.js";

export const MANIFEST_VERSION = 2;

const unit = z.number().min(0).max(1);

/** Measured scores and role of one attention head (src/model/heads.ts defines them). */
export const HeadScoresSchema = z.object({
  layer: z.number().int().min(0),
  head: z.number().int().min(0),
  previousToken: unit,
  induction: unit,
  duplicateToken: unit,
  colourBinding: unit,
  copyCue: unit,
  role: z.enum(HEAD_ROLE_NAMES).nullable(),
}).strict();

export const ManifestSchema = z
  .object({
    schemaVersion: z.literal(MANIFEST_VERSION),
    weights: z.object({
      file: z.string().min(1),
      dtype: z.literal("float32-le"),
      bytes: z.number().int().positive(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }).strict(),
    config: ModelConfigSchema,
    vocab: z.array(z.string().min(1)),
    training: TrainConfigSchema,
    metrics: z.object({
      finalTrainLoss: z.number(),
      validationLoss: z.number(),
      probeAccuracy: z.number().min(0).max(1),
      probeCorrect: z.number().int().min(0),
      probeCount: z.number().int().min(1),
      copyProbeAccuracy: unit,
      copyProbeCorrect: z.number().int().min(0),
      copyProbeCount: z.number().int().min(1),
      copyReference: z.object({ prompt: z.string(), token: z.string(), p: z.number() }).strict(),
      reference: z.object({ prompt: z.string(), token: z.string(), p: z.number() }).strict(),
    }).strict(),
    heads: z.array(HeadScoresSchema),
  })
  .strict()
  .refine((m) => m.vocab.length === m.config.vocabSize, { message: "vocab length must equal config.vocabSize", path: ["vocab"] });

export type Manifest = z.infer<typeof ManifestSchema>;

/** The parameters as little-endian float32 bytes, in paramShapes order. */
export function encodeWeights(p: Params): Uint8Array {
  const bytes = new Uint8Array(p.data.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < p.data.length; i++) view.setFloat32(i * 4, p.data[i], true);
  return bytes;
}

/** The shipped model, read and verified: its manifest and weights, as a source whose traces this process computes. */
export interface LoadedModel extends ModelSource {
  manifest: Manifest;
  params: Params;
  tokenizer: Tokenizer;
}

/** A LoadedModel of these parameters (the manifest's roles and sha256 describe them). */
export function loadedModel(manifest: Manifest, params: Params): LoadedModel {
  const tokenizer = new Tokenizer(manifest.vocab);
  const source = computingSource(params, tokenizer, { weightsSha256: manifest.weights.sha256, provenance: null, heads: manifest.heads });
  return { ...source, manifest, params, tokenizer };
}

/** Parses a manifest (unknown JSON) and checks it against the schema. */
export function parseManifest(json: unknown, source = "manifest"): Manifest {
  const r = ManifestSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = [source, ...issue.path.map(String)].join(".");
    throw new InputError(field, "a valid model manifest", issue.message);
  }
  return r.data;
}

/** Decodes weight bytes after checking their size and sha256 against the manifest. */
export function decodeWeights(manifest: Manifest, bytes: Uint8Array, source = "weights"): LoadedModel {
  const expected = paramCount(manifest.config) * 4;
  if (bytes.length !== expected || bytes.length !== manifest.weights.bytes) {
    throw new InputError(source, `${expected} bytes (float32 × ${expected / 4} parameters)`, `${bytes.length} bytes`);
  }
  const digest = sha256(bytes);
  if (digest !== manifest.weights.sha256) {
    throw new InputError(source, `sha256 ${manifest.weights.sha256} (from its manifest)`, `sha256 ${digest}`,
      "The weights file does not belong to this manifest: retrain with `abacus train` or restore both files.");
  }
  const params = allocParams(manifest.config);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < params.data.length; i++) params.data[i] = view.getFloat32(i * 4, true);
  return loadedModel(manifest, params);
}

