// Keeps the shipped weights honest: retraining with the default settings gives byte-identical files.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAIN } from "../src/model/config.js";
import { trainAndWrite } from "../src/cli/train.js";
import { ROOT, tempDir } from "./helpers.js";

describe("shipped weights", () => {
  it("equal a fresh `abacus train` with default settings (sha256 and manifest)", () => {
    const dir = tempDir();
    const run = trainAndWrite(DEFAULT_TRAIN, dir, true);
    const shipped = JSON.parse(readFileSync(join(ROOT, "assets/model.json"), "utf8"));
    expect(run.manifest.weights.sha256).toBe(shipped.weights.sha256);
    expect(readFileSync(join(dir, "model.bin")).equals(readFileSync(join(ROOT, "assets/model.bin")))).toBe(true);
    expect(readFileSync(join(dir, "model.json"), "utf8")).toBe(readFileSync(join(ROOT, "assets/model.json"), "utf8"));
  }, 900_000);
});
