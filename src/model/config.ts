// Model shapes and training settings as zod-validated data; a bigger model is one more preset.

import { z } from "zod";

const shapeFields = {
  contextLength: z.number().int().min(1),
  dModel: z.number().int().min(1),
  nLayer: z.number().int().min(1),
  nHead: z.number().int().min(1),
};
const headsDivide = (c: { dModel: number; nHead: number }) => c.dModel % c.nHead === 0;
const headsMessage = { message: "dModel must be a multiple of nHead", path: ["dModel"] };

/** A model's shape without the vocabulary size, which comes from the tokenizer. */
export const ModelShapeSchema = z.object(shapeFields).strict().refine(headsDivide, headsMessage);
/** The GELU a model's MLP uses: GPT-2's tanh approximation, or the exact one (Φ by erf). */
export const ACTIVATIONS = ["gelu_tanh", "gelu_erf"] as const;
export type Activation = (typeof ACTIVATIONS)[number];

/**
 * A model's shape and vocabulary size. `layerNormEps`, `activation` and `untiedHead` are set only
 * where a checkpoint differs from GPT-2 (1e-5, tanh GELU, the unembedding tied to wte), so the
 * shipped model's config stays as it was.
 */
export const ModelConfigSchema = z
  .object({
    vocabSize: z.number().int().min(2), ...shapeFields, layerNormEps: z.number().positive().optional(), activation: z.enum(ACTIVATIONS).optional(),
    /** The logits come from a matrix of their own (HF's lm_head with tie_word_embeddings false), not from wte. */
    untiedHead: z.literal(true).optional(),
  })
  .strict()
  .refine(headsDivide, headsMessage);

export type ModelConfig = z.infer<typeof ModelConfigSchema>;
export type ModelShape = z.infer<typeof ModelShapeSchema>;

/** Presets are data, validated when this module loads: a bigger model is one more entry. */
export const PRESETS = {
  tiny: ModelShapeSchema.parse({ contextLength: 32, dModel: 32, nLayer: 2, nHead: 4 }),
  small: ModelShapeSchema.parse({ contextLength: 64, dModel: 64, nLayer: 4, nHead: 4 }),
} as const;

export type PresetName = keyof typeof PRESETS;

export const TrainConfigSchema = z
  .object({
    preset: z.enum(Object.keys(PRESETS) as [PresetName, ...PresetName[]]),
    seed: z.number().int().min(0).max(0xffffffff),
    steps: z.number().int().min(1).max(1_000_000),
    batchSize: z.number().int().min(1),
    learningRate: z.number().positive(),
    warmupSteps: z.number().int().min(0),
    minLearningRateRatio: z.number().min(0).max(1),
    weightDecay: z.number().min(0),
    beta1: z.number().min(0).max(1),
    beta2: z.number().min(0).max(1),
    eps: z.number().positive(),
    gradClip: z.number().positive(),
    initStd: z.number().positive(),
  })
  .strict();

export type TrainConfig = z.infer<typeof TrainConfigSchema>;

export const DEFAULT_TRAIN: TrainConfig = {
  preset: "tiny",
  seed: 1337,
  steps: 4000,
  batchSize: 16,
  learningRate: 0.005,
  warmupSteps: 100,
  minLearningRateRatio: 0.1,
  weightDecay: 0.01,
  beta1: 0.9,
  beta2: 0.99,
  eps: 1e-8,
  gradClip: 1.0,
  initStd: 0.02,
};

export function headSize(c: ModelShape): number {
  return c.dModel / c.nHead;
}
