// Presets and configs are zod-validated data.
import { describe, expect, it } from "vitest";
import { ModelConfigSchema, ModelShapeSchema, PRESETS } from "../src/model/config.js";
import { paramCount } from "../src/model/params.js";

describe("model config", () => {
  it("ships the default tiny preset from the issue: d_model 32, 2 layers, 4 heads, context 32", () => {
    expect(PRESETS.tiny).toEqual({ contextLength: 32, dModel: 32, nLayer: 2, nHead: 4 });
    expect(paramCount({ vocabSize: 114, ...PRESETS.tiny })).toBe(30144);
  });

  it("rejects shapes whose heads do not divide d_model, and unknown fields", () => {
    expect(() => ModelShapeSchema.parse({ contextLength: 8, dModel: 30, nLayer: 1, nHead: 4 })).toThrow(/dModel must be a multiple of nHead/);
    expect(() => ModelConfigSchema.parse({ vocabSize: 10, contextLength: 8, dModel: 8, nLayer: 1, nHead: 2, extra: 1 })).toThrow();
    expect(ModelConfigSchema.parse({ vocabSize: 10, contextLength: 8, dModel: 8, nLayer: 1, nHead: 2 }).dModel).toBe(8);
  });
});
