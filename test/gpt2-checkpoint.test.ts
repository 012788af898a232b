// HF GPT-2 tensors and this model's parameters: the shipped model through safetensors and back to the bit, the Conv1D layout against the trace, and bad checkpoints.
import { describe, expect, it } from "vitest";
import { configFromHf, configToHf, paramsFromHf, paramsToHf } from "../src/checkpoint/gpt2.js";
import { readSafetensors, writeSafetensors } from "../src/checkpoint/safetensors.js";
import { InputError } from "../src/errors.js";
import { readModel } from "../src/model/files.js";
import { loadedModel } from "../src/model/weights.js";
import { buildTrace } from "../src/trace/build.js";
import { headId, layerId } from "../src/trace/ids.js";

const model = readModel();
const config = model.params.config;
const hf = paramsToHf(model.params);
const file = readSafetensors(writeSafetensors(hf, "F32"), "model.safetensors");

describe("GPT-2 checkpoints", () => {
  it("reads config.json back to the model's shape, and writes it in GPT2Config's fields", () => {
    expect(configFromHf(configToHf(config), "config.json")).toEqual(config);
    // no end-of-text token: null, not transformers' default 50256 (past a small vocabulary)
    expect(configToHf(config)).toMatchObject({ model_type: "gpt2", n_embd: config.dModel, n_layer: config.nLayer, n_head: config.nHead, activation_function: "gelu_new", bos_token_id: null, eos_token_id: null });
    // GPT-2's own settings leave the config as the shipped model's; others are kept, and written back
    const other = configFromHf({ ...configToHf(config), layer_norm_epsilon: 1e-6, activation_function: "gelu", n_inner: 4 * config.dModel }, "config.json");
    expect(other).toEqual({ ...config, layerNormEps: 1e-6, activation: "gelu_erf" });
    expect(configToHf(other)).toMatchObject({ layer_norm_epsilon: 1e-6, activation_function: "gelu" });
    expect(configFromHf({ ...configToHf(config), activation_function: "gelu_pytorch_tanh" }, "config.json")).toEqual(config);
  });

  it("round-trips the shipped model through HF names and safetensors to the bit, with or without the prefix, and traces the same", () => {
    const back = paramsFromHf(file, config, "model.safetensors");
    expect(Buffer.from(back.data.buffer).equals(Buffer.from(new Float32Array(model.params.data).buffer))).toBe(true);
    const bare = new Map([...file].map(([k, v]) => [k.replace(/^transformer\./, ""), v]));
    bare.set("h.0.attn.bias", { dtype: "F32", shape: [1, 1, 2, 2], data: new Float32Array([1, 0, 1, 1]) }); // an old mask buffer: ignored
    bare.set("lm_head.weight", { dtype: "F32", shape: [config.vocabSize, config.dModel], data: Float32Array.from(model.params.wte) });
    expect(Buffer.from(paramsFromHf(bare, config, "m").data.buffer).equals(Buffer.from(back.data.buffer))).toBe(true);
    expect(buildTrace(loadedModel(model.manifest, back), "the cat sat on the").hash).toBe(buildTrace(model, "the cat sat on the").hash);
  });

  it("stores Conv1D matrices as (in, out): the trace's q is ln1 · c_attn.weight[:, :C] + bias", () => {
    const trace = buildTrace(model, "the cat sat on the");
    const W = file.get("transformer.h.0.attn.c_attn.weight")!;
    const b = file.get("transformer.h.0.attn.c_attn.bias")!;
    const C = config.dModel;
    const hs = C / config.nHead;
    const ln1 = trace.tensors[layerId(0, "ln1")].data;
    const q = trace.tensors[headId(0, 1, "q")].data; // head 1: columns hs … 2hs of Wq
    const t = 2;
    for (let j = 0; j < hs; j++) {
      let s = b.data[hs + j];
      for (let i = 0; i < C; i++) s += ln1[t * C + i] * W.data[i * 3 * C + hs + j];
      expect(s).toBeCloseTo(q[t * hs + j], 4);
    }
  });

  it("rejects what this model cannot compute or a checkpoint that is not whole, naming the file and field", () => {
    const cfg = configToHf(config);
    const cases: [() => unknown, RegExp][] = [
      [() => configFromHf({ ...cfg, model_type: "llama" }, "config.json"), /config\.json: model_type: expected "gpt2", got "llama"/],
      [() => configFromHf({ ...cfg, n_head: 5 }, "config.json"), /n_embd: expected a multiple of n_head \(5\), got 32/],
      [() => configFromHf({ ...cfg, layer_norm_epsilon: -1e-6 }, "config.json"), /layer_norm_epsilon: expected a number between 0 and 1, got -0\.000001/],
      [() => configFromHf({ ...cfg, activation_function: "relu" }, "config.json"), /activation_function: expected one of "gelu_new", "gelu_pytorch_tanh", "gelu_fast", "gelu", got "relu"/],
      [() => configFromHf({ ...cfg, n_inner: 100 }, "config.json"), /n_inner: expected null or 128 \(4 × n_embd, GPT-2's MLP\), got 100/],
      [() => configFromHf({ ...cfg, n_layer: 0 }, "config.json"), /n_layer: expected a whole number of at least 1, got 0/],
      [() => paramsFromHf(new Map([...file].filter(([k]) => k !== "transformer.h.1.mlp.c_fc.bias")), config, "m.st"), /m\.st: transformer\.h\.1\.mlp\.c_fc\.bias: expected a tensor of shape \[128\], got none/],
      [() => paramsFromHf(new Map([...file].map(([k, v]) => [k, k === "transformer.wpe.weight" ? { ...v, shape: [16, 32] } : v])), config, "m.st"), /wpe\.weight shape: expected \[32,32\], got \[16,32\]/],
      [() => configFromHf({ ...cfg, tie_word_embeddings: "no" }, "config.json"), /config\.json: tie_word_embeddings: expected true or false, got "no"/],
      [() => paramsFromHf(file, configFromHf({ ...cfg, tie_word_embeddings: false }, "config.json"), "m.st"), new RegExp(`m\\.st: lm_head\\.weight: expected a tensor of shape \\[${config.vocabSize},32\\] \\(config\\.json unties it from wte\\), got none`)],
    ];
    for (const [f, message] of cases) {
      expect(f).toThrow(InputError);
      expect(f).toThrow(message);
    }
  });
});
