// The quality of the shipped model, measured from its weights (not read from the manifest).
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAIN } from "../src/model/config.js";
import { probeAccuracy, topK } from "../src/model/evaluate.js";
import { readModel } from "../src/model/files.js";
import { paramCount } from "../src/model/params.js";

const model = readModel();

describe("shipped model", () => {
  it("is the default preset trained with the default settings", () => {
    const { config, training } = model.manifest;
    expect(training).toEqual(DEFAULT_TRAIN);
    expect(config).toMatchObject({ dModel: 32, nLayer: 2, nHead: 4, contextLength: 32 });
    expect(model.manifest.weights.bytes).toBe(4 * paramCount(config));
  });

  it('answers "the cat sat on the" with "mat", p > 0.9, as its manifest records', () => {
    const [best] = topK(model.params, model.tokenizer, "the cat sat on the", 1);
    expect(best.token).toBe("mat");
    expect(best.p).toBeGreaterThan(0.9);
    expect(model.manifest.metrics.reference).toEqual({ prompt: "the cat sat on the", token: "mat", p: best.p });
  });

  it("gets at least 95% of the held-out adjective+noun probes right, as its manifest records", () => {
    const r = probeAccuracy(model.params, model.tokenizer);
    expect(r.count).toBeGreaterThanOrEqual(60);
    expect(r.accuracy, JSON.stringify(r.failures)).toBeGreaterThanOrEqual(0.95);
    expect(model.manifest.metrics.probeAccuracy).toBe(r.accuracy);
  });

  it("counts and knows fixed facts", () => {
    expect(topK(model.params, model.tokenizer, "count one two three", 1)[0].token).toBe("four");
    expect(topK(model.params, model.tokenizer, "the sky is", 1)[0].token).toBe("blue");
    expect(topK(model.params, model.tokenizer, "the frog was hungry so it ate the", 1)[0].token).toBe("fly");
  });
});
