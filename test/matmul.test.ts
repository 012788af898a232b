// MatMulAbacus is true to the trace: every product, partial sum and final value shown, for q, k and v.
import { describe, expect, it } from "vitest";
import { videoCues, readFrames } from "../src/engine/cues.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { InputError } from "../src/errors.js";
import type { MatMulContext } from "../src/explainers/matmul/context.js";
import { MatMulAbacus } from "../src/explainers/matmul/explainer.js";
import { readModel } from "../src/model/files.js";
import { headId } from "../src/trace/ids.js";

/** Three decimals, written out here: "-0.000" is shown as "0.000". */
const three = (v: number) => { const t = v.toFixed(3); return t === "-0.000" ? "0.000" : t; };

const model = readModel();
const make = (json: Record<string, unknown>): MatMulContext => MatMulAbacus.context(MatMulAbacus.parse(json), model);
const framesOf = (ctx: MatMulContext, beat: string) => {
  const b = ctx.timeline.beats.find((x) => x.id === beat)!;
  return Array.from({ length: b.durationInFrames }, (_, i) => b.from + i);
};
const label = (ctx: MatMulContext, f: number, id: string) => sceneStateAt(MatMulAbacus, ctx, f).labels.find((l) => l.id === id);

describe("MatMulAbacus", () => {
  for (const json of [{}, { operand: "k", token: 1, layer: 1, head: 2 }, { operand: "v", prompt: "the frog was hungry so it ate the", token: 3 }]) {
    it(`shows products, running sums and results that are the trace's: ${JSON.stringify(json)}`, () => {
      const ctx = make(json);
      const { product: pr } = ctx;
      const x = ctx.tensors[pr.ids.x].data;
      const W = ctx.tensors[pr.ids.W].data;
      const b = ctx.tensors[pr.ids.b].data;
      const out = ctx.tensors[headId(pr.layer, pr.head, pr.operand)].data;
      // the slab holds the model's own weights: the head's rows of W_q / W_k / W_v
      const op = { q: 0, k: 1, v: 2 }[pr.operand];
      const L = model.params.layers[pr.layer];
      for (let j = 0; j < pr.hs; j++) {
        const r = op * pr.C + pr.head * pr.hs + j;
        expect(b[j]).toBe(L.qkvb[r]);
        for (let i = 0; i < pr.C; i++) expect(W[j * pr.C + i]).toBe(L.qkvw[r * pr.C + i]);
      }
      let sums = 0;
      for (const f of [...framesOf(ctx, "dot"), ...framesOf(ctx, "sweep")]) {
        const sum = label(ctx, f, "sum");
        if (!sum) continue;
        const s = sceneStateAt(MatMulAbacus, ctx, f);
        const products = s.blocks.find((bl) => bl.id === "products")!;
        const j = Math.floor(products.index[0] / pr.C);
        const shown = products.count;
        // the running sum of the products shown, in the order shown
        let running = 0;
        for (let i = 0; i < shown; i++) running += x[pr.t * pr.C + i] * W[j * pr.C + i];
        const final = /^Σ \+ b = (-?\d+\.\d{3}) \+ (-?\d+\.\d{3}) = (-?\d+\.\d{3})$/.exec(sum.text);
        if (final) {
          expect(shown).toBe(pr.C);
          expect(final[1]).toBe(three(running));
          expect(final[2]).toBe(three(b[j]));
          // the result is the trace's q (or k, v) entry, to the digits shown
          expect(final[3]).toBe(three(out[pr.t * pr.hs + j]));
        } else {
          expect(sum.text).toBe(`Σ = ${three(running)}`);
          const product = label(ctx, f, "product");
          if (product) expect(product.text).toBe(three(x[pr.t * pr.C + shown - 1] * W[j * pr.C + shown - 1]));
        }
        sums++;
      }
      expect(sums).toBeGreaterThan(100);
      // every output cell ends up showing its value
      const end = sceneStateAt(MatMulAbacus, ctx, framesOf(ctx, "sweep").at(-1)!);
      const cells = end.blocks.find((bl) => bl.id === "out")!;
      expect(Array.from(cells.index)).toEqual(Array.from({ length: pr.hs }, (_, j) => pr.t * pr.hs + j));
    });
  }

  it("narrates the dot product in two cues: its products, then from the bias on the value the sum label shows", () => {
    for (const captions of ["en", "zh"] as const) {
      const ctx = make({ captions });
      const dot = framesOf(ctx, "dot");
      const cues = videoCues(ctx, captions).filter((c) => c.beat === "dot");
      // the second cue starts with the bias clip, or earlier by at most its reading time (src/engine/cues.ts)
      const biasAt = Math.round(ctx.timeline.clips["dot.bias"].start);
      expect(cues[0].from).toBe(dot[0]);
      expect(cues[1].from).toBeLessThanOrEqual(biasAt);
      expect(cues[1].from).toBeGreaterThanOrEqual(biasAt - readFrames(cues[1].text, captions, ctx.timeline.fps));
      expect(cues.at(-1)!.to).toBe(dot.at(-1));
      // the first product, as the label under it shows it once it has grown in
      const first = cues[0].parts.find((p) => p.claim?.kind === "value")!;
      const pairs = ctx.timeline.clips["dot.pairs"];
      const product = label(ctx, Math.round(pairs.start) + 1, "product")!;
      expect(Math.abs(Number(first.text) - Number(product.text))).toBeLessThanOrEqual(0.0051);
      // the bias and the result, as the sum label at the beat's end shows them: "Σ + b = … + b = out"
      const [bias, value] = cues[1].parts.filter((p) => p.claim?.kind === "value").map((p) => Number(p.text));
      const sum = /= (-?\d+\.\d{3}) \+ (-?\d+\.\d{3}) = (-?\d+\.\d{3})$/.exec(label(ctx, dot.at(-1)!, "sum")!.text)!;
      expect(Math.abs(bias - Number(sum[2]))).toBeLessThanOrEqual(0.0051);
      expect(Math.abs(value - Number(sum[3]))).toBeLessThanOrEqual(0.0051);
    }
  });

  it("highlights the dot product's line, then torch.matmul's", () => {
    const ctx = make({});
    const code = (f: number) => sceneStateAt(MatMulAbacus, ctx, f).cards.find((c) => c.id === "code")!;
    const mid = (beat: string) => framesOf(ctx, beat)[Math.floor(framesOf(ctx, beat).length / 2)];
    expect(code(mid("dot")).lines[0].highlight).toBe(1);
    expect(code(mid("dot")).lines[0].text).toContain("sum(x[t, i] * W_q[j, i] for i in range(C)) + b_q[j]");
    expect(code(mid("whole")).lines[1].highlight).toBeGreaterThan(0.5);
    expect(code(mid("whole")).lines[1].text).toMatch(/^q = x @ W_q\.T \+ b_q/);
  });

  const bad: [Record<string, unknown>, string, RegExp][] = [
    [{ layer: 2 }, "props.layer", /expected an integer from 0 to 1, got 2/],
    [{ head: 4 }, "props.head", /expected an integer from 0 to 3, got 4/],
    [{ token: 5 }, "props.token", /expected an index from 0 to 4 \(the prompt has 5 tokens\) or "last", got 5/],
    [{ operand: "o" }, "props.operand", /expected one of "q", "k", "v", got "o"/],
    [{ token: -1 }, "props.token", /expected an index into the prompt's tokens/],
  ];
  for (const [json, field, message] of bad) {
    it(`rejects ${JSON.stringify(json)} naming ${field}`, () => {
      let err: unknown;
      try {
        make(json);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).field).toBe(field);
      expect((err as InputError).message).toMatch(message);
    });
  }
});
