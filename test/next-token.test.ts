// NextTokenLoop: every step a real forward pass, greedy or seeded sampling, stops at "." and a full context; its beats, record and frames.
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { videoCues } from "../src/engine/cues.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { layoutNextToken, paneShape, type NextTokenContext } from "../src/explainers/next-token/context.js";
import { NextTokenLoop } from "../src/explainers/next-token/explainer.js";
import { generate, PERIOD } from "../src/explainers/next-token/generate.js";
import type { NextTokenProps } from "../src/explainers/next-token/props.js";
import { readModel } from "../src/model/files.js";
import { layerId } from "../src/trace/ids.js";
import { buildTrace } from "../src/trace/build.js";
import { cueProblems } from "./facts-check.js";
import { expectTrueColours } from "./truth.js";

const model = readModel();
const C = model.params.config.dModel;
const contextLength = model.params.config.contextLength;
const props = (p: Partial<NextTokenProps> = {}) => NextTokenLoop.parse(p);
const context = (p: Partial<NextTokenProps> = {}): NextTokenContext => NextTokenLoop.context(props(p), model);
/** A prompt of 28 tokens: four steps fill the context of 32. */
const LONG = "the dog sat on the mat . the cat sat on the rug . the cow ate the hay . the pig has a hat . the duck";
/** A prompt the model is unsure about, so that sampling can differ from greedy. */
const OPEN = "the dog likes";

describe("NextTokenLoop generation", () => {
  it("writes, at each greedy step, the argmax of a real forward pass over the text so far", () => {
    const g = generate(model, props());
    expect(g.steps.length).toBeGreaterThan(0);
    const text = [...g.prompt];
    g.steps.forEach((st) => {
      const trace = buildTrace(model, text.join(" "), 5);
      expect(st.input).toEqual(trace.tokens);
      expect(st.token).toBe(trace.next.token);
      expect(st.p).toBe(trace.next.p);
      expect(st.hash).toBe(trace.hash);
      expect(st.topk).toEqual(trace.topk);
      const T = trace.tokens.length;
      for (let l = 0; l < model.params.config.nLayer; l++) expect(st.rows.resid2[l]).toEqual(trace.tensors[layerId(l, "resid2")].data.slice((T - 1) * C, T * C));
      text.push(st.token);
    });
    expect(g.text).toEqual(text);
  });

  it("stops after a \".\": the default prompt writes “sat on the mat .”", () => {
    const g = generate(model, props({ steps: 8 }));
    expect(g.stop).toBe("period");
    expect(g.steps.at(-1)!.token).toBe(PERIOD);
    expect(g.steps.slice(0, -1).every((s) => s.token !== PERIOD)).toBe(true);
    expect(g.steps.map((s) => s.token).join(" ")).toBe("sat on the mat .");
  });

  it("stops once the text fills the model's context", () => {
    const g = generate(model, props({ prompt: LONG, steps: 8 }));
    expect(g.prompt.length).toBe(28);
    expect(g.stop).toBe("context");
    expect(g.text.length).toBe(contextLength);
    expect(g.steps.length).toBe(contextLength - 28);
    expect(() => generate(model, props({ prompt: `${LONG} was hungry so it` }))).toThrow(/^props\.prompt: expected at most 31 tokens/);
  });

  it("writes at most `steps` tokens", () => {
    const g = generate(model, props({ steps: 2 }));
    expect(g.stop).toBe("steps");
    expect(g.steps.map((s) => s.token)).toEqual(["sat", "on"]);
  });

  it("samples with the seeded PRNG: the same props give the same text, and some seed differs from greedy", () => {
    const greedy = generate(model, props({ prompt: OPEN, steps: 4 })).text.join(" ");
    const texts = [0, 1, 2, 3].map((seed) => generate(model, props({ prompt: OPEN, steps: 4, temperature: 1, seed })));
    texts.forEach((g, seed) => {
      expect(g.sampled).toBe(true);
      expect(generate(model, props({ prompt: OPEN, steps: 4, temperature: 1, seed })).text).toEqual(g.text);
    });
    expect(texts.some((g) => g.text.join(" ") !== greedy)).toBe(true);
    // each sampled token is the model's own: its p is that step's probability
    for (const g of texts) {
      const text = [...g.prompt];
      for (const st of g.steps) {
        const trace = buildTrace(model, text.join(" "), 5);
        expect(st.p).toBe(trace.tensors.probs.data[(trace.tokens.length - 1) * model.params.config.vocabSize + st.id]);
        text.push(st.token);
      }
    }
  });
});

describe("NextTokenLoop props", () => {
  it("rejects steps outside 1–8 and a negative temperature, naming the field", () => {
    for (const [json, field] of [[{ steps: 0 }, "props.steps"], [{ steps: 9 }, "props.steps"], [{ temperature: -1 }, "props.temperature"], [{ topK: 11 }, "props.topK"]] as const) {
      let err: unknown;
      try {
        NextTokenLoop.parse(json);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(json)).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe(field);
    }
    expect(() => NextTokenLoop.parse({ steps: 9 })).toThrow("props.steps: expected an integer from 1 to 8, got 9");
    expect(() => NextTokenLoop.parse({ temperature: -1 })).toThrow("props.temperature: expected a number from 0 (greedy) to 2, got -1");
  });
});

describe("NextTokenLoop video", () => {
  const ctx = context({ captions: "en" });
  const tl = ctx.timeline;
  const beat = (id: string) => tl.beats.find((b) => b.id === id)!;
  const last = (id: string) => beat(id).from + beat(id).durationInFrames - 1;

  it("has a beat per step written, the first twice as long as the others", () => {
    const n = ctx.gen.steps.length;
    expect(tl.beats.map((b) => b.id)).toEqual(["prompt", ...Array.from({ length: n }, (_, k) => `step${k}`), "result"]);
    expect(beat("step0").durationInFrames).toBe(2 * beat("step1").durationInFrames);
    const short = context({ steps: 8, prompt: LONG });
    expect(short.timeline.beats.map((b) => b.id)).toEqual(["prompt", "step0", "step1", "step2", "step3", "result"]);
    // the result beat takes the time of the steps not needed
    const sb = short.timeline.beats;
    expect(sb.at(-1)!.durationInFrames).toBeGreaterThan(sb[2].durationInFrames * 4);
  });

  it("records every step's token, probability and trace hash", () => {
    const record = NextTokenLoop.record!(ctx) as { steps: { token: string; p: number; traceHash: string }[] };
    expect(record.steps.map((s) => s.token)).toEqual(["sat", "on", "the", "mat", "."]);
    record.steps.forEach((s, k) => {
      expect(s.p).toBe(ctx.gen.steps[k].p);
      expect(s.traceHash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(new Set(record.steps.map((s) => s.traceHash)).size).toBe(record.steps.length);
    expect(NextTokenLoop.traceHash(ctx)).toBe(record.steps[0].traceHash);
    expect(record.steps[0].traceHash).toBe(buildTrace(model, "the cat was tired so it", 5).hash);
  });

  it("lights each step's last-position residual stream in its real colours, and raises its real bars", () => {
    for (let k = 0; k < ctx.gen.steps.length; k++) {
      const s = sceneStateAt(NextTokenLoop, ctx, last(`step${k}`));
      const panes = s.blocks.filter((b) => b.id.startsWith(`step${k}.pane`));
      expect(panes.map((b) => b.tensor)).toEqual([`step${k}.x0`, `step${k}.l0.resid2`, `step${k}.l1.resid2`]);
      for (const b of panes) {
        expect(b.count).toBe(C);
        expectTrueColours(ctx, b);
      }
      const bars = s.blocks.find((b) => b.id === `step${k}.bars`)!;
      expect(bars.tensor).toBe(`step${k}.probs`);
      expectTrueColours(ctx, bars);
      expect(Array.from(bars.index)).toEqual(ctx.gen.steps[k].topk.map((t) => t.id));
      const words = s.labels.map((l) => l.text);
      for (const t of ctx.gen.steps[k].topk) expect(words).toContain(t.token);
    }
  });

  it("grows the row by one token a step and shows the whole text at the end", () => {
    const g = ctx.gen;
    for (let k = 0; k < g.steps.length; k++) {
      const s = sceneStateAt(NextTokenLoop, ctx, beat(`step${k}`).from + 1);
      const cubes = s.blocks.filter((b) => b.id.startsWith("row.")).reduce((a, b) => a + b.count, 0);
      expect(cubes).toBe(g.prompt.length + k);
    }
    const mid = sceneStateAt(NextTokenLoop, ctx, beat("result").from + Math.floor(beat("result").durationInFrames / 2));
    expect(mid.blocks.find((b) => b.id === "row.written")!.count).toBe(g.steps.length);
    const first = sceneStateAt(NextTokenLoop, ctx, beat("result").from + 3);
    expect(first.caption!.parts.map((p) => p.text).join("")).toContain(g.text.join(" "));
  });

  it("captions each step with that step's facts: the last word it reads, then (as the bars rise) its word and the runner-up", () => {
    for (const lang of ["en", "zh"] as const) {
      const c = context({ captions: lang });
      const at = (frame: number) => sceneStateAt(NextTokenLoop, c, frame).caption!.parts.map((p) => p.text).join("");
      c.gen.steps.forEach((st, k) => {
        expect(at(beat(`step${k}`).from + 5)).toContain(`“${st.input.at(-1)}”`);
        const bars = at(Math.ceil(c.timeline.clips[`step${k}.bars`].start) + 2);
        expect(bars).toContain(`“${st.token}”`);
        expect(bars).toContain(`“${c.steps[k].other!.token}”`);
      });
    }
  });

  it("states only facts of the trace when it samples, and when the context fills", () => {
    for (const p of [{ prompt: OPEN, steps: 4, temperature: 1, seed: 0 }, { prompt: LONG, steps: 8 }]) {
      for (const lang of ["en", "zh"] as const) {
        const c = context({ ...p, captions: lang });
        const cues = videoCues(c, lang);
        expect(cueProblems(cues, { tensors: c.tensors, words: c.words, model })).toEqual([]);
        // the last step's word and its probability are stated as it is chosen
        const k = c.gen.steps.length - 1;
        const pick = cues.find((q) => q.beat === `step${k}` && q.text.includes(`“${c.gen.steps[k].token}”`))!;
        expect(pick.parts.some((part) => part.claim?.kind === "value")).toBe(true);
      }
    }
  });

  it("shows labels at a readable size in the step beats", async () => {
    const { labelOnScreen } = await import("../src/engine/screen.js");
    for (let k = 0; k < ctx.gen.steps.length; k++) {
      const s = sceneStateAt(NextTokenLoop, ctx, last(`step${k}`));
      for (const l of s.labels) {
        const p = labelOnScreen(l, s.camera, 1920, 1080);
        if (p && l.opacity > 0.5) expect(p.fontPx, `${l.text} in step${k}`).toBeGreaterThanOrEqual(20);
      }
    }
  });

  it("names every word it can show in shownText", () => {
    const text = NextTokenLoop.shownText(ctx);
    for (const w of [...ctx.gen.text, ...ctx.steps.flatMap((s) => s.bars.map((b) => b.token))]) expect(text).toContain(w);
  });
});

describe("NextTokenLoop tower", () => {
  const o = { T0: 6, n: 5, barCount: 5, wordLength: 5, barWordLength: 5 };
  it("keeps the built-in model's panes twice as wide as tall, and stacks a deep model's as flat panes", () => {
    expect(paneShape({ ...o, C: 64, nLayer: 4, aspect: 16 / 9 })).toEqual({ cols: 12, rows: 6, gap: 1.1 });
    // GPT-2 small's 12 layers through a 48-dim window: a stack of 13 rods of 48 in landscape, two rows of 24 on a tall frame
    expect(paneShape({ ...o, C: 48, nLayer: 12, aspect: 16 / 9 })).toEqual({ cols: 48, rows: 1, gap: 0.5 });
    expect(paneShape({ ...o, C: 48, nLayer: 12, aspect: 9 / 16 })).toEqual({ cols: 24, rows: 2, gap: 0.5 });
    expect(paneShape({ ...o, C: 48, nLayer: 6, aspect: 16 / 9 })).toEqual({ cols: 24, rows: 2, gap: 1.1 });
    for (const nLayer of [5, 12, 24, 48]) {
      for (const aspect of [16 / 9, 9 / 16]) {
        const shape = paneShape({ ...o, C: 48, nLayer, aspect });
        expect(shape.cols * shape.rows, `${nLayer} layers`).toBeGreaterThanOrEqual(48);
        expect(shape.cols * (shape.rows - 1), `${nLayer} layers: no empty row`).toBeLessThan(48);
        const layout = layoutNextToken({ ...o, C: 48, nLayer, aspect });
        expect(layout.panes).toHaveLength(nLayer + 1);
        // the panes stand one over another, apart
        for (let l = 1; l < layout.panes.length; l++) {
          const [a, b] = [layout.panes[l - 1], layout.panes[l]];
          expect(b.center[1] - b.size[1] / 2).toBeGreaterThan(a.center[1] + a.size[1] / 2);
        }
      }
    }
    // 13 panes of 10 × 5 would stand 90 units tall; as rods, 36
    expect(layoutNextToken({ ...o, C: 48, nLayer: 12, aspect: 16 / 9 }).towerTop).toBeCloseTo(1.2 + 13 * 1.9 + 12 * 0.5, 9);
  });
});
