// `abacus bench gpt2` and `abacus bench checkpoint DIR`: a GPT-2-small-shaped checkpoint (124M random weights) loaded and traced, in a fresh process whose peak memory is its own.

import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCheckpoint } from "../checkpoint/export.js";
import { byteSymbols } from "../checkpoint/bpe.js";
import { loadCheckpoint } from "../checkpoint/load.js";
import { paramCount, initParams } from "../model/params.js";
import { Rng } from "../model/random.js";
import { buildTrace } from "../trace/build.js";
import { serializeTrace } from "../trace/io.js";

/** GPT-2 small: 124M parameters. */
export const GPT2_SMALL = { vocabSize: 50257, contextLength: 1024, dModel: 768, nLayer: 12, nHead: 12 };
/** 16 characters: 16 tokens of a byte-level vocabulary without merges. */
export const CHECKPOINT_BENCH_PROMPT = "Abacus: 16 bytes";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Loads DIR, traces the bench prompt `runs` times; prints load time, the median trace time, the trace's size and the peak RSS. */
export function benchCheckpoint(dir: string, runs: number): number {
  const t0 = performance.now();
  const model = loadCheckpoint(dir);
  const load = (performance.now() - t0) / 1000;
  const times: number[] = [];
  let bytes = 0;
  let tokens = 0;
  for (let i = 0; i < runs; i++) {
    const t1 = performance.now();
    const trace = buildTrace(model, CHECKPOINT_BENCH_PROMPT);
    times.push((performance.now() - t1) / 1000);
    tokens = trace.tokens.length;
    if (i === 0) bytes = serializeTrace(trace).length;
  }
  const peakMb = process.resourceUsage().maxRSS / 1024;
  const c = model.config;
  console.log(`checkpoint ${model.provenance.folder}: ${(paramCount(c) / 1e6).toFixed(1)}M parameters (n_embd ${c.dModel}, n_layer ${c.nLayer}, vocab ${c.vocabSize})`);
  console.log(`  load ${load.toFixed(2)} s; forward + trace (${tokens} tokens) median ${median(times).toFixed(2)} s over ${runs} runs; trace JSON ${(bytes / 1e6).toFixed(1)} MB; peak memory ${peakMb.toFixed(0)} MB RSS`);
  return 0;
}

/** Writes a random GPT-2-small checkpoint (byte symbols and filler tokens for a vocabulary of 50257), then benches it in a child process. */
export function benchGpt2(runs: number): number {
  const dir = mkdtempSync(join(tmpdir(), "abacus-gpt2-bench-"));
  try {
    const t0 = performance.now();
    const params = initParams(GPT2_SMALL, new Rng(124), 0.02);
    const vocab: Record<string, number> = {};
    byteSymbols().forEach((s, i) => (vocab[s] = i));
    for (let i = 256; i < GPT2_SMALL.vocabSize - 1; i++) vocab[`<|filler${i}|>`] = i;
    vocab["<|endoftext|>"] = GPT2_SMALL.vocabSize - 1;
    writeCheckpoint(join(dir, "gpt2-small-random"), params, { "vocab.json": JSON.stringify(vocab), "merges.txt": "#version: 0.2\n" });
    console.log(`wrote a random GPT-2-small checkpoint in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const r = spawnSync(process.execPath, [process.argv[1], "bench", "checkpoint", join(dir, "gpt2-small-random"), "--runs", String(runs)], { stdio: "inherit" });
    return r.status ?? 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
