// Beat "mask": the ghost cells of later tokens (above the diagonal) pulse once and fade away: a token
// cannot look ahead.

import { anim, hold, seq } from "../../../engine/combinators.js";
import { bump, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { type AttentionContext, type AttentionShape, GRID_TOP } from "../context.js";
import { drawColumns, drawColumnTitle, drawFocusRow, drawGhosts, drawGrid, GHOST, drawGridTitle, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawScoreNumbers, wordStyle } from "./draw.js";

export const mask: Chapter<AttentionContext, AttentionShape> = {
  id: "mask",
  weight: 45,
  clips: () => seq(anim("pulse", 0.6), anim("vanish", 1), hold(0.4)),
  draw(s, ctx, P) {
    if (!s.inBeat("mask")) return;
    const { layout: L } = ctx;
    const T = L.T;
    const all = Array.from({ length: T }, (_, t) => t);
    const pulse = P("pulse");
    const vanish = smooth(P("vanish"));
    drawRail(s, ctx, () => 1);
    drawColumns(s, ctx, "k", all, () => 1);
    drawQueries(s, ctx, () => 1, () => 1);
    drawColumnTitle(s, ctx, "k", 1);
    drawQueriesTitle(s, ctx, 1);
    drawRowWords(s, ctx, () => 1);
    drawGrid(s, ctx, () => 1);
    if (vanish < 1) drawGhosts(s, ctx, () => GHOST * (1 + 0.12 * bump(pulse)) * (1 - vanish));
    drawGridTitle(s, ctx, "scores", 1);
    drawFocusRow(s, ctx, 1);
    drawScoreNumbers(s, ctx, 1);
    // a note over the upper triangle while it goes
    const note = smooth(pulse) * (1 - smooth(window(P("vanish"), 0.6, 1)));
    if (T > 2) s.label("note.mask", s.say("later tokens: masked", "之后的词元：被遮住"), [L.colX(T - 1) * 0.68, GRID_TOP - T * 0.22, 1.2], "attention", note, { ...wordStyle(ctx), size: 0.75 }, { of: "mask" });
  },
  shots: () => [],
  caption: (ctx, lang) => {
    const { T } = ctx.focus;
    const n = (T * (T - 1)) / 2;
    return lang === "en"
      ? [{ text: `A token cannot look ahead: the ${n} cells of later tokens, above the diagonal, are masked out` }]
      : [{ text: `词元不能看向后面：对角线上方属于后面词元的 ${n} 个格子被遮掉` }];
  },
};
