// Every explainer drawn from a user's checkpoint: built in node through a recording, replayed from its tape (as a render tab does) frame for frame, and a wide model drawn through windows.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckpoint } from "../src/checkpoint/load.js";
import { parseForModel } from "../src/engine/props.js";
import { hashScene } from "../src/engine/scene-hash.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { videoCues } from "../src/engine/cues.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { recording, replaying, TapeSchema } from "../src/model/tape.js";
import { makeCheckpoint } from "./checkpoint-fixture.js";
import { tempDir } from "./helpers.js";
import { expectTrueColours } from "./truth.js";
import { BAR_MAX_HEIGHT } from "../src/explainers/llm/layout.js";
import { fmtP } from "../src/engine/facts.js";
import { labelOnScreen, labelRect } from "../src/engine/screen.js";
import { cueProblems } from "./facts-check.js";
import type { LoadedModel } from "../src/model/weights.js";
import type { LlmContext } from "../src/explainers/llm/context.js";
import type { NextTokenContext } from "../src/explainers/next-token/context.js";
import type { MatMulContext } from "../src/explainers/matmul/context.js";
import type { AttentionContext } from "../src/explainers/attention-head/context.js";

const root = tempDir("abacus-ckpt-ex-");
const ckpt = loadCheckpoint(makeCheckpoint(join(root, "tiny")));
const PROMPT = "The cat sat on the mat. The dog";
// wider than the explainers draw whole, with a vocabulary (padded past the tokenizer's 407 words) that the trace keeps as each position's top k
const wide = loadCheckpoint(makeCheckpoint(join(root, "wide"), { dModel: 128, nHead: 4, vocabSize: 1500 }));

describe("explainers from a checkpoint", () => {
  for (const ex of EXPLAINERS) {
    it(`${ex.id}: builds from the checkpoint, and its tape replays the same frames and captions without the weights`, () => {
      const props = parseForModel(ex.parse, { prompt: PROMPT, captions: "en", durationInSeconds: 8 });
      const rec = recording(ckpt);
      const live = ex.context(props, rec.source);
      const tape = TapeSchema.parse(JSON.parse(JSON.stringify(rec.tape())));
      expect(tape.traces.length).toBeGreaterThanOrEqual(1);
      const again = ex.context(props, replaying(tape));
      const total = live.timeline.durationInFrames;
      for (const f of [0, Math.floor(total / 3), Math.floor((2 * total) / 3), total - 1]) {
        expect(hashScene(sceneStateAt(ex, again, f)), `frame ${f}`).toBe(hashScene(sceneStateAt(ex, live, f)));
      }
      expect(videoCues(again, "en")).toEqual(videoCues(live, "en"));
      // the captions state facts of this model's trace, as the checker computes them again
      for (const lang of ["en", "zh"] as const) {
        const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, captions: lang, durationInSeconds: 8 }), ckpt);
        expect(cueProblems(videoCues(c, lang), { tensors: c.tensors, words: c.words, model: ckpt as unknown as LoadedModel }), lang).toEqual([]);
      }
      expect(ex.traceHash(again)).toBe(ex.traceHash(live));
      // the words on screen are the tokenizer's, spaces kept: " cat", not the built-in "cat"
      expect(live.words.tokens.slice(0, 3).join("")).toBe(PROMPT.slice(0, live.words.tokens.slice(0, 3).join("").length));
    });
  }

  it("LLMExplainer draws a wide model through a window (48 of its 128 dimensions, those the tokens differ in most, named in the record) and a large vocabulary's top k", () => {
    const ex = EXPLAINERS.find((e) => e.id === "LLMExplainer")!;
    const ctx = ex.context(parseForModel(ex.parse, { prompt: PROMPT, focusLayer: 1, focusHead: 2 }), wide) as LlmContext;
    const T = ctx.trace.tokens.length;
    // the window, computed again here: the 48 columns of l1.resid2 with the largest variance over the tokens
    const variance = (id: string, W: number, from = 0, n = W) => Array.from({ length: n }, (_, i) => {
      const col = Array.from({ length: T }, (_, t) => ctx.trace.tensors[id].data[t * W + from + i]);
      const mean = col.reduce((x, y) => x + y, 0) / T;
      return col.reduce((x, y) => x + (y - mean) ** 2, 0) / T;
    });
    const top = (v: number[], n: number, from = 0) => v.map((x, i) => [x, i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]).slice(0, n).map(([, i]) => from + i).sort((p, q) => p - q);
    const { windows } = ctx.layout;
    expect(windows.model).toEqual({ dims: top(variance("l1.resid2", 128), 48), of: 128 });
    expect(windows.hidden).toEqual({ dims: top(variance("l1.fc", 512), 192), of: 512 });
    const headVar = ["q", "k", "v"].map((n) => variance(`l1.h2.${n}`, 32));
    expect(windows.head).toEqual({ dims: top(headVar[0].map((x, i) => x + headVar[1][i] + headVar[2][i]), 16), of: 32 });
    expect([ctx.layout.C, ctx.layout.headSize, ctx.layout.hidden]).toEqual([48, 16, 192]);
    const record = ex.record!(ctx) as { windows: Record<string, { dims: number[]; of: number; why: string }> };
    expect(Object.keys(record.windows)).toEqual(["model", "hidden", "head"]);
    expect(record.windows.model.dims).toEqual(windows.model.dims);
    expect(record.windows.model.why).toMatch(/differ most/);
    // every column shows the window's dimensions, row j the j-th of them, in its true colours
    const f = ctx.timeline.beats.find((b) => b.id === "mlp")!;
    const state = sceneStateAt(ex, ctx, f.from + f.durationInFrames - 1);
    const wanted: Record<string, { W: number; dims: number[] }> = {
      x0: { W: 128, dims: windows.model.dims }, resid1: { W: 128, dims: windows.model.dims }, resid2: { W: 128, dims: windows.model.dims },
      q: { W: 32, dims: windows.head.dims }, gelu: { W: 512, dims: windows.hidden.dims },
    };
    for (const [id, { W, dims }] of Object.entries(wanted)) {
      const b = state.blocks.find((x) => x.id === id)!;
      expect(b.count, id).toBe(T * dims.length);
      for (let k = 0; k < b.count; k++) expect(b.index[k] % W, `${id} cube ${k}`).toBe(dims[k % dims.length]);
      expectTrueColours(ctx, b);
    }
    expect(state.labels.find((l) => l.id.endsWith(".hidden"))?.text).toBe("192 of 512 dims");
    for (const lang of ["en", "zh"] as const) {
      const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, captions: lang, focusLayer: 1, focusHead: 2 }), wide);
      const cues = videoCues(c, lang);
      expect(cueProblems(cues, { tensors: c.tensors, words: c.words, model: wide as unknown as LoadedModel }), lang).toEqual([]);
      expect(cues.map((q) => q.parts.map((p) => p.text).join("")).join("\n"), lang).toMatch(lang === "en" ? /a vector of 128 numbers, 48 of them drawn/ : /128 个数字（画出其中 48 个）/);
    }
    // the output beat: bars of the top k that the trace keeps, in their true colours, the caption naming all 1500 words
    expect(ctx.trace.vocabTop).toBeDefined();
    const out = ctx.timeline.beats.find((x) => x.id === "output")!;
    const bars = sceneStateAt(ex, ctx, out.from + out.durationInFrames - 1).blocks.find((x) => x.id === "bars")!;
    expect(bars.tensor).toBe("top.probs");
    expect(Array.from(bars.index)).toEqual(ctx.trace.topk.map((_, k) => (T - 1) * ctx.trace.vocabTop!.k + k));
    expectTrueColours(ctx, bars);
    const heights = ctx.trace.topk.map((_, k) => bars.scales[3 * k + 1]);
    ctx.trace.topk.forEach((tk, k) => expect(heights[k]).toBeCloseTo(BAR_MAX_HEIGHT * tk.p, 2));
    const words = videoCues(ex.context(parseForModel(ex.parse, { prompt: PROMPT, captions: "en" }), wide), "en").map((q) => q.parts.map((p) => p.text).join(""));
    expect(words).toContain("The last vector scores all 1500 words of the vocabulary (logits)");
    expect(words.find((w) => w.startsWith("The model picks"))).toBe(`The model picks “${ctx.trace.next.token}”, probability ${fmtP(ctx.trace.next.p)}`);
    const x0 = state.blocks.find((x) => x.id === "x0")!;
    const ys = Array.from({ length: 48 }, (_, j) => x0.positions[3 * j + 1]);
    expect(ys[47] - ys[0]).toBeCloseTo(47, 5);
  });

  it("AttentionHead draws a wide head through a window (16 of its 32 dims, where q, k and v vary most), its captions true", () => {
    const ex = EXPLAINERS.find((e) => e.id === "AttentionHead")!;
    for (const lang of ["en", "zh"] as const) {
      const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, captions: lang, layer: 1, head: 3 }), wide) as AttentionContext;
      expect(cueProblems(videoCues(c, lang), { tensors: c.tensors, words: c.words, model: wide as unknown as LoadedModel }), lang).toEqual([]);
      expect(videoCues(c, lang).map((q) => q.parts.map((x) => x.text).join("")).join("\n"), lang).toMatch(lang === "en"
        ? /of 32 numbers, 16 of them drawn[^]*32 numbers, 16 of them drawn, is scaled/
        : /各 32 个数（画出其中 16 个）[^]*有 32 个数（画出其中 16 个），按它的权重缩放/);
      // the window, computed again: the 16 dims with the largest summed variance of q, k and v over the tokens
      const T = c.trace.tokens.length;
      const variance = (id: string, i: number) => {
        const col = Array.from({ length: T }, (_, t) => c.tensors[id].data[t * 32 + i]);
        const mean = col.reduce((x, y) => x + y, 0) / T;
        return col.reduce((x, y) => x + (y - mean) ** 2, 0) / T;
      };
      const spread = Array.from({ length: 32 }, (_, i) => ["q", "k", "v"].reduce((sum, n) => sum + variance(`l1.h3.${n}`, i), 0));
      const dims = spread.map((v, i) => [v, i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]).slice(0, 16).map(([, i]) => i).sort((p, q) => p - q);
      expect(c.focus.window).toEqual({ dims, of: 32 });
      expect((ex.record!(c) as { windows: { head: { dims: number[] } } }).windows.head.dims).toEqual(dims);
      const b = c.timeline.beats.find((x: { id: string }) => x.id === "scores")!;
      const state = sceneStateAt(ex, c, b.from + b.durationInFrames - 1);
      const keys = state.blocks.filter((x) => x.tensor === "l1.h3.k");
      expect(keys.length, lang).toBeGreaterThan(0);
      for (const k of keys) {
        expect(k.count).toBe(16);
        const t = Math.floor(k.index[0] / 32);
        expect(Array.from(k.index)).toEqual(dims.map((i) => t * 32 + i));
        expectTrueColours(c, k);
      }
      expect(state.labels.find((l) => l.id === "window.k")?.text).toBe(lang === "en" ? "16 of 32 dims" : "32 维中的 16 维");
      // the head's output column: its slice of attY through the same window
      const m = c.timeline.beats.find((x: { id: string }) => x.id === "mix")!;
      const out = sceneStateAt(ex, c, m.from + m.durationInFrames - 1).blocks.find((x) => x.id === "output")!;
      expect(Array.from(out.index)).toEqual(dims.map((i) => (T - 1) * 128 + 3 * 32 + i));
    }
  });

  it("NextTokenLoop writes greedily from a wide model with a large vocabulary: panes through a window, bars and captions from each step's top k", () => {
    const ex = EXPLAINERS.find((e) => e.id === "NextTokenLoop")!;
    for (const lang of ["en", "zh"] as const) {
      const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, captions: lang, steps: 3 }), wide) as NextTokenContext;
      expect(cueProblems(videoCues(c, lang), { tensors: c.tensors, words: c.words, model: wide as unknown as LoadedModel }), lang).toEqual([]);
      expect(c.window.dims).toHaveLength(48);
      expect(videoCues(c, lang).map((q) => q.parts.map((x) => x.text).join("")).join("\n"), lang).toMatch(lang === "en" ? /is a vector of 128 numbers, 48 of them drawn; each layer changes it/ : /有 128 个数的向量（画出其中 48 个），每一层都改变它/);
      expect(c.window.of).toBe(128);
      expect((ex.record!(c) as { windows: { stream: { dims: number[] } } }).windows.stream.dims).toEqual(c.window.dims);
      // each step writes its trace's most likely word, the first of its top k
      c.gen.steps.forEach((st, k) => {
        expect(st.id).toBe(st.rows.probIds![0]);
        expect(st.p).toBe(st.rows.probs[0]);
        expect(c.steps[k].other!.id).toBe(st.rows.probIds![1]);
      });
      for (const b of c.timeline.beats.filter((x) => x.id.startsWith("step"))) {
        const state = sceneStateAt(ex, c, b.from + b.durationInFrames - 1);
        for (const blk of state.blocks.filter((x) => x.tensor !== null && x.opacity > 0.05)) expectTrueColours(c, blk, false);
        const pane = state.blocks.find((x) => x.id.endsWith(".pane1"));
        if (pane) for (let q = 0; q < pane.count; q++) expect(pane.index[q]).toBe(c.window.dims[q]);
      }
    }
    expect(() => ex.context(parseForModel(ex.parse, { prompt: PROMPT, temperature: 0.8 }), wide)).toThrow(/props\.temperature: expected 0 \(greedy\) for a vocabulary above 1024 words .*got 0\.8/);
  });

  it("MatMulAbacus draws a wide model's product through windows: the 48 inputs whose products are largest, the first 16 rods, a sum that adds the rest", () => {
    const ex = EXPLAINERS.find((e) => e.id === "MatMulAbacus")!;
    const json = { prompt: PROMPT, layer: 1, head: 3, operand: "k", token: 4 };
    for (const lang of ["en", "zh"] as const) {
      const c = ex.context(parseForModel(ex.parse, { ...json, captions: lang }), wide) as MatMulContext;
      expect(cueProblems(videoCues(c, lang), { tensors: c.tensors, words: c.words, model: wide as unknown as LoadedModel }), lang).toEqual([]);
      expect(videoCues(c, lang).map((q) => q.parts.map((x) => x.text).join("")).join("\n"), lang).toMatch(lang === "en"
        ? /\(128 numbers, 48 of them drawn as beads\)[^]*rows of 128 \(the first 16 drawn\)[^]*the first 16 of its 32 cells[^]*48 of its 128 products drawn[^]*Plus the other 80 products, -?\d+\.\d{3}, and the bias[^]*down all 32 rods \(16 drawn\)/
        : /128 个数，画出其中 48 颗珠子[^]*画出前 16 行[^]*32 个格子中的前 16 个[^]*128 个乘积中画出 48 个[^]*其余 80 个乘积之和/);
    }
    const c = ex.context(parseForModel(ex.parse, json), wide) as MatMulContext;
    const pr = c.product;
    expect([pr.C, pr.hs]).toEqual([128, 32]);
    const x = c.tensors["l1.ln1"].data.slice(4 * 128, 5 * 128);
    const W = c.tensors[pr.ids.W].data;
    // the window, computed again: the 48 inputs with the largest Σ over the first 16 rods of |x_i · W_ji|
    const score = Array.from({ length: 128 }, (_, i) => Array.from({ length: 16 }, (_, j) => Math.abs(x[i] * W[j * 128 + i])).reduce((p, q) => p + q, 0));
    const dims = score.map((v, i) => [v, i] as const).sort((p, q) => q[0] - p[0] || p[1] - q[1]).slice(0, 48).map(([, i]) => i).sort((p, q) => p - q);
    expect(pr.window.inputs).toEqual({ dims, of: 128 });
    expect(pr.window.rods).toEqual({ dims: Array.from({ length: 16 }, (_, j) => j), of: 32 });
    const out = c.tensors[pr.ids.out].data;
    for (let j = 0; j < 32; j++) {
      const rest = x.reduce((s, v, i) => (dims.includes(i) ? s : s + v * W[j * 128 + i]), 0);
      expect(pr.rest[j]).toBeCloseTo(rest, 9);
      expect(pr.partial[j]).toHaveLength(48);
      // the products drawn, the others and the bias make the trace's k, to float32's precision
      expect(pr.partial[j][47] + pr.rest[j] + c.tensors[pr.ids.b].data[j]).toBeCloseTo(out[4 * 32 + j], 4);
    }
    const record = ex.record!(c) as { windows: Record<string, { dims: number[]; of: number }> };
    expect(record.windows.inputs.dims).toEqual(dims);
    expect(record.windows.rods.of).toBe(32);
    // the beads and the rods show the window's inputs, rod j row j, in their true colours; the sum adds the 80 others
    const dot = c.timeline.beats.find((b) => b.id === "dot")!;
    const state = sceneStateAt(ex, c, dot.from + dot.durationInFrames - 1);
    const beads = state.blocks.find((b) => b.id === "x")!;
    expect(Array.from(beads.index)).toEqual(dims.map((i) => 4 * 128 + i));
    const rods = state.blocks.find((b) => b.id === "W")!;
    expect(Array.from(rods.index)).toEqual(Array.from({ length: 16 }, (_, j) => dims.map((i) => j * 128 + i)).flat());
    for (const b of [beads, rods]) expectTrueColours(c, b);
    const sum = state.labels.find((l) => l.id === "sum")!.text;
    const three = (v: number) => (Math.abs(v) < 0.0005 ? 0 : v).toFixed(3);
    expect(sum).toBe(`Σ + 80 more + b = ${three(pr.partial[0][47])} + ${three(pr.rest[0])} + ${three(c.tensors[pr.ids.b].data[0])} = ${three(pr.value[0])}`);
    expect(state.labels.find((l) => l.id === "window.rods")?.text).toBe("16 of 32 rows");
  });

  it("NextTokenLoop draws a 12-layer model's tower as 13 rods, each pane named legibly", () => {
    const deep = loadCheckpoint(makeCheckpoint(join(root, "deep"), { dModel: 128, nHead: 4, nLayer: 12 }));
    const ex = EXPLAINERS.find((e) => e.id === "NextTokenLoop")!;
    const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, steps: 2 }), deep) as NextTokenContext;
    expect(c.layout.panes).toHaveLength(13);
    expect([c.layout.cols, c.layout.panes[0].grid.rows]).toEqual([48, 1]);
    const b = c.timeline.beats.find((x) => x.id === "step1")!;
    const state = sceneStateAt(ex, c, b.from + b.durationInFrames - 1);
    // the names stand one over another: none is faded as crowded, each drawn at a readable size
    for (let l = 0; l < 13; l++) {
      const name = state.labels.find((x) => x.id === `pane.${l}`)!;
      expect(name.opacity, name.text).toBeGreaterThan(0.95);
      expect(labelOnScreen(name, state.camera, 1920, 1080)?.fontPx, name.text).toBeGreaterThanOrEqual(20);
    }
    expect(state.labels.find((x) => x.id === "pane.12")!.text).toBe("layer 11");
  });

  it("LLMExplainer names every k-th box of a 24-layer model's depth beat, each drawn and clear of the next", () => {
    const deep24 = loadCheckpoint(makeCheckpoint(join(root, "deep24"), { nLayer: 24 }));
    const ex = EXPLAINERS.find((e) => e.id === "LLMExplainer")!;
    for (const [width, height] of [[1920, 1080], [1080, 1920]] as const) {
      const c = ex.context(parseForModel(ex.parse, { prompt: PROMPT, width, height }), deep24) as LlmContext;
      const b = c.timeline.beats.find((x) => x.id === "depth")!;
      const state = sceneStateAt(ex, c, b.from + b.durationInFrames - 1);
      const names = state.labels.filter((l) => /^label\.layer\d+$/.test(l.id));
      const every = Number(names[1].id.slice("label.layer".length));
      expect(names.map((l) => l.text)).toEqual(Array.from({ length: Math.ceil(24 / every) }, (_, k) => `layer ${k * every}`));
      expect(every, `${width}x${height}`).toBeGreaterThan(1);
      const rects = names.map((l) => {
        const p = labelOnScreen(l, state.camera, width, height);
        expect(p, l.text).not.toBeNull();
        return labelRect(l, p!);
      });
      for (let k = 1; k < rects.length; k++) expect(rects[k].x0, `${names[k].text} clear of ${names[k - 1].text}`).toBeGreaterThan(rects[k - 1].x1);
    }
    // the built-in model's two layers are both named, at the note size
    const builtIn = ex.context(ex.parse({}), ckpt) as LlmContext;
    const b = builtIn.timeline.beats.find((x) => x.id === "depth")!;
    expect(sceneStateAt(ex, builtIn, b.from + b.durationInFrames - 1).labels.filter((l) => /^label\.layer\d+$/.test(l.id)).map((l) => [l.text, l.size])).toEqual([["layer 0", 0.75], ["layer 1", 0.75]]);
  });

  it("bad props are refused as before", () => {
    const ex = EXPLAINERS[0];
    expect(() => parseForModel(ex.parse, { prompt: "" })).toThrow(/props\.prompt: expected some text for the model's tokenizer, got ""/);
    expect(() => parseForModel(ex.parse, { prompt: PROMPT, modelTape: "../x.json" })).toThrow(/props\.modelTape: expected abacus-tapes\/<16 hex digits>\.json/);
    expect(() => parseForModel(ex.parse, { prompt: PROMPT, fps: 7 })).toThrow(/props\.fps: expected an integer from 10 to 120, got 7/);
  });
});
