// Every explainer in the list: pure and deterministic frames, full beat coverage, true colours,
// a looping camera, captions in both languages, its storyboard file, and the CLI's views of it.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { ExplainerContext } from "../src/engine/explainer.js";
import { durationInFrames } from "../src/engine/props.js";
import { hashScene } from "../src/engine/scene-hash.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { readModel } from "../src/model/files.js";
import { abacus, ROOT } from "./helpers.js";
import { expectTrueColours } from "./truth.js";

const model = readModel();

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object" && !ArrayBuffer.isView(o) && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** The first, middle and last frame of every beat. */
const beatFrames = (ctx: ExplainerContext) =>
  ctx.timeline.beats.flatMap((b) => [b.from, b.from + Math.floor(b.durationInFrames / 2), b.from + b.durationInFrames - 1]);

for (const ex of EXPLAINERS) {
  describe(ex.id, () => {
    const props = ex.parse({ captions: "zh" });
    const ctx: ExplainerContext = ex.context(props, model);
    const frames = beatFrames(ctx);

    it("is pure: deeply frozen inputs, any frame order, the same output", () => {
      const frozen = deepFreeze(ex.context(props, model));
      const inOrder = frames.map((f) => hashScene(sceneStateAt(ex, frozen, f)));
      const shuffled = [...frames].reverse().concat(frames.filter((_, i) => i % 2 === 0));
      const again = new Map(shuffled.map((f) => [f, hashScene(sceneStateAt(ex, frozen, f))]));
      frames.forEach((f, i) => expect(again.get(f), `frame ${f}`).toBe(inOrder[i]));
    });

    it("gives the same scene hashes in a fresh process", () => {
      const local = frames.map((f) => hashScene(sceneStateAt(ex, ctx, f)));
      const r = spawnSync(process.execPath, ["--import", "tsx", join(ROOT, "test/fixtures/scene-hashes.ts"), ex.id, JSON.stringify({ captions: "zh" }), ...frames.map(String)], { cwd: ROOT, encoding: "utf8" });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout.trim().split("\n")).toEqual(local);
    });

    const lengths: [number, number][] = [[6, 10], [7, 24], [12.5, 30], [33.3, 25], [60, 60]];
    for (const [seconds, fps] of lengths) {
      it(`puts every frame in exactly one beat, in chapter order, at ${seconds} s × ${fps} fps`, () => {
        const c: ExplainerContext = ex.context(ex.parse({ durationInSeconds: seconds, fps }), model);
        const tl = c.timeline;
        const N = durationInFrames({ durationInSeconds: seconds, fps });
        expect(tl.durationInFrames).toBe(N);
        expect(tl.beats.map((b) => b.id)).toEqual(c.chapters.map((ch) => ch.id));
        let next = 0;
        for (const b of tl.beats) {
          expect(Number.isInteger(b.from) && Number.isInteger(b.durationInFrames) && b.durationInFrames >= 1).toBe(true);
          expect(b.from).toBe(next);
          next = b.from + b.durationInFrames;
        }
        expect(next).toBe(N);
        for (const f of [0, Math.floor(N / 3), N - 1]) expect(sceneStateAt(ex, c, f).beat).toBe(tl.beats.find((b) => f >= b.from && f < b.from + b.durationInFrames)!.id);
      });
    }

    it("colours every visible value cube by its trace value, at the start, middle and end of every beat", () => {
      let checked = 0;
      for (const f of frames) {
        for (const b of sceneStateAt(ex, ctx, f).blocks) if (b.tensor !== null) checked += expectTrueColours(ctx, b, false);
      }
      expect(checked).toBeGreaterThan(100);
    });

    it("ends on the first frame's camera, so the clip loops", () => {
      const N = ctx.timeline.durationInFrames;
      expect(sceneStateAt(ex, ctx, N - 1).camera).toEqual(sceneStateAt(ex, ctx, 0).camera);
    });

    it("captions every beat in English and Chinese", () => {
      for (const lang of ["en", "zh"] as const) {
        const c: ExplainerContext = ex.context(ex.parse({ captions: lang }), model);
        for (const b of c.timeline.beats) {
          const text = sceneStateAt(ex, c, b.from + Math.floor(b.durationInFrames / 2)).caption!.parts.map((p) => p.text).join("");
          expect(text.length, `${lang} ${b.id}`).toBeGreaterThan(5);
          if (lang === "zh") expect(/[\u4e00-\u9fff]/.test(text), `${b.id}: ${text}`).toBe(true);
        }
      }
      const off: ExplainerContext = ex.context(ex.parse({}), model);
      expect(sceneStateAt(ex, off, 0).caption).toBeNull();
    });

    it("has its storyboard in the repo, naming every beat", () => {
      const file = join(ROOT, ex.doc);
      expect(existsSync(file), ex.doc).toBe(true);
      const text = readFileSync(file, "utf8");
      for (const ch of ctx.chapters) expect(text, ch.id).toContain(`| ${ch.id} |`);
    });

    it("is shown by `abacus storyboard` and `abacus scene`", () => {
      const sb = abacus(["storyboard", ex.id, "--json"]);
      expect(sb.code, sb.stderr).toBe(0);
      expect(JSON.parse(sb.stdout).beats).toEqual(ctx.timeline.beats.map((b) => ({ id: b.id, from: b.from, durationInFrames: b.durationInFrames })));
      const mid = ctx.timeline.beats[1];
      const f = mid.from + Math.floor(mid.durationInFrames / 2);
      const sc = abacus(["scene", ex.id, "--frame", String(f), "--json", "--props", '{"captions": "en"}']);
      expect(sc.code, sc.stderr).toBe(0);
      const j = JSON.parse(sc.stdout);
      expect(j.beat).toBe(mid.id);
      expect(j.blocks.length).toBeGreaterThan(0);
      for (const b of j.blocks) expect(Object.keys(b)).toEqual(["id", "tensor", "count", "opacity", "recede"]);
      for (const l of j.labels) {
        expect(typeof l.text).toBe("string");
        expect(l.fontPx).toBeGreaterThanOrEqual(22);
        expect(l.x).toBeGreaterThan(-250);
      }
      expect(typeof j.caption).toBe("string");
    });
  });
}
