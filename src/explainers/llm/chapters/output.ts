// Beat "output": the last column through the final layerNorm; the top-k logits rise as bars and
// softmax turns them into probabilities.

import { facts } from "../../../engine/facts.js";
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
    const base = theme.structure.opacity;
    const lnf = P("lnf");
    const logits = P("logits");
    const probs = smooth(P("softmax"));
    const lastDepth = g[`depth${nLayer - 1}`];
    s.add(tensorBlock(ctx, {
      id: "lnf", kind: "activation", tensor: "lnf", grid: g.lnf, place: (_t, j) => [0, j, 0], tokens: [T - 1], dims: layout.windows.model.dims,
      from: { tensor: layerId(nLayer - 1, "resid2"), t: smooth(window(lnf, 0.4, 1)) },
      offset: [-(g.lnf.origin[0] - (lastDepth.origin[0] + T - 1)) * (1 - smooth(window(lnf, 0, 0.5))), 0, 0],
    }), lnf, "lnf", g.lnf);
    const wun = layout.slabs.find((x) => x.id === "Wunembed")!;
    s.box("Wunembed", "weight", wun.center, wun.size, lnf > 0 ? base * 2 + 0.35 * bump(logits) : 0, theme.accents.weight);
    if (logits <= 0) return;
    // the scores of the whole vocabulary, or of a large one's top k (their heights then span the top k's range)
    const sc = ctx.scores;
    const V = ctx.tensors[sc.logits].shape[1];
    const row = (T - 1) * V;
    const lg = ctx.tensors[sc.logits].data;
    const pr = ctx.tensors[sc.probs].data;
    let lo = Infinity;
    let hi = -Infinity;
    for (let i = 0; i < V; i++) {
      lo = Math.min(lo, lg[row + i]);
      hi = Math.max(hi, lg[row + i]);
    }
    const bars = newBlock("bars", "output", probs > 0 ? sc.probs : sc.logits, trace.topk.length);
    if (probs > 0 && probs < 1) bars.blend = { tensor: sc.logits, t: probs };
    const rise = easeOutCubic(logits);
    const x0 = g.bars.origin[0];
    trace.topk.forEach((tk, k) => {
      const idx = row + sc.column(T - 1, tk.id);
      const hLogit = (BAR_MAX_HEIGHT * (lg[idx] - lo)) / (hi - lo || 1);
      const hProb = BAR_MAX_HEIGHT * pr[idx];
      const h = Math.max(0.05, rise * (hLogit + (hProb - hLogit) * probs));
      const color = mix(valueColor(theme, lg[idx], ctx.scales[sc.logits]), valueColor(theme, pr[idx], ctx.scales[sc.probs]), probs);
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
  explain: {
    en: "At the end, the last token's vector is compared with every word of the vocabulary; softmax turns those scores into probabilities, and the most likely word is the model's prediction.",
    zh: "最后，最后一个词元的向量与词表中的每个词比较；softmax 把这些分数变成概率，最可能的词就是模型的预测。",
  },
  caption: (ctx, lang) => {
    const f = facts(ctx);
    const T = ctx.trace.tokens.length;
    const probs = tensorPart("probs", "output");
    const logits = tensorPart("logits", "output");
    const top = f.topWords(ctx.scores.probs, [T - 1], 3, lang);
    const chosen = f.ranked(ctx.scores.probs, [T - 1], 0, "vocab");
    const p = f.ranked(ctx.scores.probs, [T - 1], 0, "prob");
    return lang === "en"
      ? [
        { parts: [{ text: "The last vector scores all " }, f.vocabSize(), { text: " words of the vocabulary (" }, logits, { text: ")" }] },
        { at: "softmax", parts: [{ text: "Most likely: " }, ...top, { text: " (" }, probs, { text: ")" }] },
        { at: "choose", parts: [{ text: "The model picks “" }, chosen, { text: "”, probability " }, p] },
      ]
      : [
        { parts: [{ text: "最后一个向量给词表中全部 " }, f.vocabSize(), { text: " 个词打分（" }, logits, { text: "）" }] },
        { at: "softmax", parts: [{ text: "最可能的词：" }, ...top, { text: "（" }, probs, { text: "）" }] },
        { at: "choose", parts: [{ text: "模型选出 “" }, chosen, { text: "”，概率 " }, p] },
      ];
  },
};
