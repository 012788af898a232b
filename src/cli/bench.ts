// `abacus bench model`: median forward+trace time for a 16-token prompt and training throughput.

import { DEFAULT_TRAIN } from "../model/config.js";
import { readModel } from "../model/files.js";
import { train } from "../model/train.js";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { descendants } from "../render/interrupt.js";
import { bundleProject, renderVideo } from "../render/render.js";
import { glBackend } from "../render/settings.js";
import { makeContext, type SceneContext } from "../story/context.js";
import { DEFAULT_PROPS } from "../story/props.js";
import { sceneStateAt } from "../story/scene-state.js";
import { buildTrace } from "../trace/build.js";
import { intOption, parse, UsageError } from "./args.js";
import { Progress } from "./progress.js";
import { readPropsArg } from "./props-arg.js";

export const usage = `Usage: abacus bench model [--runs N] [--steps N]
       abacus bench scene [--runs N]
       abacus bench render [--props FILE|JSON] [--concurrency N] [--runs N]

model: the median wall time of forward + trace for a 16-token prompt over N runs
       (default 50), and the training throughput in tokens/s over N steps (default 40).
scene: the median time of sceneStateAt per frame over the flagship's 540 frames,
       N passes (default 5), for the default prompt and a 16-token prompt.
render: renders the flagship (default props: 1920x1080, 540 frames) and, in the same run
       with the same settings, the Blank composition of the same size and length (no WebGL:
       the floor of browser, screenshot and encoder), alternately N times (default 3); prints
       the wall times of each pair, the median of each and the median of the pairs' ratios,
       the cubes and draw calls of the flagship's busiest frame, and the peak memory (RSS of
       this process and all its children) during the flagship render. Then it renders the
       flagship at 640x360 in one piece and in 4 chunks, and prints both times.`;

export const BENCH_PROMPT = "the big sleepy cat was hungry so it ate the fish . the dog sat on"; // 16 tokens

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { runs: { type: "string" }, steps: { type: "string" }, props: { type: "string" }, concurrency: { type: "string" } }, true);
  if (positionals.length !== 1 || !["model", "scene", "render"].includes(positionals[0])) {
    throw new UsageError(`expected a benchmark name: model, scene or render; got ${positionals.length ? positionals.join(" ") : "none"}`);
  }
  if (positionals[0] === "scene") return benchScene(intOption(values.runs, "--runs", 1, 1000, 5));
  if (positionals[0] === "render") return benchRender(values.props, intOption(values.concurrency, "--concurrency", 1, 64, 1), intOption(values.runs, "--runs", 1, 100, 3));
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
  for (const prompt of [DEFAULT_PROPS.prompt, BENCH_PROMPT]) {
    const ctx = makeContext({ ...DEFAULT_PROPS, prompt, captions: "en" }, model);
    const N = ctx.timeline.durationInFrames;
    const times: number[] = [];
    let cubes = 0;
    for (let pass = 0; pass < passes + 1; pass++) {
      for (let f = 0; f < N; f++) {
        const t0 = performance.now();
        const s = sceneStateAt(ctx, f);
        if (pass > 0) times.push(performance.now() - t0); // pass 0 warms up
        cubes = Math.max(cubes, s.blocks.reduce((n, b) => n + b.count, 0));
      }
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`sceneStateAt, ${ctx.trace.tokens.length} tokens: median ${median(times).toFixed(3)} ms/frame, p95 ${sorted[Math.floor(0.95 * sorted.length)].toFixed(3)} ms over ${passes} x ${N} frames; busiest frame ${cubes} cubes`);
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
export function busiestFrame(ctx: SceneContext): { frame: number; cubes: number; drawCalls: number } {
  let best = { frame: 0, cubes: 0, drawCalls: 0 };
  for (let f = 0; f < ctx.timeline.durationInFrames; f++) {
    const s = sceneStateAt(ctx, f);
    const cubes = s.blocks.reduce((n, b) => n + b.count, 0);
    const drawCalls = s.blocks.length + s.structures.reduce((n, x) => n + (x.type === "box" ? 2 : 1), 0);
    if (cubes > best.cubes || (cubes === best.cubes && drawCalls > best.drawCalls)) best = { frame: f, cubes, drawCalls };
  }
  return best;
}

async function benchRender(propsArg: unknown, concurrency: number, runs: number): Promise<number> {
  const props = readPropsArg(propsArg);
  const ctx = makeContext(props, readModel());
  const dir = mkdtempSync(join(tmpdir(), "abacus-bench-"));
  const bundle = await bundleProject();
  try {
    const chunkWall: Record<number, number> = {};
    const pairs: { blank: number; flagship: number }[] = [];
    let peakMb = 0;
    // alternating pairs: a slow spell of this shared machine lands on both compositions alike
    for (let run = 1; run <= runs; run++) {
      const pair = { blank: 0, flagship: 0 };
      for (const id of ["Blank", "LLMExplainer"]) {
        const progress = new Progress(`${id} (${run}/${runs})`, ctx.timeline.durationInFrames, 25);
        const sampler = id === "LLMExplainer" ? setInterval(() => (peakMb = Math.max(peakMb, treeRssMb())), 250) : null;
        const t0 = performance.now();
        await renderVideo({
          serveUrl: bundle.serveUrl, compositionId: id, props, out: join(dir, `${id}.mp4`), concurrency,
          onProgress: (p) => progress.update(p.renderedFrames),
        });
        pair[id === "Blank" ? "blank" : "flagship"] = (performance.now() - t0) / 1000;
        if (sampler) clearInterval(sampler);
      }
      pairs.push(pair);
    }
    const small = { ...props, width: 640, height: 360 };
    for (const chunks of [1, 4]) {
      const t0 = performance.now();
      await renderVideo({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props: small, out: join(dir, `chunks-${chunks}.mp4`), concurrency, chunks });
      chunkWall[chunks] = (performance.now() - t0) / 1000;
    }
    const busy = busiestFrame(ctx);
    console.log(`${props.width}x${props.height}, ${ctx.timeline.durationInFrames} frames, concurrency ${concurrency}, gl ${glBackend()}`);
    for (const [i, p] of pairs.entries()) {
      console.log(`run ${i + 1}:          Blank ${p.blank.toFixed(1)} s, LLMExplainer ${p.flagship.toFixed(1)} s, ratio ${(p.flagship / p.blank).toFixed(2)}`);
    }
    console.log(`Blank (floor):  median ${median(pairs.map((p) => p.blank)).toFixed(1)} s`);
    console.log(`LLMExplainer:   median ${median(pairs.map((p) => p.flagship)).toFixed(1)} s`);
    console.log(`ratio:          median ${median(pairs.map((p) => p.flagship / p.blank)).toFixed(2)} over ${runs} pairs`);
    console.log(`busiest frame:  ${busy.frame} with ${busy.cubes} cubes in ${busy.drawCalls} draw calls`);
    console.log(`peak memory:    ${peakMb.toFixed(0)} MB RSS (this process and its children, sampled every 250 ms)`);
    console.log(`640x360:        ${chunkWall[1].toFixed(1)} s in one piece, ${chunkWall[4].toFixed(1)} s in 4 chunks (ratio ${(chunkWall[4] / chunkWall[1]).toFixed(2)})`);
  } finally {
    bundle.cleanup();
    rmSync(dir, { recursive: true, force: true });
  }
  return 0;
}
