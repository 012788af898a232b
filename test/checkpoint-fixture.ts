// Test fixture: tiny random GPT-2 checkpoints in HF's exact names and layout, with a byte-level BPE learned from the corpus; and an independent forward pass over their tensors.
import { join } from "node:path";
import { writeCheckpoint, type CheckpointOptions } from "../src/checkpoint/export.js";
import type { BpeFiles } from "../src/checkpoint/bpe.js";
import type { Activation } from "../src/model/config.js";
import { sentence } from "../src/model/corpus.js";
import { initParams } from "../src/model/params.js";
import { Rng } from "../src/model/random.js";
import { gpt2TokenizerJson, mergesTxt, trainBpe } from "./bpe-fixture.js";

/** English sentences of the corpus, capitalised, for a BPE to learn. */
export function corpusText(count = 300, seed = 7): string[] {
  const rng = new Rng(seed);
  return Array.from({ length: count }, () => {
    const s = sentence(rng).join(" ").replace(/ ([.,!?;:])/g, "$1");
    return s.charAt(0).toUpperCase() + s.slice(1);
  });
}

let bpe: BpeFiles | null = null;
/** 150 merges learned from the corpus: 256 byte symbols + 150 + <|endoftext|> = 407 ids. */
export function fixtureBpe(): BpeFiles {
  bpe ??= trainBpe(corpusText(), 150);
  return bpe;
}

export interface FixtureOptions extends CheckpointOptions {
  dModel?: number;
  nLayer?: number;
  nHead?: number;
  contextLength?: number;
  seed?: number;
  /** Weight scale: larger than GPT-2's 0.02 so that attention and the next-token guesses are not all flat. */
  std?: number;
  tokenizer?: "tokenizer.json" | "vocab.json";
  activation?: Activation;
  layerNormEps?: number;
  /** A vocabulary padded past the tokenizer's ids (as some checkpoints are), e.g. to test a large vocabulary's top-k trace. */
  vocabSize?: number;
  /** An unembedding of its own (lm_head.weight, tie_word_embeddings false) instead of wte. */
  untied?: boolean;
}

/** Writes a random checkpoint into `dir` (which must not exist or be empty); returns its folder. */
export function makeCheckpoint(dir: string, o: FixtureOptions = {}): string {
  const files = fixtureBpe();
  const vocabSize = o.vocabSize ?? Object.keys(files.vocab).length;
  const config = {
    vocabSize, contextLength: o.contextLength ?? 32, dModel: o.dModel ?? 16, nLayer: o.nLayer ?? 2, nHead: o.nHead ?? 2,
    ...(o.activation && o.activation !== "gelu_tanh" ? { activation: o.activation } : {}),
    ...(o.layerNormEps !== undefined ? { layerNormEps: o.layerNormEps } : {}),
    ...(o.untied ? { untiedHead: true as const } : {}),
  };
  const params = initParams(config, new Rng(o.seed ?? 11), o.std ?? 0.3);
  // biases and LayerNorm parameters away from their initial values, so a mix-up of them would show
  const rng = new Rng((o.seed ?? 11) + 1);
  for (const L of params.layers) for (const a of [L.qkvb, L.attprojb, L.fcb, L.fcprojb, L.ln1b, L.ln2b]) for (let i = 0; i < a.length; i++) a[i] = rng.normal() * 0.1;
  for (const L of params.layers) for (const a of [L.ln1w, L.ln2w]) for (let i = 0; i < a.length; i++) a[i] = 1 + rng.normal() * 0.1;
  const tokenizerFiles: Record<string, string> = o.tokenizer === "vocab.json"
    ? { "vocab.json": JSON.stringify(files.vocab), "merges.txt": mergesTxt(files) }
    : { "tokenizer.json": JSON.stringify(gpt2TokenizerJson(files)) };
  writeCheckpoint(dir, params, tokenizerFiles, o);
  return dir;
}

export const fixtureDir = (root: string, name: string) => join(root, name);
