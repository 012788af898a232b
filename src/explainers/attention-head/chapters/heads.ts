// Beat "heads": small multiples of every head's weights in the layer, the focus head framed and named by
// its measured role; then everything fades and the camera returns to the first shot, so the clip loops.

import { beatShot, clipShot } from "../../../engine/camera.js";
import { anim, hold, seq } from "../../../engine/combinators.js";
import { smooth, wave, window } from "../../../engine/easing.js";
import type { Chapter, CaptionLanguage } from "../../../engine/explainer.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import type { AttentionContext, AttentionShape } from "../context.js";
import { drawArcs, drawColumns, drawColumnTitle, drawHeads, drawOutput, drawRail, pct, ROLE_ZH } from "./draw.js";

export const heads: Chapter<AttentionContext, AttentionShape> = {
  id: "heads",
  weight: 60,
  clips: () => seq(anim("out", 0.5), anim("grids", 1.3), hold(0.7), anim("return", 0.8)),
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
  caption: (ctx, lang) => headsCaption(ctx, lang),
};

/** What the head does, in words: its measured role (from the manifest) and what it does on this prompt. */
export function headsCaption(ctx: AttentionContext, lang: CaptionLanguage): CaptionPart[] {
  const { layer, head, nHead, role, word, topWord, topWeight, copy, top } = { ...ctx.focus, role: ctx.focus.roles[ctx.focus.head] };
  const score = pct(ctx.focus.roleScore);
  const here = lang === "en" ? `here “${word}” looks at “${topWord}” (${pct(topWeight)})` : `这里 “${word}” 看向 “${topWord}”（${pct(topWeight)}）`;
  const after = copy >= 0 && top === copy + 1;
  if (lang === "en") {
    const what: Record<string, string> = {
      induction: after ? `it looks at the word after the earlier “${word}”: “${topWord}” (${pct(topWeight)})` : here,
      "previous-token": `it looks at the token just before; ${here}`,
      "duplicate-token": `it looks at an earlier copy of the same word; ${here}`,
      "colour-binding": `it looks from a thing to the colour before it; ${here}`,
      "copy-cue": `it looks at the word that marks a copy; ${here}`,
    };
    const text = role
      ? `The ${nHead} heads of layer ${layer}: head ${head} is its ${role} head (${score} on the probes): ${what[role]}`
      : `The ${nHead} heads of layer ${layer}: head ${head} has no clear measured role; ${here}`;
    return [{ text }];
  }
  const what: Record<string, string> = {
    induction: after ? `它看向前面那个 “${word}” 之后的词：“${topWord}”（${pct(topWeight)}）` : here,
    "previous-token": `它看向前一个词元；${here}`,
    "duplicate-token": `它看向同一个词在前面的副本；${here}`,
    "colour-binding": `它从事物看向前面的颜色；${here}`,
    "copy-cue": `它看向标志复制的那个词；${here}`,
  };
  const text = role
    ? `第 ${layer} 层的 ${nHead} 个头：第 ${head} 个头是${ROLE_ZH[role]}（探针上 ${score}）：${what[role]}`
    : `第 ${layer} 层的 ${nHead} 个头：第 ${head} 个头没有明确的测得角色；${here}`;
  return [{ text }];
}
