// Every explainer's captions state facts of the trace for the props: each number and quoted word checked against
// the trace again, cues in whole frames covering every beat, narration openings without numbers.
import { describe, expect, it } from "vitest";
import { videoCues } from "../src/engine/cues.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import type { CaptionLanguage, ExplainerContext } from "../src/engine/explainer.js";
import { facts, fmtP, pct, rankedIndex } from "../src/engine/facts.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { readModel } from "../src/model/files.js";
import { claimError, cueProblems, unclaimedError } from "./facts-check.js";

const model = readModel();
const PROMPTS = ["the dog sat on the", "anna has a red kite . anna likes the red", "the frog was hungry so it ate the"];
const LANGS: CaptionLanguage[] = ["en", "zh"];

describe("facts", () => {
  const t = { shape: [2, 3], data: [0.1, 0.5, 0.5, -1, 2, 0.25] };
  const src = { tensors: { t }, words: { tokens: ["a", "b", "c"], vocab: ["x", "y", "z"] } };
  const f = facts(src);

  it("computes each run's text from the data: values, ranks (ties to the earlier), counts, sizes, words", () => {
    expect(f.value("t", [1, 2]).text).toBe("0.25");
    expect(f.value("t", [0, 1], "percent").text).toBe("50%");
    expect(rankedIndex(t, [0], 0)).toBe(1);
    expect(rankedIndex(t, [0], 1)).toBe(2);
    expect(rankedIndex(t, [1], 0, [0, 1])).toBe(0);
    expect(f.ranked("t", [1], 0, "tokens").text).toBe("b");
    expect(f.ranked("t", [1], 2, "value").text).toBe("-1.00");
    expect(f.count("t", [1], 0).text).toBe("2");
    expect(f.size("t", 1).text).toBe("3");
    expect(f.word("vocab", 2).text).toBe("z");
    // a row's own token is "itself", unquoted; another is its word in quotes
    expect(f.rankedWord("t", [1], 0, 1, "en").map((p) => p.text)).toEqual(["itself"]);
    expect(f.rankedWord("t", [1], 0, 0, "zh").map((p) => p.text)).toEqual(["“", "b", "”"]);
    expect([fmtP(0.0004), fmtP(0.9995), fmtP(0.41249)]).toEqual(["<0.001", ">0.999", "0.412"]);
    expect([pct(0.999), pct(0.0004), pct(0.004), pct(0.714)]).toEqual(["99.9%", "0%", "0.4%", "71%"]);
  });

  it("is caught by the check when a run says what the trace does not", () => {
    const truth = { ...src, model };
    for (const part of [f.value("t", [1, 2]), f.ranked("t", [1], 0, "tokens"), f.count("t", [1], 0), f.size("t", 0), f.ranked("t", [0], 0, "percent")]) {
      expect(claimError(part, truth)).toBeNull();
      expect(claimError({ ...part, text: part.text === "b" ? "c" : part.text === "2" ? "3" : part.text.replace(/\d(?=\D*$)/, (d) => String((+d + 2) % 10)) }, truth)).not.toBeNull();
    }
    expect(claimError(f.rankedWord("t", [1], 0, 1, "zh")[0], truth)).toBeNull();
    expect(claimError({ ...f.rankedWord("t", [1], 0, 0, "en")[1], text: "itself" }, truth)).not.toBeNull();
    expect(claimError({ ...f.rankedWord("t", [1], 0, 1, "en")[0], text: "b" }, truth)).not.toBeNull();
    const cue = (parts: { text: string }[]) => ({ beat: "b", beatIndex: 0, from: 0, to: 1, parts, text: parts.map((p) => p.text).join("") });
    expect(unclaimedError(cue([{ text: "it looks at “" }, f.word("tokens", 0), { text: "”" }]))).toBeNull();
    expect(unclaimedError(cue([{ text: "it looks at “cat”" }]))).toMatch(/quoted word/);
    expect(unclaimedError(cue([{ text: "71% of it" }]))).toMatch(/number/);
  });
});

for (const ex of EXPLAINERS) {
  describe(`${ex.id} captions`, () => {
    const cases = [undefined, ...PROMPTS].flatMap((prompt) => LANGS.map((captions) => ({ prompt, captions })));
    for (const { prompt, captions } of cases) {
      it(`state only facts of the trace, in whole-frame cues covering every beat: ${prompt ?? "default prompt"}, ${captions}`, () => {
        const props = ex.parse(prompt ? { prompt, captions } : { captions });
        const ctx: ExplainerContext = ex.context(props, model);
        const cues = videoCues(ctx, captions);
        // at the default length, every cue the chapters write is shown
        if (!prompt) expect(cues.length).toBe(ctx.chapters.reduce((n, ch) => n + ch.caption(ctx, captions).length, 0));
        expect(cueProblems(cues, { tensors: ctx.tensors, words: ctx.words, model })).toEqual([]);
        for (const [i, b] of ctx.timeline.beats.entries()) {
          const own = cues.filter((c) => c.beatIndex === i);
          expect(own.length, b.id).toBeGreaterThan(0);
          expect(own[0].from).toBe(b.from);
          expect(own[own.length - 1].to).toBe(b.from + b.durationInFrames - 1);
          own.forEach((c, k) => {
            expect(Number.isInteger(c.from) && Number.isInteger(c.to) && c.to >= c.from).toBe(true);
            if (k > 0) expect(c.from).toBe(own[k - 1].to + 1);
          });
          for (const c of own) expect(/[\u4e00-\u9fff]/.test(c.text), c.text).toBe(captions === "zh");
        }
      });
    }

    it("shows each cue at its frames: fading in with its beat, changing text in place between cues of a beat", () => {
      const ctx: ExplainerContext = ex.context(ex.parse({ captions: "en" }), model);
      const cues = videoCues(ctx, "en");
      const at = (f: number) => sceneStateAt(ex, ctx, f).caption;
      for (const [i, c] of cues.entries()) {
        expect(at(c.from)?.parts.map((p) => p.text).join("")).toBe(c.text);
        expect(at(c.to)?.parts.map((p) => p.text).join("")).toBe(c.text);
        const inner = i > 0 && cues[i - 1].beatIndex === c.beatIndex;
        expect(at(c.from)!.opacity, `${c.beat} cue ${i} at ${c.from}`).toBe(inner ? 1 : 0);
      }
    });

    it("opens every beat's narration with plain words of what it shows, in both languages, leaving numbers to the cues", () => {
      const ctx: ExplainerContext = ex.context(ex.defaults, model);
      for (const ch of ctx.chapters) {
        for (const lang of LANGS) {
          const text = ch.explain[lang];
          expect(text.length, `${ch.id} ${lang}`).toBeGreaterThan(lang === "zh" ? 20 : 40);
          expect(/\d/.test(text), text).toBe(false);
          expect(/[\u4e00-\u9fff]/.test(text), text).toBe(lang === "zh");
        }
      }
    });
  });
}
