// `abacus bench model`: median forward+trace time for a 16-token prompt and training throughput.

import { DEFAULT_TRAIN } from "../model/config.js";
import { readModel } from "../model/files.js";
import { train } from "../model/train.js";
import { buildTrace } from "../trace/build.js";
import { intOption, parse, UsageError } from "./args.js";

export const usage = `Usage: abacus bench model [--runs N] [--steps N]

Prints the median wall time of forward + trace for a 16-token prompt over N runs
(default 50), and the training throughput in tokens/s over N steps (default 40).`;

export const BENCH_PROMPT = "the big sleepy cat was hungry so it ate the fish . the old dog sat on the";

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export function run(argv: string[]): number {
  const { values, positionals } = parse(argv, { runs: { type: "string" }, steps: { type: "string" } }, true);
  if (positionals.length !== 1 || positionals[0] !== "model") {
    throw new UsageError(`expected a benchmark name: model; got ${positionals.length ? positionals.join(" ") : "none"}`);
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
