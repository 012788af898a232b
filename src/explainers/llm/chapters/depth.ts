// Beat "depth": each layer's slab lights in turn while its residual stream takes its colours.

import { columnPlacement, tensorBlock } from "../../../engine/blocks.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { bump, smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { NOTE } from "../../../engine/scene-builder.js";
import { layerId } from "../../../trace/ids.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { beatShot } from "../../../engine/camera.js";

export const depth: Chapter<LlmContext, LlmShape> = {
  id: "depth",
  weight: 60,
  clips: ({ nLayer }) => seq(hold(0.2), stagger(1, each(nLayer, (l) => anim(`layer.${l}`, 1.3))), hold(0.3)),
  draw(s, ctx, P) {
    const { layout, theme } = ctx;
    const { C } = layout;
    const base = theme.structure.opacity;
    const depthStart = s.reached("depth");
    for (let l = 0; l < layout.nLayer; l++) {
      const d = P(`layer.${l}`);
      const lb = layout.layerBoxes[l];
      s.box(lb.id, "weight", lb.center, lb.size, depthStart ? base * 1.5 + 0.4 * bump(d) : 0, theme.accents.weight);
      if (depthStart) s.label(`label.${lb.id}`, s.say(`layer ${l}`, `第 ${l} 层`), [lb.center[0], lb.center[1] + lb.size[1] / 2 + 1.2, 0], "weight", smooth(window(d, 0, 0.3)), NOTE, { of: `depth${l}` });
      const grid = layout.grids[`depth${l}`];
      s.add(tensorBlock(ctx, {
        id: `depth${l}`, kind: "activation", tensor: layerId(l, "resid2"), grid, place: columnPlacement(),
        from: { tensor: l === 0 ? "x0" : layerId(l - 1, "resid2"), t: smooth(window(d, 0.2, 0.9)) },
        reveal: (_t, i) => wave(window(d, 0, 0.6), i, C), glow: bump(d),
      }), d);
    }
  },
  shots: (ctx) => [beatShot(ctx, "depth", "depth", 0.25, ["resid2", "depth*"])],
  caption: (ctx, lang) => {
    const n = ctx.layout.nLayer;
    const last = tensorPart(`l${n - 1}.resid2`, "activation");
    return lang === "en"
      ? [{ text: `All ${n} layers refine the residual stream (` }, last, { text: ")" }]
      : [{ text: `全部 ${n} 层逐步改写残差流（` }, last, { text: "）" }];
  },
};
