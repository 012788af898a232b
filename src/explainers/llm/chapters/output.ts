// Beat "output": the last column through the final layerNorm; the top-k logits rise as bars and
// softmax turns them into probabilities.

import { newBlock, setCube, tensorBlock } from "../../../engine/blocks.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { bump, easeOutCubic, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { NOTE, TITLE, WORD } from "../../../engine/scene-builder.js";
import { mix, valueColor } from "../../../layout/palette.js";
import { layerId } from "../../../trace/ids.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { BAR_MAX_HEIGHT, BAR_PITCH } from "../layout.js";
import { beatShot } from "../../../engine/camera.js";

export const output: Chapter<LlmContext, LlmShape> = {
  id: "output",
  weight: 75,
  clips: () => seq(anim("lnf", 1), anim("logits", 1.3), anim("softmax", 1.2), anim("choose", 1), hold(0.3)),
  draw(s, ctx, P) {
    const { layout, theme, trace } = ctx;
    const { T, nLayer } = layout;
    const g = layout.grids;
    const V = trace.model.vocabSize;
    const base = theme.structure.opacity;
    const lnf = P("lnf");
    const logits = P("logits");
    const probs = smooth(P("softmax"));
    const lastDepth = g[`depth${nLayer - 1}`];
    s.add(tensorBlock(ctx, {
      id: "lnf", kind: "activation", tensor: "lnf", grid: g.lnf, place: (_t, i) => [0, i, 0], tokens: [T - 1],
      from: { tensor: layerId(nLayer - 1, "resid2"), t: smooth(window(lnf, 0.4, 1)) },
      offset: [-(g.lnf.origin[0] - (lastDepth.origin[0] + T - 1)) * (1 - smooth(window(lnf, 0, 0.5))), 0, 0],
    }), lnf, "lnf", g.lnf);
    const wun = layout.slabs.find((x) => x.id === "Wunembed")!;
    s.box("Wunembed", "weight", wun.center, wun.size, lnf > 0 ? base * 2 + 0.35 * bump(logits) : 0, theme.accents.weight);
    if (logits <= 0) return;
    const row = (T - 1) * V;
    const lg = trace.tensors.logits.data;
    const pr = trace.tensors.probs.data;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < V; i++) {
      lo = Math.min(lo, lg[row + i]);
      hi = Math.max(hi, lg[row + i]);
    }
    const bars = newBlock("bars", "output", probs > 0 ? "probs" : "logits", trace.topk.length);
    if (probs > 0 && probs < 1) bars.blend = { tensor: "logits", t: probs };
    const rise = easeOutCubic(logits);
    const x0 = g.bars.origin[0];
    trace.topk.forEach((tk, k) => {
      const idx = row + tk.id;
      const hLogit = (BAR_MAX_HEIGHT * (lg[idx] - lo)) / (hi - lo || 1);
      const hProb = BAR_MAX_HEIGHT * pr[idx];
      const h = Math.max(0.05, rise * (hLogit + (hProb - hLogit) * probs));
      const color = mix(valueColor(theme, lg[idx], ctx.scales.logits), valueColor(theme, pr[idx], ctx.scales.probs), probs);
      const x = x0 + BAR_PITCH * k;
      setCube(bars, k, [x, h / 2, 0], [1.7, h, 1.7], color, idx);
      // the bars stand 2.5 apart: their words can be twice as big as the token words under the rail
      s.label(`bar.${k}`, tk.token, [x + 0.3, -1.1, 0.8], "output", rise, { ...WORD, size: 0.9 }, { of: "bars" });
      const value = probs > 0.5 ? pr[idx].toFixed(3) : lg[idx].toFixed(1);
      s.label(`barValue.${k}`, value, [x, h + 0.9, 0], "output", rise, NOTE, { of: "bars" });
    });
    s.add(bars, 1);
    s.tensorLabel("label.bars", probs > 0.5 ? "probs" : "logits", [x0 + (BAR_PITCH * (trace.topk.length - 1)) / 2, BAR_MAX_HEIGHT + 3, 0], "output", rise, TITLE, "bars");
  },
  shots: (ctx) => [beatShot(ctx, "output", "output", 0.2, ["lnf", "bars", "next"])],
  caption: (ctx, lang) => {
    const { token, p } = ctx.trace.next;
    const probs = tensorPart("probs", "output");
    return lang === "en"
      ? [{ text: "The last vector scores every word; " }, probs, { text: ` picks "${token}" (p = ${p.toFixed(3)})` }]
      : [{ text: "最后一个向量给每个词打分；" }, probs, { text: ` 选出 “${token}”（p = ${p.toFixed(3)}）` }];
  },
};
