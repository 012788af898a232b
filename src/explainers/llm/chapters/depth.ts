// Beat "depth": each layer's slab lights in turn while its residual stream takes its colours.

import { facts } from "../../../engine/facts.js";
import { columnPlacement, tensorBlock } from "../../../engine/blocks.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { bump, smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { NOTE } from "../../../engine/scene-builder.js";
import { layerId } from "../../../trace/ids.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { beatShot } from "../../../engine/camera.js";

/** Width of a layer's name ("layer 23") in pixels of a 1080-tall frame, with room between two names (more at the far end of the row). */
const NAME_PX = 150;
/** The least size (pixels of a 1080-tall frame) a label may have in the scene and still be drawn (screen.ts hides smaller ones). */
const DRAWN_PX = 12;

/**
 * Which layers' boxes are named, and how large the names are in the scene: every one, at NOTE's
 * size, when they fit; a deep model's every k-th, as many as fit side by side
 * across the depth shot, each large enough to be drawn (24 layers in landscape: every 3rd).
 */
export function layerNames(ctx: LlmContext): { named: (l: number) => boolean; size: number } {
  const { nLayer, regions } = ctx.layout;
  const aspect = ctx.props.width / ctx.props.height;
  const span = regions.depth.max[0] - regions.depth.min[0];
  // pixels (of a 1080-tall frame) per unit across the depth shot, which its width fills
  const ppu = (0.9 * 1080 * aspect) / span;
  const every = Math.max(1, Math.ceil(NAME_PX / (ppu * (span / nLayer))));
  return { named: (l) => l % every === 0, size: Math.max(NOTE.size, DRAWN_PX / ppu) };
}

export const depth: Chapter<LlmContext, LlmShape> = {
  id: "depth",
  weight: 60,
  clips: ({ nLayer }) => seq(hold(0.2), stagger(1, each(nLayer, (l) => anim(`layer.${l}`, 1.3))), hold(0.3)),
  draw(s, ctx, P) {
    const { layout, theme } = ctx;
    const { C } = layout;
    const base = theme.structure.opacity;
    const depthStart = s.reached("depth");
    const names = layerNames(ctx);
    for (let l = 0; l < layout.nLayer; l++) {
      const d = P(`layer.${l}`);
      const lb = layout.layerBoxes[l];
      s.box(lb.id, "weight", lb.center, lb.size, depthStart ? base * 1.5 + 0.4 * bump(d) : 0, theme.accents.weight);
      if (depthStart && names.named(l)) s.label(`label.${lb.id}`, s.say(`layer ${l}`, `第 ${l} 层`), [lb.center[0], lb.center[1] + lb.size[1] / 2 + 0.45 + names.size, 0], "weight", smooth(window(d, 0, 0.3)), { ...NOTE, size: names.size }, { of: `depth${l}` });
      const grid = layout.grids[`depth${l}`];
      s.add(tensorBlock(ctx, {
        id: `depth${l}`, kind: "activation", tensor: layerId(l, "resid2"), grid, place: columnPlacement(), dims: layout.windows.model.dims,
        from: { tensor: l === 0 ? "x0" : layerId(l - 1, "resid2"), t: smooth(window(d, 0.2, 0.9)) },
        reveal: (_t, i) => wave(window(d, 0, 0.6), i, C), glow: bump(d),
      }), d);
    }
  },
  shots: (ctx) => [beatShot(ctx, "depth", "depth", 0.25, ["resid2", "depth*"])],
  explain: {
    en: "The same two steps, attention then MLP, repeat in every layer; each layer adds its own small correction to every token's vector.",
    zh: "同样的两步，先注意力后 MLP，在每一层重复；每一层都给每个词元的向量加上自己的一点修正。",
  },
  caption: (ctx, lang) => {
    const n = ctx.layout.nLayer;
    const f = facts(ctx);
    const T = ctx.trace.tokens.length;
    const id = `l${n - 1}.resid2`;
    const last = tensorPart(id, "activation");
    return lang === "en"
      ? [{ parts: [{ text: "Every layer refines the residual stream: “" }, f.word("tokens", T - 1), { text: "”'s largest number ends at " }, f.ranked(id, [T - 1], 0, "value"), { text: " (" }, last, { text: ")" }] }]
      : [{ parts: [{ text: "每一层都改写残差流：“" }, f.word("tokens", T - 1), { text: "” 的向量里最大的数最后是 " }, f.ranked(id, [T - 1], 0, "value"), { text: "（" }, last, { text: "）" }] }];
  },
};
