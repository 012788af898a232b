// The quality of the shipped model, measured from its weights (not read from the manifest).
import { describe, expect, it } from "vitest";
import { DEFAULT_TRAIN } from "../src/model/config.js";
import { COLOURS, copyProbeSet, THINGS } from "../src/model/corpus.js";
import { probeAccuracy, topK } from "../src/model/evaluate.js";
import { readModel } from "../src/model/files.js";
import { measureHeads, withoutHead } from "../src/model/heads.js";
import { paramCount, type Params } from "../src/model/params.js";

const model = readModel();
const top = (prompt: string) => topK(model.params, model.tokenizer, prompt, 1)[0];

describe("shipped model", () => {
  it("is the default preset trained with the default settings", () => {
    const { config, training } = model.manifest;
    expect(training).toEqual(DEFAULT_TRAIN);
    expect(config).toMatchObject({ dModel: 32, nLayer: 2, nHead: 4, contextLength: 32 });
    expect(model.manifest.weights.bytes).toBe(4 * paramCount(config));
  });

  it('answers "the cat sat on the" with "mat", p > 0.9, as its manifest records', () => {
    const best = top("the cat sat on the");
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

  it("copies: at least 95% of the held-out colour+thing probes, and the red kite with p > 0.9", () => {
    const r = probeAccuracy(model.params, model.tokenizer, copyProbeSet());
    expect(r.count).toBeGreaterThanOrEqual(64);
    expect(r.accuracy, JSON.stringify(r.failures)).toBeGreaterThanOrEqual(0.95);
    expect(model.manifest.metrics.copyProbeAccuracy).toBe(r.accuracy);
    const kite = top("anna has a red kite . anna likes the red");
    expect(kite.token).toBe("kite");
    expect(kite.p).toBeGreaterThan(0.9);
    expect(model.manifest.metrics.copyReference).toEqual({ prompt: "anna has a red kite . anna likes the red", token: "kite", p: kite.p });
  });

  it("copies whichever of several things the colour names", () => {
    const two = "ben has a blue car . ben has a pink hat . ben likes the";
    expect(top(`${two} blue`).token).toBe("car");
    expect(top(`${two} pink`).token).toBe("hat");
  });

  it("has an induction head in layer 1, and its manifest records the measured head scores", () => {
    const heads = measureHeads(model.params, model.tokenizer);
    expect(model.manifest.heads).toEqual(heads);
    const best = Math.max(...heads.filter((h) => h.layer === 1).map((h) => h.induction));
    expect(best).toBeGreaterThanOrEqual(0.5);
    expect(heads.some((h) => h.layer === 1 && h.role === "induction")).toBe(true);
  });

  it("copies through a circuit of three heads: without any one of them, most copies fail", () => {
    // ben has two or three coloured things, then likes the one whose colour the prompt ends with
    const probes: { prompt: string; answer: string }[] = [];
    for (let i = 0; i < 8; i++) {
      for (const k of [2, 3]) {
        const owned = Array.from({ length: k }, (_, j) => [COLOURS[(i + 3 * j) % 8], THINGS[(i + 5 * j + 1) % 8]]);
        const has = owned.map(([c, t]) => `ben has a ${c} ${t} .`).join(" ");
        owned.forEach(([c, t]) => probes.push({ prompt: `${has} ben likes the ${c}`, answer: t }));
      }
    }
    const accuracy = (p: Params) => probeAccuracy(p, model.tokenizer, probes).accuracy;
    expect(accuracy(model.params)).toBeGreaterThanOrEqual(0.95);
    const heads = model.manifest.heads;
    const roles = ["induction", "colour-binding", "copy-cue"];
    for (const role of roles) {
      const h = heads.find((x) => x.role === role);
      expect(h, role).toBeDefined();
      expect(accuracy(withoutHead(model.params, h!.layer, h!.head)), role).toBeLessThan(0.5);
    }
    for (const h of heads.filter((x) => x.role === null)) {
      expect(accuracy(withoutHead(model.params, h.layer, h.head)), `layer ${h.layer} head ${h.head}`).toBeGreaterThanOrEqual(0.75);
    }
  });

  it("counts and knows fixed facts", () => {
    expect(top("count one two three").token).toBe("four");
    expect(top("the sky is").token).toBe("blue");
    expect(top("the frog was hungry so it ate the").token).toBe("fly");
  });
});
