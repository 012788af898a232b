// LLMExplainer's frames are true to the trace: the real weights, masks, gates, probabilities and captions.
import { describe, expect, it } from "vitest";
import { sceneStateAt as engineSceneStateAt } from "../src/engine/scene-state.js";
import type { CubeBlock, SceneState } from "../src/engine/scene-types.js";
import type { LlmContext } from "../src/explainers/llm/context.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { BAR_MAX_HEIGHT } from "../src/explainers/llm/layout.js";
import { LLM_DEFAULTS as DEFAULT_PROPS, type LlmProps } from "../src/explainers/llm/props.js";
import { readModel } from "../src/model/files.js";
import { expectTrueColours } from "./truth.js";

const model = readModel();
const makeContext = (p: Partial<LlmProps>, m = model) => LLMExplainer.context(LLMExplainer.parse(p), m);
const sceneStateAt = (c: LlmContext, f: number) => engineSceneStateAt(LLMExplainer, c, f);
const ctx = makeContext({ ...DEFAULT_PROPS, captions: "zh" });
const tl = ctx.timeline;
const beat = (id: string) => tl.beats.find((b) => b.id === id)!;
const lastFrameOf = (id: string) => beat(id).from + beat(id).durationInFrames - 1;
const block = (s: SceneState, id: string) => s.blocks.find((b) => b.id === id);
const visible = (b: CubeBlock, k: number) => b.scales[3 * k] > 0;

describe("LLMExplainer", () => {
  it("colours x0 from the trace at the end of the embed beat", () => {
    const b = block(sceneStateAt(ctx, lastFrameOf("embed")), "x0")!;
    expect(b.tensor).toBe("x0");
    expect(b.count).toBe(ctx.trace.tokens.length * ctx.trace.model.dModel);
    expectTrueColours(ctx, b);
  });

  it("shows the real attention weights of the head in focus, with the masked cells gone", () => {
    for (const head of [0, 2]) {
      const c = makeContext({ ...DEFAULT_PROPS, focusHead: head, focusLayer: 1 });
      const s = sceneStateAt(c, lastFrameOf("attention"));
      const att = block(s, "att")!;
      expect(att.tensor).toBe(`l1.h${head}.att`);
      expectTrueColours(c, att);
      const T = c.trace.tokens.length;
      for (let k = 0; k < att.count; k++) {
        const row = Math.floor(att.index[k] / T);
        const col = att.index[k] % T;
        expect(visible(att, k), `cell ${row},${col}`).toBe(col <= row);
      }
      expect(block(s, "mask")).toBeUndefined();
      // q, k, v of the same head, fully accumulated
      for (const name of ["q", "k", "v"]) {
        const b = block(s, name)!;
        expect(b.tensor).toBe(`l1.h${head}.${name}`);
        expectTrueColours(c, b);
      }
    }
  });

  it("shows the masked cells as ghosts while the scores fill, before softmax", () => {
    const f = Math.floor(tl.clips["attention.scores"].end);
    const s = sceneStateAt(ctx, f);
    const T = ctx.trace.tokens.length;
    expect(block(s, "mask")!.count).toBe((T * (T - 1)) / 2);
    expect(block(s, "att")!.tensor).toBe("l0.h0.preatt");
  });

  it("keeps exactly the GELU cubes whose input is positive at the end of the mlp beat", () => {
    const s = sceneStateAt(ctx, lastFrameOf("mlp"));
    const g = block(s, "gelu")!;
    const fc = ctx.trace.tensors["l0.fc"].data;
    expect(g.tensor).toBe("l0.gelu");
    let shown = 0;
    for (let k = 0; k < g.count; k++) {
      expect(visible(g, k)).toBe(fc[g.index[k]] > 0);
      if (visible(g, k)) shown++;
    }
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(g.count);
    expectTrueColours(ctx, g);
  });

  it("shows the real top-k probabilities and the real next token in the output beat", () => {
    const s = sceneStateAt(ctx, lastFrameOf("output"));
    const bars = block(s, "bars")!;
    expect(bars.tensor).toBe("probs");
    expect(bars.count).toBe(ctx.props.topK);
    const probs = ctx.trace.tensors.probs.data;
    ctx.trace.topk.forEach((tk, k) => {
      expect(probs[bars.index[k]]).toBe(tk.p);
      // bar heights are proportional to p
      expect(bars.scales[3 * k + 1] / bars.scales[1]).toBeCloseTo(Math.max(0.05, BAR_MAX_HEIGHT * tk.p) / (BAR_MAX_HEIGHT * ctx.trace.topk[0].p), 5);
    });
    expectTrueColours(ctx, bars);
    expect(block(s, "next")).toBeDefined();
    expect(s.labels.find((l) => l.id === "next")!.text).toBe(ctx.trace.next.token);
    expect(ctx.trace.next.token).toBe("mat");
  });

  it("ends on the first frame's camera, so the clip loops, for several lengths and sizes", () => {
    for (const p of [DEFAULT_PROPS, { ...DEFAULT_PROPS, durationInSeconds: 7, fps: 24, width: 1080, height: 1920 }]) {
      const c = makeContext(p);
      const first = sceneStateAt(c, 0).camera;
      const last = sceneStateAt(c, c.timeline.durationInFrames - 1).camera;
      expect(last).toEqual(first);
      const mid = sceneStateAt(c, Math.floor(c.timeline.durationInFrames / 2)).camera;
      expect(mid).not.toEqual(first);
    }
  });

  it("captions each beat in the chosen language, naming tensors by id and stating the trace's facts", () => {
    const s = sceneStateAt(ctx, 150);
    expect(s.caption!.parts.map((p) => p.text).join("")).toContain("注意力");
    expect(s.caption!.parts.some((p) => p.tensor === "l0.h0.att" && p.kind === "attention")).toBe(true);
    const en = makeContext({ ...DEFAULT_PROPS, captions: "en" });
    expect(sceneStateAt(en, 100).caption!.parts.map((p) => p.text).join("")).toBe("Each token becomes a vector of 32 numbers: tokEmb + posEmb = x0");
    // the attention beat's second cue, from the softmax clip on: where the last token looks most, from the weights
    const { data } = en.trace.tensors["l0.h0.att"];
    const T = en.trace.tokens.length;
    const row = data.slice((T - 1) * T, T * T);
    const top = row.indexOf(Math.max(...row));
    const softmax = Math.round(en.timeline.clips["attention.softmax"].start);
    const cue = sceneStateAt(en, softmax + 2).caption!.parts.map((p) => p.text).join("");
    expect(cue).toBe(`“${en.trace.tokens[T - 1]}” looks most at “${en.trace.tokens[top]}” (${Math.round(row[top] * 100)}%)`);
    expect(cue).toBe("“the” looks most at “on” (50%)");
    expect(sceneStateAt(makeContext(DEFAULT_PROPS), 100).caption).toBeNull();
  });
});
