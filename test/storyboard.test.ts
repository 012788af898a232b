// Combinators, timeline compilation and the flagship's beats: whole frames, full coverage, STORYBOARD.md's table.
import { describe, expect, it } from "vitest";
import { anim, duration, flatten, hold, par, scope, seq, stagger } from "../src/engine/combinators.js";
import { beatSpecs } from "../src/engine/context.js";
import { durationInFrames } from "../src/engine/props.js";
import { beatIndexAt, compile, progress } from "../src/engine/timeline.js";
import { LLM_CHAPTERS } from "../src/explainers/llm/explainer.js";

const BEAT_IDS = LLM_CHAPTERS.map((c) => c.id);
const llmExplainerBeats = (T: number, nLayer: number) => beatSpecs(LLM_CHAPTERS, { T, nLayer });
import { abacus } from "./helpers.js";

describe("combinators", () => {
  it("compute durations and intervals like an animator expects", () => {
    const tree = seq(anim("a", 2), par(anim("b", 1), anim("c", 3)), hold(1), stagger(0.5, [anim("d", 1), anim("e", 1), anim("f", 1)]));
    expect(duration(tree)).toBe(2 + 3 + 1 + 2);
    expect(flatten(tree)).toEqual([
      { id: "a", start: 0, end: 2 },
      { id: "b", start: 2, end: 3 },
      { id: "c", start: 2, end: 5 },
      { id: "d", start: 6, end: 7 },
      { id: "e", start: 6.5, end: 7.5 },
      { id: "f", start: 7, end: 8 },
    ]);
  });

  it("scope a chapter's clip names under its id, leaving holds and timing alone", () => {
    const tree = seq(anim("a", 2), hold(1), stagger(0.5, [anim("b"), anim("c")]));
    expect(flatten(scope("attention", tree))).toEqual(flatten(tree).map((c) => ({ ...c, id: `attention.${c.id}` })));
    expect(duration(scope("x", tree))).toBe(duration(tree));
  });
});

describe("timeline", () => {
  it("compiles the default flagship to STORYBOARD.md's table, frame for frame", () => {
    const tl = compile(llmExplainerBeats(5, 2), 30, 540);
    expect(tl.beats.map((b) => [b.id, b.from, b.from + b.durationInFrames - 1])).toEqual([
      ["tokens", 0, 59], ["embed", 60, 134], ["attention", 135, 254], ["mlp", 255, 344],
      ["depth", 345, 404], ["output", 405, 479], ["append", 480, 539],
    ]);
  });

  const cases: [number, number][] = [[6, 10], [7, 24], [18, 30], [18.5, 29.97], [60, 60], [120, 120], [9.99, 11], [33.3, 25]];
  for (const [seconds, fps] of cases) {
    it(`covers every frame exactly once with whole-frame beats at ${seconds} s × ${fps} fps`, () => {
      const N = durationInFrames({ durationInSeconds: seconds, fps: Math.round(fps) });
      const tl = compile(llmExplainerBeats(7, 2), Math.round(fps), N);
      const owner = new Array(N).fill(-1);
      tl.beats.forEach((b, i) => {
        expect(Number.isInteger(b.from) && Number.isInteger(b.durationInFrames)).toBe(true);
        expect(b.durationInFrames).toBeGreaterThan(0);
        for (let f = b.from; f < b.from + b.durationInFrames; f++) {
          expect(owner[f]).toBe(-1);
          owner[f] = i;
        }
      });
      expect(owner.every((o) => o >= 0)).toBe(true);
      expect(tl.beats.map((b) => b.id)).toEqual([...BEAT_IDS]);
      for (let f = 0; f < N; f++) expect(beatIndexAt(tl, f)).toBe(owner[f]);
      // beats keep their proportions: attention is the longest, within a frame of 120/540 of the video
      const att = tl.beats[2].durationInFrames;
      expect(Math.abs(att - (N * 120) / 540)).toBeLessThanOrEqual(1);
    });
  }

  it("finishes every clip within its beat (progress 1 on the beat's last frame, 0 before it starts)", () => {
    const tl = compile(llmExplainerBeats(5, 2), 30, 540);
    for (const c of Object.values(tl.clips)) {
      const beat = tl.beats[c.beat];
      expect(progress(tl, c.id, beat.from - 1)).toBe(0);
      expect(progress(tl, c.id, beat.from + beat.durationInFrames - 1)).toBe(1);
    }
    expect(progress(tl, "mlp.gelu", 254)).toBe(0);
    expect(progress(tl, "mlp.gelu", 344)).toBe(1);
  });

  it("rejects a storyboard with a duplicate clip id", () => {
    expect(() => compile([{ id: "x", weight: 1, body: seq(anim("a"), anim("a")) }], 30, 60)).toThrow(/clip id a is used twice/);
  });
});

describe("abacus storyboard", () => {
  it("prints the beat table as JSON for given props", () => {
    const r = abacus(["storyboard", "--json", "--props", '{"durationInSeconds": 12, "fps": 25}']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.fps).toBe(25);
    expect(j.durationInFrames).toBe(300);
    expect(j.beats[0]).toEqual({ id: "tokens", from: 0, durationInFrames: 33 });
    expect(j.beats.reduce((n: number, b: { durationInFrames: number }) => n + b.durationInFrames, 0)).toBe(300);
  });

  it("prints a readable table by default", () => {
    const r = abacus(["storyboard"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/attention\s+135\s+120\s+4\.00/);
    expect(r.stdout).toContain("540 frames at 30 fps = 18.00 s");
  });
});
