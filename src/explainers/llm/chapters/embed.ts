// Beat "embed": each token unfolds into a column of C cubes; position cubes slide in and merge.

import { facts } from "../../../engine/facts.js";
import { columnPlacement, tensorBlock } from "../../../engine/blocks.js";
import { anim, each, hold, seq, stagger } from "../../../engine/combinators.js";
import { smooth, window, wave } from "../../../engine/easing.js";
import { TITLE } from "../../../engine/scene-builder.js";
import type { Chapter } from "../../../engine/explainer.js";
import { tensorPart } from "../../caption-parts.js";
import type { LlmContext, LlmShape } from "../context.js";
import { GAP, RAIL_Y } from "../layout.js";
import { windowNote } from "../window-note.js";
import { isPartial } from "../../../engine/window.js";
import { beatShot } from "../../../engine/camera.js";

export const embed: Chapter<LlmContext, LlmShape> = {
  id: "embed",
  weight: 75,
  clips: ({ T }) => seq(stagger(0.35, each(T, (t) => anim(`unfold.${t}`, 1))), anim("pos", 1.2), anim("merge", 1), hold(0.3)),
  draw(s, ctx, P) {
    const { layout } = ctx;
    const { T, C } = layout;
    const g = layout.grids;
    const unfold = Array.from({ length: T }, (_, t) => P(`unfold.${t}`));
    const pos = P("pos");
    const merge = smooth(P("merge"));
    s.add(tensorBlock(ctx, {
      id: "x0", kind: "activation", tensor: merge > 0 ? "x0" : "tokEmb", grid: g.x0, place: columnPlacement(), dims: layout.windows.model.dims,
      from: merge > 0 ? { tensor: "tokEmb", t: merge } : undefined,
      reveal: (t, i) => wave(unfold[t], i, C),
    }), unfold[0], merge > 0.5 ? "x0" : "tokEmb", g.x0);
    windowNote(s, ctx, "model", g.x0, smooth(Math.min(1, unfold[0] * 1.5)), RAIL_Y - 2.4); // under the rail
    if (pos > 0 && merge < 1) {
      s.add(tensorBlock(ctx, {
        id: "posEmb", kind: "activation", tensor: "posEmb", grid: g.x0, place: columnPlacement(), dims: layout.windows.model.dims,
        offset: [-(T + GAP) * (1 - smooth(pos)), 0, 1.2 * (1 - merge)], opacity: (1 - merge) * smooth(window(pos, 0, 0.5)),
      }), pos);
      s.tensorLabel("label.posEmb", "posEmb", [g.x0.origin[0] - (T + GAP) * (1 - smooth(pos)) + (T - 1) / 2, C + 3, 0], "activation", smooth(pos) * (1 - merge), TITLE, "posEmb");
    }
  },
  shots: (ctx) => [beatShot(ctx, "embed", "embed", 0.3, ["tokens", "x0", "posEmb"])],
  explain: {
    en: "Each token is turned into a list of numbers, its embedding: one vector for the word itself, plus one for its place in the prompt.",
    zh: "每个词元被变成一串数字，即它的嵌入：一个向量表示词本身，再加上一个表示它在提示词中位置的向量。",
  },
  caption: (ctx, lang) => {
    const n = facts(ctx).size("x0", 1);
    const sum = [tensorPart("tokEmb", "activation"), { text: " + " }, tensorPart("posEmb", "activation"), { text: " = " }, tensorPart("x0", "activation")];
    // a wide model's columns draw a window of its dimensions (layout.ts llmWindows): the caption says how many
    const w = ctx.layout.windows.model;
    const drawn = facts(ctx).given(w.dims.length);
    if (isPartial(w)) {
      return lang === "en"
        ? [{ parts: [{ text: "Each token becomes a vector of " }, n, { text: " numbers, " }, drawn, { text: " of them drawn: " }, ...sum] }]
        : [{ parts: [{ text: "每个词元变成 " }, n, { text: " 个数字（画出其中 " }, drawn, { text: " 个）：" }, ...sum] }];
    }
    return lang === "en"
      ? [{ parts: [{ text: "Each token becomes a vector of " }, n, { text: " numbers: " }, ...sum] }]
      : [{ parts: [{ text: "每个词元变成 " }, n, { text: " 个数字：" }, ...sum] }];
  },
};
