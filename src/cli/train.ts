// `abacus train`: trains the tiny GPT from its seed and writes weights + manifest (default: assets/).

import { resolve } from "node:path";
import { DEFAULT_TRAIN, type TrainConfig } from "../model/config.js";
import { copyProbeSet } from "../model/corpus.js";
import { probeAccuracy, topK, validationLoss } from "../model/evaluate.js";
import { measureHeads } from "../model/heads.js";
import { ASSETS_DIR, writeModel } from "../model/files.js";
import { seedsFor, train } from "../model/train.js";
import type { Manifest } from "../model/weights.js";
import { intOption, parse } from "./args.js";
import { Progress } from "./progress.js";

export const REFERENCE_PROMPT = "the cat sat on the";
/** The copy pattern the README shows: "red kite" is a held-out pair, so this is a held-out probe too. */
export const COPY_REFERENCE_PROMPT = "anna has a red kite . anna likes the red";

export const usage = `Usage: abacus train [--steps N] [--seed S] [--out DIR] [--quiet]

Trains the built-in tiny GPT on its generated corpus, bit-for-bit reproducibly, then
evaluates it and writes DIR/model.bin (little-endian float32) and DIR/model.json
(config, vocabulary, training settings, sha256, validation loss, probe accuracies,
and every attention head's measured scores and role: see \`abacus heads\`).

  --steps N   optimisation steps (default ${DEFAULT_TRAIN.steps})
  --seed S    seed for initialisation and data (default ${DEFAULT_TRAIN.seed})
  --out DIR   output folder (default assets/, the shipped model)
  --quiet     no progress output`;

export interface TrainRun {
  manifest: Manifest;
  tokensPerSecond: number;
  seconds: number;
}

/** Trains with `settings`, evaluates, writes into `outDir`. */
export function trainAndWrite(settings: TrainConfig, outDir: string, quiet = false): TrainRun {
  const progress = new Progress("train", settings.steps, 5);
  let tokens = 0;
  const out = train(settings, (s) => {
    tokens += s.tokens;
    if (!quiet && (s.step % 10 === 9 || s.step === settings.steps - 1)) {
      progress.update(s.step + 1, `loss ${s.loss.toFixed(3)} lr ${s.lr.toExponential(2)}`);
    }
  });
  const seconds = progress.elapsed();
  const probes = probeAccuracy(out.params, out.tokenizer);
  const copies = probeAccuracy(out.params, out.tokenizer, copyProbeSet());
  const ref = topK(out.params, out.tokenizer, REFERENCE_PROMPT, 1)[0];
  const copyRef = topK(out.params, out.tokenizer, COPY_REFERENCE_PROMPT, 1)[0];
  const manifest = writeModel(outDir, out.params, {
    vocab: [...out.tokenizer.vocab],
    training: settings,
    metrics: {
      finalTrainLoss: out.finalLoss,
      validationLoss: validationLoss(out.params, out.tokenizer, seedsFor(settings.seed).validation),
      probeAccuracy: probes.accuracy,
      probeCorrect: probes.correct,
      probeCount: probes.count,
      copyProbeAccuracy: copies.accuracy,
      copyProbeCorrect: copies.correct,
      copyProbeCount: copies.count,
      copyReference: { prompt: COPY_REFERENCE_PROMPT, token: copyRef.token, p: copyRef.p },
      reference: { prompt: REFERENCE_PROMPT, token: ref.token, p: ref.p },
    },
    heads: measureHeads(out.params, out.tokenizer),
  });
  return { manifest, tokensPerSecond: tokens / seconds, seconds };
}

export function run(argv: string[]): number {
  const { values } = parse(argv, {
    steps: { type: "string" },
    seed: { type: "string" },
    out: { type: "string" },
    quiet: { type: "boolean" },
  });
  const settings: TrainConfig = {
    ...DEFAULT_TRAIN,
    steps: intOption(values.steps, "--steps", 1, 1_000_000, DEFAULT_TRAIN.steps),
    seed: intOption(values.seed, "--seed", 0, 0xffffffff, DEFAULT_TRAIN.seed),
  };
  const outDir = resolve(typeof values.out === "string" ? values.out : ASSETS_DIR);
  const r = trainAndWrite(settings, outDir, values.quiet === true);
  const m = r.manifest.metrics;
  console.log(
    [
      `wrote ${outDir}/model.bin and model.json`,
      `sha256           ${r.manifest.weights.sha256}`,
      `train loss       ${m.finalTrainLoss.toFixed(4)}`,
      `validation loss  ${m.validationLoss.toFixed(4)}`,
      `probe accuracy   ${m.probeCorrect}/${m.probeCount} (${(100 * m.probeAccuracy).toFixed(1)}%)`,
      `copy probes      ${m.copyProbeCorrect}/${m.copyProbeCount} (${(100 * m.copyProbeAccuracy).toFixed(1)}%)`,
      ...[m.reference, m.copyReference].map((r) => `"${r.prompt}" -> "${r.token}" (p = ${r.p.toFixed(4)})`),
      `head roles       ${r.manifest.heads.filter((h) => h.role).map((h) => `layer ${h.layer} head ${h.head}: ${h.role}`).join(", ") || "none"}`,
      `throughput       ${r.tokensPerSecond.toFixed(0)} tokens/s (${r.seconds.toFixed(1)} s)`,
    ].join("\n"),
  );
  return 0;
}
