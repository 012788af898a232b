// Beat "heads": small multiples of every head's weights in the layer, the focus head framed and named by
// its measured role; then everything fades and the camera returns to the first shot, so the clip loops.

import type { CaptionCue } from "../../../engine/cues.js";
import { beatShot, clipShot } from "../../../engine/camera.js";
import { anim, seq } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter, CaptionLanguage } from "../../../engine/explainer.js";
import type { HeadRole } from "../../../model/heads.js";
import type { AttentionContext, AttentionShape } from "../context.js";
import { drawArcs, drawColumns, drawColumnTitle, drawHeads, drawOutput, drawRail, ROLE_ZH } from "./draw.js";
import { cue, say } from "./say.js";

export const heads: Chapter<AttentionContext, AttentionShape> = {
  id: "heads",
  weight: 60,
  clips: () => seq(anim("out", 0.5), anim("grids", 1.3), anim("look", 0.7), anim("return", 0.8)),
  draw(s, ctx, P) {
    if (!s.inBeat("heads")) return;
    const { layout: L, focus } = ctx;
    const out = 1 - smooth(P("out"));
    if (out > 0) {
      drawRail(s, ctx, () => 1, out, 1);
      drawArcs(s, ctx, out);
      drawOutput(s, ctx, () => 1, out);
      drawColumns(s, ctx, "v", Array.from({ length: focus.t + 1 }, (_, i) => i), () => 1, () => 0, (i) => (1 - 0.7 * (1 - focus.weights[i])) * out);
      drawColumnTitle(s, ctx, "v", out);
    }
    const grids = P("grids");
    const n = focus.nHead;
    // the focus head first, then the others
    const order = (h: number) => (h === focus.head ? 0 : h < focus.head ? h + 1 : h);
    drawHeads(s, ctx, (h, t) => smooth(wave(window(grids, (0.4 * order(h)) / n, (0.4 * order(h)) / n + 0.6), t, L.T, 2 * L.T)), smooth(window(grids, 0, 0.5)));
  },
  shots: (ctx) => [beatShot(ctx, "heads", "heads", 0.35, ["head.*"]), clipShot(ctx, "heads.return", "tokens", 1, ["tokens", "k.*"])],
  explain: {
    en: "A layer has several heads side by side, each looking back in its own way; some have a role we can measure, such as finding what followed a word the last time it appeared.",
    zh: "一层里有几个并排的注意力头，各自用自己的方式往回看；有些头有可以测量的角色，比如找出某个词上次出现时后面跟着的词。",
  },
  caption: (ctx, lang) => headsCaption(ctx, lang),
};

/** What each measured role does, in words. */
const DOES: Record<CaptionLanguage, Record<HeadRole, string>> = {
  en: {
    induction: "It looks at the word after an earlier copy",
    "previous-token": "It looks at the token just before",
    "duplicate-token": "It looks at an earlier copy of the word",
    "colour-binding": "It looks from a thing to its colour",
    "copy-cue": "It looks at the word that marks a copy",
  },
  zh: {
    induction: "它看向前面副本之后的那个词",
    "previous-token": "它看向前一个词元",
    "duplicate-token": "它看向同一个词在前面的副本",
    "colour-binding": "它从事物看向前面的颜色",
    "copy-cue": "它看向标志复制的那个词",
  },
};

/**
 * The layer's heads and the focus head's measured role (the manifest's), or another head's where it has
 * none; then what the focus head does on this prompt.
 */
export function headsCaption(ctx: AttentionContext, lang: CaptionLanguage): CaptionCue[] {
  const { f, word, top, weight, topIndex } = say(ctx, lang);
  const { layer, head, nHead, roles, copy } = ctx.focus;
  const role = roles[head];
  const [L, H, N] = [f.given(layer), f.given(head), f.given(nHead)];
  const named = (h: number) => f.role(lang === "en" ? `${roles[h]} head` : ROLE_ZH[roles[h]!], layer, h);
  const other = roles.findIndex((r) => r !== null);
  // the induction pattern on this prompt: the focus word looks at the word after its earlier copy
  const after = copy >= 0 && topIndex() === copy + 1;
  if (lang === "en") {
    const here = ["“", word(), "” looks most at ", ...top(), " (", weight(), ")"];
    const layerOf = ["Layer ", L, "'s ", N, " heads: "];
    if (!role) {
      return other < 0
        ? [cue(undefined, ...layerOf, "framed head ", H, " has no clear role; ", ...here)]
        : [cue(undefined, ...layerOf, "head ", f.given(other), " is the ", named(other), "; framed head ", H, " has no clear role"), cue("look", "Here ", ...here)];
    }
    return [
      cue(undefined, ...layerOf, "head ", H, ", framed, is the ", named(head)),
      role === "induction" && after
        ? cue("look", "It looks past the earlier “", f.word("tokens", copy), "” to the word after it: ", ...top(), " (", weight(), ")")
        : cue("look", DOES.en[role], "; ", ...here),
    ];
  }
  const here = ["“", word(), "” 最多看向 ", ...top(), "（", weight(), "）"];
  const layerOf = ["第 ", L, " 层的 ", N, " 个头："];
  if (!role) {
    return other < 0
      ? [cue(undefined, ...layerOf, "框出的第 ", H, " 个头没有明确的测得角色；", ...here)]
      : [cue(undefined, ...layerOf, "第 ", f.given(other), " 个头是", named(other), "；框出的第 ", H, " 个头没有明确角色"), cue("look", "这里 ", ...here)];
  }
  return [
    cue(undefined, ...layerOf, "框出的第 ", H, " 个头是", named(head)),
    role === "induction" && after
      ? cue("look", "它越过前面那个 “", f.word("tokens", copy), "”，看向它后面的词：", ...top(), "（", weight(), "）")
      : cue("look", DOES.zh[role], "；这里 ", ...here),
  ];
}
