// AttentionHead is true to the trace: the scores, percentages, arcs and output it shows, the mask, the measured head roles.
import { cueText } from "../src/engine/cues.js";
import { describe, expect, it } from "vitest";
import { sceneStateAt } from "../src/engine/scene-state.js";
import type { SceneState } from "../src/engine/scene-types.js";
import { InputError } from "../src/errors.js";
import { ARC_OPACITY, ARC_RADIUS, fmt2, pct, ROLE_ZH } from "../src/explainers/attention-head/chapters/draw.js";
import type { AttentionContext } from "../src/explainers/attention-head/context.js";
import { AttentionHead } from "../src/explainers/attention-head/explainer.js";
import { readModel } from "../src/model/files.js";
import { expectTrueColours } from "./truth.js";

const model = readModel();
const make = (json: Record<string, unknown> = {}): AttentionContext => AttentionHead.context(AttentionHead.parse(json), model);
const beat = (ctx: AttentionContext, id: string) => ctx.timeline.beats.find((b) => b.id === id)!;
const lastOf = (ctx: AttentionContext, id: string) => beat(ctx, id).from + beat(ctx, id).durationInFrames - 1;
const at = (ctx: AttentionContext, f: number) => sceneStateAt(AttentionHead, ctx, f);
const label = (s: SceneState, id: string) => s.labels.find((l) => l.id === id);
const att = (ctx: AttentionContext) => ctx.tensors[ctx.focus.ids.att].data;

const cases: Record<string, unknown>[] = [{}, { focusToken: 4 }, { layer: 0, head: 2, prompt: "the frog was hungry so it ate the" }];

describe("AttentionHead", () => {
  it("defaults to the head the manifest measures as the induction head", () => {
    const d = AttentionHead.defaults;
    const induction = model.manifest.heads.filter((h) => h.role === "induction");
    expect(induction.length).toBeGreaterThan(0);
    expect(induction.some((h) => h.layer === d.layer && h.head === d.head)).toBe(true);
    const ctx = make();
    expect(ctx.focus.roles[d.head]).toBe("induction");
    // on the default prompt the last "red" looks at the word after the earlier "red"
    expect(ctx.focus.top).toBe(ctx.focus.copy + 1);
    expect(ctx.focus.topWeight).toBeGreaterThan(0.9);
  });

  for (const json of cases) {
    describe(JSON.stringify(json), () => {
      const ctx = make(json);
      const { focus } = ctx;
      const T = focus.T;
      const w = att(ctx);

      it("shows the focus row's scores to two decimals", () => {
        const s = at(ctx, lastOf(ctx, "scores"));
        const pre = ctx.tensors[focus.ids.preatt].data;
        for (let i = 0; i <= focus.t; i++) expect(label(s, `score.${i}`)?.text).toBe(fmt2(pre[focus.t * T + i]));
        expect(label(s, `score.${focus.t + 1}`)).toBeUndefined();
      });

      it("shows the ghosts of later tokens while the scores fill, and none once the mask beat is over", () => {
        const ghosts = at(ctx, lastOf(ctx, "scores")).blocks.find((b) => b.id === "mask");
        expect(ghosts?.count).toBe((T * (T - 1)) / 2);
        for (const f of [lastOf(ctx, "mask"), beat(ctx, "softmax").from, lastOf(ctx, "softmax")]) {
          const s = at(ctx, f);
          expect(s.blocks.find((b) => b.id === "mask"), `frame ${f}`).toBeUndefined();
          const cells = s.blocks.filter((b) => b.id.startsWith("scores."));
          expect(cells.length).toBe(T);
          for (const b of cells) {
            expectTrueColours(ctx, b);
            for (let k = 0; k < b.count; k++) expect(b.index[k] % T, `${b.id}`).toBeLessThanOrEqual(Math.floor(b.index[k] / T));
          }
        }
        const end = at(ctx, lastOf(ctx, "softmax")).blocks.find((b) => b.id === `scores.${T - 1}`)!;
        expect(end.tensor).toBe(focus.ids.att);
        expect(end.blend).toBeNull();
      });

      it("labels the bars with the focus row's attention weights, as percentages, and sizes them by weight", () => {
        const s = at(ctx, lastOf(ctx, "softmax"));
        const bars = s.blocks.find((b) => b.id === "bars")!;
        expect(bars.tensor).toBe(focus.ids.att);
        expect(bars.count).toBe(focus.t + 1);
        expectTrueColours(ctx, bars);
        let sum = 0;
        for (let i = 0; i <= focus.t; i++) {
          const weight = w[focus.t * T + i];
          sum += weight;
          const text = label(s, `pct.${i}`)!.text;
          expect(text).toBe(pct(weight));
          expect(Math.abs(Number(text.replace("%", "")) - weight * 100)).toBeLessThanOrEqual(0.5);
          expect(bars.index[i]).toBe(focus.t * T + i);
          const h = bars.scales[3 * i + 1];
          expect(h).toBeCloseTo(Math.max(0.08, ctx.layout.barMax * weight), 5);
        }
        expect(sum).toBeCloseTo(1, 5);
      });

      it("draws an arc to every earlier token with radius and opacity in proportion to its weight", () => {
        const s = at(ctx, lastOf(ctx, "mix"));
        const arcs = s.structures.filter((x) => x.id.startsWith("arc."));
        // the row's strongest weight gets the full radius and opacity; every other arc the same share of it
        const strongest = Math.max(...focus.weights);
        expect(strongest).toBe(focus.topWeight);
        for (let i = 0; i < focus.t; i++) {
          const weight = w[focus.t * T + i] / strongest;
          const arc = arcs.find((a) => a.id === `arc.${i}`);
          if (ARC_OPACITY * weight <= 0.001) {
            expect(arc).toBeUndefined();
            continue;
          }
          expect(arc?.type).toBe("tube");
          if (arc?.type !== "tube") continue;
          expect(arc.radius).toBeCloseTo(ARC_RADIUS * weight, 9);
          expect(arc.opacity).toBeCloseTo(ARC_OPACITY * weight, 9);
          expect(arc.points.length).toBeGreaterThanOrEqual(3);
          // an arch: its middle point above both ends, which sit over token i and the focus token
          const mid = arc.points[Math.floor(arc.points.length / 2)];
          expect(mid[1]).toBeGreaterThan(arc.points[0][1]);
          expect(arc.points[0][0]).toBeCloseTo(ctx.layout.colX(focus.t), 9);
          expect(arc.points[arc.points.length - 1][0]).toBeCloseTo(ctx.layout.colX(i), 9);
        }
        expect(arcs.every((a) => Number(a.id.split(".")[1]) < focus.t)).toBe(true);
        if (focus.top < focus.t) expect(label(s, `arcPct.${focus.top}`)?.text).toBe(pct(focus.topWeight));
      });

      it("ends the mix on the head's output, the weighted sum of the values: the focus token's slice of attY", () => {
        const s = at(ctx, lastOf(ctx, "mix"));
        const out = s.blocks.find((b) => b.id === "output")!;
        expect(out.tensor).toBe(focus.ids.attY);
        expectTrueColours(ctx, out);
        const C = ctx.tensors[focus.ids.attY].shape[1];
        const v = ctx.tensors[focus.ids.v].data;
        const y = ctx.tensors[focus.ids.attY].data;
        for (let j = 0; j < focus.hs; j++) {
          expect(out.index[j]).toBe(focus.t * C + focus.head * focus.hs + j);
          let sum = 0;
          for (let i = 0; i <= focus.t; i++) sum += w[focus.t * T + i] * v[i * focus.hs + j];
          expect(y[out.index[j]]).toBeCloseTo(sum, 4);
        }
      });

      it("shows every head of the layer, the focus head framed and named by its measured role", () => {
        const s = at(ctx, lastOf(ctx, "heads") - Math.round(beat(ctx, "heads").durationInFrames * 0.3));
        for (let h = 0; h < focus.nHead; h++) {
          const b = s.blocks.find((x) => x.id === `head.${h}`)!;
          expect(b.tensor).toBe(`l${focus.layer}.h${h}.att`);
          expectTrueColours(ctx, b);
          expect(label(s, `head.${h}`)?.text).toBe(`head ${h}`);
          const role = model.manifest.heads.find((x) => x.layer === focus.layer && x.head === h)?.role ?? null;
          expect(label(s, `role.${h}`)?.text ?? null).toBe(role);
        }
        expect(s.structures.some((x) => x.id === "focusHead")).toBe(true);
      });

      it("states the trace's facts in its captions: the top score and weight, the tokens seen, the measured role", () => {
        for (const lang of ["en", "zh"] as const) {
          const c = make({ ...json, captions: lang });
          const text = (id: string) => c.chapters.find((ch) => ch.id === id)!.caption(c, lang).map((q) => cueText(q.parts)).join(" ");
          const top = `“${focus.topWord}”`;
          for (const id of ["softmax", "mix", "heads"]) {
            expect(text(id)).toContain(top);
            expect(text(id)).toContain(pct(focus.topWeight));
          }
          expect(text("scores")).toContain(fmt2(focus.scores[focus.top]));
          // the first token sees itself only, the focus token itself and every token before it
          expect(text("mask")).toContain(`“${ctx.trace.tokens[0]}”`);
          if (focus.t > 0) expect(text("mask")).toContain(`“${focus.word}” ${lang === "en" ? "" : "看得到 "}${focus.t + 1}`);
          expect(text("tokens")).toContain(String(focus.hs));
          // the head's output for the focus token: the least and greatest of its slice of attY
          const C = ctx.tensors[focus.ids.attY].shape[1];
          const y = Array.from(ctx.tensors[focus.ids.attY].data.slice(focus.t * C + focus.head * focus.hs, focus.t * C + (focus.head + 1) * focus.hs));
          const [lo, hi] = [fmt2(Math.min(...y)), fmt2(Math.max(...y))];
          expect(text("mix")).toContain(lang === "en" ? `from ${lo} to ${hi}` : `从 ${lo} 到 ${hi}`);
          const role = focus.roles[focus.head];
          if (role) expect(text("heads")).toContain(lang === "en" ? `${role} head` : ROLE_ZH[role]);
          else expect(text("heads")).toMatch(lang === "en" ? /no clear/ : /没有明确/);
          // the induction pattern, where the head shows it: from the focus word to the word after its earlier copy
          if (role === "induction" && focus.top === focus.copy + 1) expect(text("heads")).toContain(`“${ctx.trace.tokens[focus.copy]}”`);
        }
      });
    });
  }

  it("rejects a layer, head or focus token the model or prompt does not have, naming the field", () => {
    const fails = (json: Record<string, unknown>, field: string) => {
      let err: unknown;
      try {
        make(json);
      } catch (e) {
        err = e;
      }
      expect(err, JSON.stringify(json)).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe(field);
    };
    fails({ layer: model.params.config.nLayer }, "props.layer");
    fails({ head: model.params.config.nHead }, "props.head");
    fails({ focusToken: 10 }, "props.focusToken");
    fails({ prompt: "the cat sat", focusToken: 3 }, "props.focusToken");
  });
});
