// A recording of everything an explainer asked of a model in node (encodings, traces, weight rows), and a source that replays it in a render tab.
//
// A user's checkpoint is loaded and run once, in node; the tabs that draw its frames read the
// tape from the bundle and never hold the weights or run a forward pass.

import { z } from "zod";
import { InputError, show } from "../errors.js";
import { TraceSchema, type Trace } from "../trace/schema.js";
import { ModelConfigSchema } from "./config.js";
import type { ModelSource, Provenance } from "./source.js";
import { wordOf } from "./tokenizer.js";

export const TAPE_VERSION = 1;

const RowsSchema = z.object({ w: z.array(z.number()), b: z.array(z.number()) }).strict();

export const TapeSchema = z.object({
  version: z.literal(TAPE_VERSION),
  config: ModelConfigSchema,
  vocab: z.array(z.string()),
  weightsSha256: z.string(),
  provenance: z.unknown(),
  encodings: z.array(z.tuple([z.string(), z.array(z.number().int().min(0))])),
  traces: z.array(z.tuple([z.string(), TraceSchema])),
  qkv: z.array(z.tuple([z.string(), RowsSchema])),
}).strict();

export type Tape = z.infer<typeof TapeSchema>;

const traceKey = (ids: readonly number[], topK: number, prompt: string | undefined) => JSON.stringify([ids, topK, prompt ?? null]);
const rowsKey = (layer: number, from: number, count: number) => `${layer}:${from}:${count}`;

/** Wraps a source so that every answer it gives is kept; tape() returns them. */
export function recording(src: ModelSource): { source: ModelSource; tape(): Tape } {
  const encodings = new Map<string, number[]>();
  const traces = new Map<string, Trace>();
  const qkv = new Map<string, { w: number[]; b: number[] }>();
  const tok = src.tokenizer;
  const source: ModelSource = {
    ...src,
    tokenizer: {
      vocab: tok.vocab,
      get size() {
        return tok.size;
      },
      encode(text, field) {
        const ids = tok.encode(text, field);
        encodings.set(text, ids);
        return ids;
      },
      decode: (ids) => tok.decode(ids),
      text: (ids) => tok.text(ids),
    },
    trace(ids, topK, prompt) {
      const t = src.trace(ids, topK, prompt);
      traces.set(traceKey(ids, topK, prompt), t);
      return t;
    },
    qkvRows(layer, from, count) {
      const r = src.qkvRows(layer, from, count);
      qkv.set(rowsKey(layer, from, count), r);
      return r;
    },
  };
  return {
    source,
    tape: () => ({
      version: TAPE_VERSION, config: src.config, vocab: [...tok.vocab], weightsSha256: src.weightsSha256, provenance: src.provenance,
      encodings: [...encodings], traces: [...traces], qkv: [...qkv],
    }),
  };
}

/** A source that answers from a tape; asking it what was not recorded is an error naming the request. */
export function replaying(tape: Tape): ModelSource {
  const encodings = new Map(tape.encodings);
  const traces = new Map(tape.traces);
  const qkv = new Map(tape.qkv);
  const missing = (what: string) => new InputError("modelTape", `a request the render recorded in node`, what, "Render with `abacus render --model DIR`, which records every forward pass the video needs.");
  const vocab = tape.vocab;
  return {
    config: tape.config,
    heads: [],
    weightsSha256: tape.weightsSha256,
    provenance: (tape.provenance ?? null) as Provenance | null,
    tokenizer: {
      vocab,
      size: vocab.length,
      encode(text, field = "prompt") {
        const ids = encodings.get(text);
        if (!ids) throw new InputError(field, "the prompt the render recorded", show(text));
        return ids;
      },
      decode: (ids) => ids.map((id) => wordOf(vocab, id)),
      text: (ids) => ids.map((id) => vocab[id]).join(""),
    },
    trace(ids, topK, prompt) {
      const t = traces.get(traceKey(ids, topK, prompt));
      if (!t) throw missing(`the trace of ${ids.length} tokens, top ${topK}`);
      return t;
    },
    qkvRows(layer, from, count) {
      const r = qkv.get(rowsKey(layer, from, count));
      if (!r) throw missing(`rows ${from}…${from + count - 1} of layer ${layer}'s q/k/v weights`);
      return r;
    },
  };
}
