// Beat "mlp": the stream widens to 4C cubes (four deep); GELU's gate; projection back; residual add.

import { facts } from "../../../engine/facts.js";
import { columnPlacement, deepPlacement, tensorBlock } from "../../../engine/blocks.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { bump, smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { layerId } from "../../../trace/ids.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { beatShot, clipShot } from "../../../engine/camera.js";
import { windowNote } from "../window-note.js";

export const mlp: Chapter<LlmContext, LlmShape> = {
  id: "mlp",
  weight: 90,
  clips: () => seq(anim("ln2", 1), anim("fc", 1.4), anim("gelu", 1.6), anim("proj", 1), anim("residual", 1), hold(0.3)),
  draw(s, ctx, P) {
    const { layout, theme, tensors } = ctx;
    const { C, hidden } = layout;
    const L = ctx.layer;
    const g = layout.grids;
    const base = theme.structure.opacity;
    const xOf = (id: "ln2" | "resid1" | "gelu" | "fc") => g[id].origin[0];
    const ln2 = P("ln2");
    const fc = P("fc");
    const gelu = P("gelu");
    const fcProj = P("proj");
    const resid2 = P("residual");
    s.add(tensorBlock(ctx, {
      id: "ln2", kind: "activation", tensor: layerId(L, "ln2"), grid: g.ln2, place: columnPlacement(), dims: layout.windows.model.dims,
      from: { tensor: layerId(L, "resid1"), t: smooth(ln2) }, offset: [-(xOf("ln2") - xOf("resid1")) * (1 - smooth(ln2)), 0, 0],
    }), ln2, layerId(L, "ln2"), g.ln2);
    s.add(tensorBlock(ctx, {
      id: "fc", kind: "activation", tensor: layerId(L, "fc"), grid: g.fc, place: deepPlacement(C), dims: layout.windows.hidden.dims, reveal: (_t, i) => wave(fc, i, hidden, 12),
    }), fc, layerId(L, "fc"), g.fc);
    const fcData = tensors[layerId(L, "fc")].data;
    const gate = smooth(window(gelu, 0.35, 1));
    s.add(tensorBlock(ctx, {
      id: "gelu", kind: "activation", tensor: layerId(L, "gelu"), grid: g.gelu, place: deepPlacement(C), dims: layout.windows.hidden.dims,
      from: { tensor: layerId(L, "fc"), t: smooth(window(gelu, 0.15, 0.6)) },
      offset: [-(xOf("gelu") - xOf("fc")) * (1 - smooth(window(gelu, 0, 0.3))), 0, 0],
      // GELU's gate: cubes whose input is not positive shrink and vanish
      reveal: (t, _j, i) => (fcData[t * layout.windows.hidden.of + i] > 0 ? 1 : 1 - gate),
      glow: bump(window(gelu, 0.35, 1)),
    }), gelu, layerId(L, "gelu"), g.gelu);
    s.add(tensorBlock(ctx, {
      id: "fcProj", kind: "activation", tensor: layerId(L, "fcProj"), grid: g.fcProj, place: columnPlacement(), dims: layout.windows.model.dims, reveal: (_t, i) => wave(fcProj, i, C),
    }), fcProj, layerId(L, "fcProj"), g.fcProj);
    s.add(tensorBlock(ctx, {
      id: "resid2", kind: "activation", tensor: layerId(L, "resid2"), grid: g.resid2, place: columnPlacement(), dims: layout.windows.model.dims, reveal: (_t, i) => wave(resid2, i, C),
    }), resid2, layerId(L, "resid2"), g.resid2);
    windowNote(s, ctx, "hidden", g.gelu, smooth(Math.min(1, fc * 1.5)));
    const wfc = layout.slabs.find((x) => x.id === "Wfc")!;
    const wproj = layout.slabs.find((x) => x.id === "Wproj")!;
    s.box("Wfc", "weight", wfc.center, wfc.size, ln2 > 0 ? base * 2 + 0.35 * bump(fc) : 0, theme.accents.weight);
    s.box("Wproj", "weight", wproj.center, wproj.size, ln2 > 0 ? base * 2 + 0.35 * bump(fcProj) : 0, theme.accents.weight);
    const tube = layout.tubes.find((x) => x.id === "skip.mlp")!;
    s.tube(tube.id, tube.points, tube.radius, ln2 > 0 ? base * 2 + 0.45 * bump(resid2) : 0);
  },
  shots: (ctx) => [beatShot(ctx, "mlp", "mlp", 0.18, ["resid1", "ln2", "fc", "gelu"]),
    clipShot(ctx, "mlp.proj", "mlp", 0.9, ["gelu", "fcProj", "resid2"], 4),],
  explain: {
    en: "The MLP then works on each token alone: it widens the vector, keeps its positive numbers and squeezes the negative ones close to zero (the GELU gate), and folds the result back into the running sum, the residual stream.",
    zh: "接着 MLP 分别处理每个词元：它把向量加宽，保留正的数、把负的数压到接近零（GELU 门），再把结果加回累计的和，也就是残差流。",
  },
  caption: (ctx, lang) => {
    const L = ctx.layer;
    const f = facts(ctx);
    const T = ctx.trace.tokens.length;
    const fcId = `l${L}.fc`;
    const geluId = `l${L}.gelu`;
    const gelu = tensorPart(geluId, "activation");
    const fc = tensorPart(fcId, "activation");
    const n = ctx.trace.tensors[geluId].shape[1];
    const positive = f.count(geluId, [T - 1], 0);
    const lowest = f.ranked(geluId, [T - 1], n - 1, "value");
    const last = f.word("tokens", T - 1);
    const allPositive = positive.text === String(n);
    const widen = lang === "en"
      ? [{ text: "The MLP widens each vector from " }, f.size(`l${L}.ln2`, 1), { text: " to " }, f.size(fcId, 1), { text: " numbers (" }, fc, { text: ")" }]
      : [{ text: "MLP 把每个向量从 " }, f.size(`l${L}.ln2`, 1), { text: " 个数加宽到 " }, f.size(fcId, 1), { text: " 个（" }, fc, { text: "）" }];
    // GELU keeps a positive number about as it is and squeezes a negative one to just below zero
    const gate = lang === "en"
      ? (allPositive
        ? [{ text: "GELU keeps all " }, positive, { text: " of “" }, last, { text: "”'s values positive (" }, gelu, { text: ")" }]
        : [{ text: "GELU keeps " }, positive, { text: " of “" }, last, { text: "”'s " }, f.size(geluId, 1), { text: " values positive, the rest squeezed near zero, the lowest " }, lowest, { text: " (" }, gelu, { text: ")" }])
      : (allPositive
        ? [{ text: "GELU 让 “" }, last, { text: "” 的全部 " }, positive, { text: " 个值保持为正（" }, gelu, { text: "）" }]
        : [{ text: "GELU 让 “" }, last, { text: "” 的 " }, f.size(geluId, 1), { text: " 个值中 " }, positive, { text: " 个保持为正，其余压到接近零，最低 " }, lowest, { text: "（" }, gelu, { text: "）" }]);
    return [{ parts: widen }, { at: "gelu", parts: gate }];
  },
};
