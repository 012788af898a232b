// Training is bit-for-bit reproducible: a short run reproduces a committed hash, without touching assets/.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAIN } from "../src/model/config.js";
import { learningRate } from "../src/model/train.js";
import { trainAndWrite } from "../src/cli/train.js";
import { sha256 } from "../src/util/sha256.js";
import { ROOT, listDir, tempDir } from "./helpers.js";

/** sha256 of the weights after 120 default-setting steps (changes whenever the ops change, deliberately). */
const SHORT_RUN_SHA256 = "bddf4c129acc6dffb00e92b774ba4a9cdc923d8e6a5644288e057f93a33af0f2";

describe("training", () => {
  it("warms up linearly, then decays linearly to minLearningRateRatio", () => {
    const t = DEFAULT_TRAIN;
    expect(learningRate(t, 0)).toBeCloseTo(t.learningRate / t.warmupSteps, 12);
    expect(learningRate(t, t.warmupSteps - 1)).toBeCloseTo(t.learningRate, 12);
    expect(learningRate(t, t.warmupSteps)).toBeCloseTo(t.learningRate, 12);
    expect(learningRate(t, t.steps - 1)).toBeCloseTo(t.learningRate * t.minLearningRateRatio, 12);
  });

  it("reproduces the committed weights hash after a short run, into a temporary folder only", () => {
    const shipped = join(ROOT, "assets/model.bin");
    const before = statSync(shipped).mtimeMs;
    const dir = tempDir();
    const run = trainAndWrite({ ...DEFAULT_TRAIN, steps: 120 }, dir, true);
    expect(listDir(dir)).toEqual(["model.bin", "model.json"]);
    const bytes = readFileSync(join(dir, "model.bin"));
    expect(sha256(bytes)).toBe(run.manifest.weights.sha256);
    expect(run.manifest.weights.sha256).toBe(SHORT_RUN_SHA256);
    expect(run.manifest.metrics.finalTrainLoss).toBeLessThan(2.5); // it learned something in 120 steps
    expect(statSync(shipped).mtimeMs).toBe(before);
  });
});
