// Beat "mask": the ghost cells of later tokens (above the diagonal) pulse once and fade away: a token
// cannot look ahead.

import { anim, hold, seq } from "../../../engine/combinators.js";
import { bump, smooth, window } from "../../../engine/easing.js";
import type { Chapter } from "../../../engine/explainer.js";
import { type AttentionContext, type AttentionShape, GRID_TOP } from "../context.js";
import { drawColumns, drawColumnTitle, drawFocusRow, drawGhosts, drawGrid, GHOST, drawGridTitle, drawQueries, drawQueriesTitle, drawRail, drawRowWords, drawScoreNumbers, wordStyle } from "./draw.js";
import { cue, say } from "./say.js";

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
  explain: {
    en: "A token may only look back, never ahead: the cells that would let it see the tokens after it are masked out.",
    zh: "词元只能往回看，不能往后看：那些会让它看到后面词元的格子都被遮掉了。",
  },
  caption: (ctx, lang) => {
    const { f, word } = say(ctx, lang);
    const { t, ids } = ctx.focus;
    // a weight above zero is a token seen: the mask leaves only the token itself and those before it
    const [first, seen, T] = [f.word("tokens", 0), (row: number) => f.count(ids.att, [row], 0), f.size(ids.att, 0)];
    return lang === "en"
      ? [cue(undefined, "No looking ahead: later cells are masked; “", first, "” sees ", seen(0), " of ", T, " tokens", ...(t > 0 ? [", “", word(), "” ", seen(t)] : []))]
      : [cue(undefined, "词元不能往后看：后面的格子被遮住，", T, " 个词元中 “", first, "” 只看得到 ", seen(0), " 个", ...(t > 0 ? ["，“", word(), "” 看得到 ", seen(t), " 个"] : []))];
  },
};
