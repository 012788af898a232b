// GPT-2 checkpoints end to end in node: the built-in model exported and traced back to the bit, and random checkpoints in HF's layout traced as an independent forward pass computes them.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckpoint } from "../src/checkpoint/load.js";
import { readSafetensors } from "../src/checkpoint/safetensors.js";
import { abacus, tempDir } from "./helpers.js";
import { readModel } from "../src/model/files.js";
import { buildTrace, FULL_VOCAB_MAX } from "../src/trace/build.js";
import { headId, layerId } from "../src/trace/ids.js";
import { parseTrace } from "../src/trace/io.js";
import type { Trace } from "../src/trace/schema.js";
import { makeCheckpoint, type FixtureOptions } from "./checkpoint-fixture.js";
import { referenceForward } from "./reference-gpt2.js";

const root = tempDir("abacus-ckpt-");
const PROMPT = "The cat sat on the mat. The dog";

/** Largest |a − b| over two flat lists of the same length. */
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** The invariants every trace keeps: softmax rows sum to 1, the causal triangle is 0, residuals are sums. */
function checkInvariants(t: Trace): void {
  const T = t.tokens.length;
  const C = t.model.dModel;
  for (let l = 0; l < t.model.nLayer; l++) {
    for (let h = 0; h < t.model.nHead; h++) {
      const att = t.tensors[headId(l, h, "att")].data;
      for (let r = 0; r < T; r++) {
        expect(Math.abs(att.slice(r * T, (r + 1) * T).reduce((a, b) => a + b, 0) - 1)).toBeLessThan(1e-5);
        for (let s = r + 1; s < T; s++) expect(att[r * T + s]).toBe(0);
      }
    }
    const x = l === 0 ? t.tensors.x0.data : t.tensors[layerId(l - 1, "resid2")].data;
    const [r1, ap, r2, fp] = (["resid1", "attProj", "resid2", "fcProj"] as const).map((n) => t.tensors[layerId(l, n)].data);
    for (let i = 0; i < T * C; i++) {
      expect(Math.abs(r1[i] - (x[i] + ap[i]))).toBeLessThan(1e-4 * (1 + Math.abs(r1[i])));
      expect(Math.abs(r2[i] - (r1[i] + fp[i]))).toBeLessThan(1e-4 * (1 + Math.abs(r2[i])));
    }
  }
}

describe("GPT-2 checkpoints", () => {
  it("exports the built-in model and traces it back: the same tokens, next token and every tensor value, to the bit", () => {
    const dir = join(root, "export");
    const r = abacus(["export", "--format", "hf", dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^wrote config\.json, model\.safetensors, tokenizer\.json in .* \(114 words, 30144 parameters, F32\)\n$/);
    const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
    expect(config).toMatchObject({ model_type: "gpt2", architectures: ["GPT2LMHeadModel"], n_embd: 32, n_layer: 2, n_head: 4, vocab_size: 114, activation_function: "gelu_new" });
    const ckpt = loadCheckpoint(dir);
    const shipped = readModel();
    const prompt = "The cat sat on the mat. The dog sat on the";
    const a = buildTrace(shipped, prompt);
    const b = buildTrace(ckpt, prompt);
    expect(b.tokens).toEqual(a.tokens);
    expect(b.next).toEqual(a.next);
    expect(b.tensors).toEqual(a.tensors);
    expect(Buffer.from(ckpt.params.data.buffer).equals(Buffer.from(new Float32Array(shipped.params.data).buffer))).toBe(true);
    expect(b.source).toEqual({ folder: "export", config, weightsFile: "model.safetensors", weightsSha256: ckpt.weightsSha256, tokenizerFiles: ["tokenizer.json"] });
    expect(b.weightsSha256).toMatch(/^[0-9a-f]{64}$/);
    // the same from the command line
    const out = join(root, "export-trace.json");
    expect(abacus(["trace", "--model", dir, "--prompt", prompt, "--out", out]).code).toBe(0);
    expect(parseTrace(JSON.parse(readFileSync(out, "utf8"))).hash).toBe(b.hash);
  });

  const variants: [string, FixtureOptions][] = [
    ["float32, transformer. prefix, tokenizer.json", {}],
    ["float16, bare names, lm_head stored, vocab.json + merges.txt", { dtype: "F16", prefix: false, lmHead: true, tokenizer: "vocab.json", seed: 5 }],
    ["exact GELU, epsilon 1e-6, 3 layers of 4 heads", { activation: "gelu_erf", layerNormEps: 1e-6, nLayer: 3, nHead: 4, dModel: 24, seed: 9 }],
    ["an unembedding of its own (tie_word_embeddings false, lm_head.weight)", { untied: true, seed: 13 }],
  ];
  for (const [name, o] of variants) {
    it(`traces a random checkpoint (${name}) as an independent float64 forward pass over its tensors`, () => {
      const dir = makeCheckpoint(join(root, name.replace(/\W+/g, "-")), o);
      const ckpt = loadCheckpoint(dir);
      const trace = buildTrace(ckpt, PROMPT);
      const config = JSON.parse(readFileSync(join(dir, "config.json"), "utf8"));
      const ref = referenceForward(readSafetensors(readFileSync(join(dir, "model.safetensors")), "m"), config, trace.tokenIds);
      expect(trace.tokens.join("")).toBe(PROMPT); // byte-level: the tokens spell the prompt, spaces included
      expect(trace.tokens.length).toBeLessThan(PROMPT.length); // and merges made words of several bytes
      expect(maxDiff(trace.tensors.x0.data, ref.x0.flat())).toBeLessThan(1e-5);
      for (let l = 0; l < ckpt.config.nLayer; l++) {
        expect(maxDiff(trace.tensors[layerId(l, "resid2")].data, ref.resid2[l].flat())).toBeLessThan(3e-5); // measured 5e-6; a wrong epsilon (1e-5 for 1e-6) is off by 3e-4
        for (let h = 0; h < ckpt.config.nHead; h++) expect(maxDiff(trace.tensors[headId(l, h, "att")].data, ref.att[l][h].flat())).toBeLessThan(2e-5);
      }
      expect(maxDiff(trace.tensors.logits.data, ref.logits.flat())).toBeLessThan(5e-5);
      const last = ref.logits[ref.logits.length - 1];
      expect(trace.next.id).toBe(last.indexOf(Math.max(...last)));
      checkInvariants(trace);
    });
  }

  it(`keeps a vocabulary above ${FULL_VOCAB_MAX} words as each position's top k, with the rank of the prompt's own next token`, () => {
    const dir = makeCheckpoint(join(root, "padded"), { vocabSize: 1500, seed: 3 });
    const ckpt = loadCheckpoint(dir);
    const trace = buildTrace(ckpt, PROMPT, 3);
    expect(trace.tensors.logits).toBeUndefined();
    expect(trace.tensors.probs).toBeUndefined();
    const top = trace.vocabTop!;
    expect(top.k).toBe(10);
    const ref = referenceForward(readSafetensors(readFileSync(join(dir, "model.safetensors")), "m"), JSON.parse(readFileSync(join(dir, "config.json"), "utf8")), trace.tokenIds);
    ref.logits.forEach((row, t) => {
      const order = row.map((v, i) => [v, i]).sort((x, y) => y[0] - x[0]).map(([, i]) => i);
      expect(top.ids[t]).toEqual(order.slice(0, 10));
      if (t < trace.tokens.length - 1) expect(top.actual[t]).toMatchObject({ id: trace.tokenIds[t + 1], rank: order.indexOf(trace.tokenIds[t + 1]) });
    });
    expect(top.actual).toHaveLength(trace.tokens.length - 1);
    expect(trace.topk.map((x) => x.id)).toEqual(top.ids[trace.tokens.length - 1].slice(0, 3));
    // ids past the tokenizer's (the padding) have no text of their own
    expect(trace.topk.every((x) => x.token === (x.id < 407 ? ckpt.tokenizer.vocab[x.id] : `<${x.id}>`))).toBe(true);
    expect(parseTrace(JSON.parse(JSON.stringify(trace))).hash).toBe(trace.hash);
    // a padding id in the input (a random model may write one) is read and shown as <id>
    const padded = ckpt.trace([...trace.tokenIds, 1200], 3);
    expect(padded.tokens[padded.tokens.length - 1]).toBe("<1200>");
  });
});
