// `abacus bench model|scene|render`: forward+trace time and training throughput; sceneStateAt per frame;
// every explainer rendered against the Blank floor of the same size and length.

import { DEFAULT_TRAIN } from "../model/config.js";
import { readModel } from "../model/files.js";
import { train } from "../model/train.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { descendants } from "../render/interrupt.js";
import type { ExplainerContext } from "../engine/explainer.js";
import { sceneStateAt } from "../engine/scene-state.js";
import { type AnyExplainer, EXPLAINERS } from "../explainers/index.js";
import { LLMExplainer } from "../explainers/llm/explainer.js";
import { blankPropsFor } from "../render/compositions.js";
import { bundleProject, renderVideo } from "../render/render.js";
import { glBackend } from "../render/settings.js";
import { buildTrace } from "../trace/build.js";
import { intOption, parse, UsageError } from "./args.js";
import { benchCheckpoint, benchGpt2 } from "./bench-checkpoint.js";
import { explainerArg } from "./explainer-arg.js";
import { Progress } from "./progress.js";
import { readPropsJson } from "./props-arg.js";

export const usage = `Usage: abacus bench model [--runs N] [--steps N]
       abacus bench gpt2 [--runs N]
       abacus bench checkpoint DIR [--runs N]
       abacus bench scene [--runs N]
       abacus bench render [CompositionId] [--props FILE|JSON] [--concurrency N] [--runs N]

model: the median wall time of forward + trace for a 16-token prompt over N runs
       (default 50), and the training throughput in tokens/s over N steps (default 40).
gpt2: writes a GPT-2-small-shaped checkpoint (124M random weights, a vocabulary of 50257)
       and benches it as checkpoint does, in a fresh process (default 3 runs).
checkpoint: the time to load DIR (a GPT-2 checkpoint folder), the median time of forward +
       trace for a 16-token prompt, the trace's JSON size and the process's peak memory.
scene: the median time of sceneStateAt per frame over every frame of every explainer's
       default video, N passes (default 5); for the flagship also with a 16-token prompt.
render: renders each explainer (or only CompositionId; default props: 1920x1080) and, in
       the same run with the same settings, the Blank composition of the same size and
       length (no WebGL: the floor of browser, screenshot and encoder), alternately N times
       (default 3); prints the wall times of each pair, the median of each and the median
       of the pairs' ratios, the cubes and draw calls of the busiest frame, and the peak
       memory (RSS of this process and all its children) during the explainer's renders.
       For the flagship it then renders 640x360 in one piece and in 4 chunks.`;

export const BENCH_PROMPT = "the big sleepy cat was hungry so it ate the fish . the dog sat on"; // 16 tokens

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { runs: { type: "string" }, steps: { type: "string" }, props: { type: "string" }, concurrency: { type: "string" } }, true);
  if (positionals[0] === "checkpoint" && positionals.length === 2) return benchCheckpoint(positionals[1], intOption(values.runs, "--runs", 1, 100, 3));
  if (positionals.length < 1 || !["model", "scene", "render", "gpt2"].includes(positionals[0]) || (positionals.length > 1 && positionals[0] !== "render")) {
    throw new UsageError(`expected a benchmark name: model, gpt2, checkpoint DIR, scene or render; got ${positionals.length ? positionals.join(" ") : "none"}`);
  }
  if (positionals[0] === "gpt2") return benchGpt2(intOption(values.runs, "--runs", 1, 100, 3));
  if (positionals[0] === "scene") return benchScene(intOption(values.runs, "--runs", 1, 1000, 5));
  if (positionals[0] === "render") {
    const chosen = positionals.length > 1 ? [explainerArg(positionals.slice(1))] : EXPLAINERS;
    return benchRender(chosen, values.props, intOption(values.concurrency, "--concurrency", 1, 64, 1), intOption(values.runs, "--runs", 1, 100, 3));
  }
  const runs = intOption(values.runs, "--runs", 1, 100000, 50);
  const steps = intOption(values.steps, "--steps", 2, 100000, 40);
  const model = readModel();
  const tokens = model.tokenizer.encode(BENCH_PROMPT).length;
  const times: number[] = [];
  for (let i = 0; i < runs + 5; i++) {
    const t0 = performance.now();
    buildTrace(model, BENCH_PROMPT);
    if (i >= 5) times.push(performance.now() - t0); // 5 warm-up runs
  }
  const stepTimes: number[] = [];
  let last = performance.now();
  let tokensPerStep = 0;
  train({ ...DEFAULT_TRAIN, steps }, (s) => {
    const now = performance.now();
    stepTimes.push(now - last);
    last = now;
    tokensPerStep = s.tokens;
  });
  const stepMedian = median(stepTimes.slice(1));
  console.log(`forward+trace (${tokens} tokens): median ${median(times).toFixed(2)} ms over ${runs} runs`);
  console.log(`training: median ${stepMedian.toFixed(1)} ms/step of ${tokensPerStep} tokens = ${((1000 * tokensPerStep) / stepMedian).toFixed(0)} tokens/s over ${steps} steps`);
  return 0;
}

function benchScene(passes: number): number {
  const model = readModel();
  const cases: [AnyExplainer, Record<string, unknown>][] = [
    ...EXPLAINERS.map((e): [AnyExplainer, Record<string, unknown>] => [e, { captions: "en" }]),
    [LLMExplainer, { captions: "en", prompt: BENCH_PROMPT }],
  ];
  for (const [ex, json] of cases) {
    const ctx = ex.context(ex.parse(json), model);
    const N = ctx.timeline.durationInFrames;
    const times: number[] = [];
    let cubes = 0;
    for (let pass = 0; pass < passes + 1; pass++) {
      for (let f = 0; f < N; f++) {
        const t0 = performance.now();
        const s = sceneStateAt(ex, ctx, f);
        if (pass > 0) times.push(performance.now() - t0); // pass 0 warms up
        cubes = Math.max(cubes, s.blocks.reduce((n, b) => n + b.count, 0));
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    const words = String(ctx.props.prompt ?? "").split(" ").length;
    console.log(`sceneStateAt, ${ex.id} (${words} words): median ${median(times).toFixed(3)} ms/frame, p95 ${sorted[Math.floor(0.95 * sorted.length)].toFixed(3)} ms over ${passes} x ${N} frames; busiest frame ${cubes} cubes`);
  }
  return 0;
}

/** Resident memory of this process and all its descendants, in MB (Linux /proc; 0 elsewhere). */
function treeRssMb(): number {
  let kb = 0;
  for (const pid of [process.pid, ...descendants(process.pid)]) {
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      if (m) kb += Number(m[1]);
    } catch {
      // ended meanwhile
    }
  }
  return kb / 1024;
}

/** Cubes and draw calls (one per block, two per box, one per tube) of the busiest frame. */
export function busiestFrame(ex: AnyExplainer, ctx: ExplainerContext): { frame: number; cubes: number; drawCalls: number } {
  let best = { frame: 0, cubes: 0, drawCalls: 0 };
  for (let f = 0; f < ctx.timeline.durationInFrames; f++) {
    const s = sceneStateAt(ex, ctx, f);
    const cubes = s.blocks.reduce((n, b) => n + b.count, 0);
    const drawCalls = s.blocks.length + s.structures.reduce((n, x) => n + (x.type === "box" ? 2 : 1), 0);
    if (cubes > best.cubes || (cubes === best.cubes && drawCalls > best.drawCalls)) best = { frame: f, cubes, drawCalls };
  }
  return best;
}

async function benchRender(explainers: AnyExplainer[], propsArg: unknown, concurrency: number, runs: number): Promise<number> {
  const model = readModel();
  const dir = mkdtempSync(join(tmpdir(), "abacus-bench-"));
  const bundle = await bundleProject();
  const summary: string[] = [];
  try {
    for (const ex of explainers) {
      const props = ex.parse(readPropsJson(propsArg));
      const ctx = ex.context(props, model);
      const frames = ctx.timeline.durationInFrames;
      const pairs: { blank: number; explainer: number }[] = [];
      let peakMb = 0;
      // alternating pairs: a slow spell of this shared machine lands on both compositions alike
      for (let run = 1; run <= runs; run++) {
        const pair = { blank: 0, explainer: 0 };
        for (const id of ["Blank", ex.id]) {
          const progress = new Progress(`${id} (${run}/${runs})`, frames, 25);
          const sampler = id === ex.id ? setInterval(() => (peakMb = Math.max(peakMb, treeRssMb())), 250) : null;
          const t0 = performance.now();
          await renderVideo({
            serveUrl: bundle.serveUrl, compositionId: id, props: id === "Blank" ? blankPropsFor(props) : props, out: join(dir, `${id}.mp4`), concurrency,
            onProgress: (p) => progress.update(p.renderedFrames),
          });
          pair[id === "Blank" ? "blank" : "explainer"] = (performance.now() - t0) / 1000;
          if (sampler) clearInterval(sampler);
        }
        pairs.push(pair);
      }
      const busy = busiestFrame(ex, ctx);
      const ratio = median(pairs.map((p) => p.explainer / p.blank));
      const lines = [
        `${ex.id}: ${props.width}x${props.height}, ${frames} frames, concurrency ${concurrency}, gl ${glBackend()}`,
        ...pairs.map((p, i) => `  run ${i + 1}: Blank ${p.blank.toFixed(1)} s, ${ex.id} ${p.explainer.toFixed(1)} s, ratio ${(p.explainer / p.blank).toFixed(2)}`),
        `  medians: Blank ${median(pairs.map((p) => p.blank)).toFixed(1)} s, ${ex.id} ${median(pairs.map((p) => p.explainer)).toFixed(1)} s, ratio ${ratio.toFixed(2)} over ${runs} pairs`,
        `  busiest frame ${busy.frame}: ${busy.cubes} cubes in ${busy.drawCalls} draw calls; peak memory ${peakMb.toFixed(0)} MB RSS (process and children, sampled every 250 ms)`,
      ];
      if (ex.id === "LLMExplainer") {
        const small = { ...props, width: 640, height: 360 };
        const wall: number[] = [];
        for (const chunks of [1, 4]) {
          const t0 = performance.now();
          await renderVideo({ serveUrl: bundle.serveUrl, compositionId: ex.id, props: small, out: join(dir, `chunks-${chunks}.mp4`), concurrency, chunks });
          wall.push((performance.now() - t0) / 1000);
        }
        lines.push(`  640x360: ${wall[0].toFixed(1)} s in one piece, ${wall[1].toFixed(1)} s in 4 chunks (ratio ${(wall[1] / wall[0]).toFixed(2)})`);
      }
      console.log(lines.join("\n"));
      summary.push(`${ex.id.padEnd(15)} ratio ${ratio.toFixed(2)}`);
    }
    console.log(["render ÷ Blank floor, median of pairs:", ...summary.map((l) => `  ${l}`)].join("\n"));
  } finally {
    bundle.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
