// Subtitles and narration in node: SRT and WebVTT parsed back, times from whole frames to the millisecond, `abacus narrate`.
import { describe, expect, it } from "vitest";
import { medianReadingRate, videoCues } from "../src/engine/cues.js";
import type { ExplainerContext } from "../src/engine/explainer.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { readModel } from "../src/model/files.js";
import { videoScript } from "../src/subtitles/script.js";
import { frameMs, subtitleCues, timestamp, toSrt, toVtt } from "../src/subtitles/subtitles.js";
import { abacus } from "./helpers.js";
import { parseSrt, parseVtt } from "./subtitle-parse.js";

const model = readModel();

describe("subtitle times and formats", () => {
  it("times frames to the millisecond: frame ÷ fps", () => {
    expect([frameMs(1, 30), frameMs(2, 30), frameMs(3, 30), frameMs(1, 24), frameMs(90, 30), frameMs(7, 60, 4)]).toEqual([33, 67, 100, 42, 3000, 50]);
    expect([timestamp(0, ","), timestamp(3_723_004, "."), timestamp(59_999, ",")]).toEqual(["00:00:00,000", "01:02:03.004", "00:00:59,999"]);
  });

  const cue = (from: number, to: number, text: string) => ({ beat: "b", beatIndex: 0, from, to, parts: [{ text }], text });
  const cues = [cue(0, 29, "one"), cue(30, 44, "two <b> & --> three"), cue(45, 89, "four")];

  it("measures the captions' median reading rate in characters per second shown", () => {
    // 3, 19 and 4 characters over 1, 0.5 and 1.5 seconds: 3, 38 and 2.67 per second
    expect(medianReadingRate(cues, 30)).toBeCloseTo(3, 9);
    expect(medianReadingRate([cue(0, 29, "x".repeat(20)), cue(30, 44, "y".repeat(20))], 30)).toBe(30);
    expect(medianReadingRate([], 30)).toBe(0);
  });

  it("clips cues to a frame range and times them from its first frame", () => {
    expect(subtitleCues(cues, 30)).toEqual([
      { startMs: 0, endMs: 1000, text: "one" }, { startMs: 1000, endMs: 1500, text: "two <b> & --> three" }, { startMs: 1500, endMs: 3000, text: "four" },
    ]);
    expect(subtitleCues(cues, 30, [40, 50])).toEqual([{ startMs: 0, endMs: 167, text: "two <b> & --> three" }, { startMs: 167, endMs: 367, text: "four" }]);
  });

  it("writes SubRip and WebVTT that parse back to the same cues (markup escaped, no cue-ending arrow in a text)", () => {
    const subs = subtitleCues(cues, 30);
    expect(parseSrt(toSrt(subs))).toEqual(subs.map((s) => ({ ...s, text: s.text.replace("-->", "→") })));
    const vtt = toVtt(subs, "zh");
    expect(vtt.startsWith("WEBVTT\nLanguage: zh\n\n")).toBe(true);
    expect(vtt).toContain("two &lt;b&gt; &amp; → three");
    expect(parseVtt(vtt)).toEqual(subs.map((s) => ({ ...s, text: s.text.replace("-->", "→") })));
  });

  for (const ex of EXPLAINERS) {
    it(`${ex.id}: one subtitle per cue, each beat's first starting in the first half of its beat, at 24 and 30 fps`, () => {
      for (const fps of [24, 30]) {
        const ctx: ExplainerContext = ex.context(ex.parse({ captions: "en", fps, durationInSeconds: 20 }), model);
        const cues = videoCues(ctx, "en");
        const subs = parseSrt(toSrt(subtitleCues(cues, fps)));
        expect(subs.map((s) => s.text)).toEqual(cues.map((c) => c.text));
        subs.forEach((s, i) => {
          expect(s.startMs).toBe(Math.round((cues[i].from * 1000) / fps));
          expect(s.endMs).toBe(Math.round(((cues[i].to + 1) * 1000) / fps));
        });
        for (const b of ctx.timeline.beats) {
          const first = subs.find((_, i) => cues[i].beat === b.id)!;
          expect(first.startMs / 1000).toBeLessThan((b.from + b.durationInFrames / 2) / fps);
        }
        expect(subs[subs.length - 1].endMs).toBe(20_000);
      }
    });
  }
});

describe("abacus narrate", () => {
  it("prints the script as JSON: every beat with its frames, times and a paragraph holding its cues' facts", () => {
    const r = abacus(["narrate", "AttentionHead", "--props", '{"captions":"zh"}', "--format", "json"]);
    expect(r.code, r.stderr).toBe(0);
    const script = JSON.parse(r.stdout) as { beat: string; from: number; to: number; startSeconds: number; endSeconds: number; text: string }[];
    const ex = EXPLAINERS.find((e) => e.id === "AttentionHead")!;
    const ctx: ExplainerContext = ex.context(ex.parse({ captions: "zh" }), model);
    expect(script.map((b) => b.beat)).toEqual(ctx.timeline.beats.map((b) => b.id));
    expect(script).toEqual(videoScript(ctx, "zh"));
    for (const [i, b] of script.entries()) {
      const beat = ctx.timeline.beats[i];
      expect([b.from, b.to, b.startSeconds, b.endSeconds]).toEqual([beat.from, beat.from + beat.durationInFrames - 1, beat.from / 30, (beat.from + beat.durationInFrames) / 30]);
      expect(b.text.startsWith(ctx.chapters[i].explain.zh)).toBe(true);
      for (const c of videoCues(ctx, "zh").filter((c) => c.beat === b.beat)) expect(b.text).toContain(c.text);
    }
  });

  it("prints SubRip and WebVTT with one cue per beat, and English text when captions are off", () => {
    const srt = abacus(["narrate", "MatMulAbacus", "--format", "srt"]);
    expect(srt.code, srt.stderr).toBe(0);
    const ex = EXPLAINERS.find((e) => e.id === "MatMulAbacus")!;
    const ctx: ExplainerContext = ex.context(ex.defaults, model);
    const beats = parseSrt(srt.stdout);
    expect(beats.map((b) => b.text)).toEqual(videoScript(ctx, "en").map((b) => b.text));
    expect(beats.every((b) => !/[\u4e00-\u9fff]/.test(b.text))).toBe(true);
    const vtt = abacus(["narrate", "MatMulAbacus", "--format", "vtt"]);
    expect(parseVtt(vtt.stdout)).toEqual(beats);
    const text = abacus(["narrate", "MatMulAbacus"]);
    expect(text.stdout.split("\n\n")).toHaveLength(ctx.timeline.beats.length);
    expect(text.stdout).toMatch(/^operands {2}00:00:00\.000 – /);
  });
});
