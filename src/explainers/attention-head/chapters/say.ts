// What AttentionHead's captions say of the focus token, as runs that state facts of the trace (engine/facts.ts).

import type { CaptionCue } from "../../../engine/cues.js";
import { facts } from "../../../engine/facts.js";
import type { CaptionPart } from "../../../engine/scene-types.js";
import type { AttentionContext } from "../context.js";

/** A caption cue from its runs, plain text given as strings; `at` is the beat's clip it starts with. */
export const cue = (at: string | undefined, ...runs: (string | CaptionPart)[]): CaptionCue => ({
  at, parts: runs.map((r) => (typeof r === "string" ? { text: r } : r)),
});

/** The facts builders, and the focus token's: its word, and the tokens it weighs most (rank 0, 1 …) in its row. */
export function say(ctx: AttentionContext, lang: "en" | "zh") {
  const f = facts(ctx);
  const { t, ids } = ctx.focus;
  const seen: [number, number] = [0, t + 1];
  return {
    f,
    word: () => f.word("tokens", t),
    /** The token of the rank-th largest weight of the focus row, quoted ("itself" for the focus token), and that weight as a percentage. */
    top: (rank = 0) => f.rankedWord(ids.att, [t], rank, t, lang, seen),
    weight: (rank = 0) => f.ranked(ids.att, [t], rank, "percent", seen),
    /** Index of the rank-th largest weight (to choose what to say about it). */
    topIndex: (rank = 0) => f.rankedIndex(ids.att, [t], rank, seen),
    /** The token of the rank-th highest score of the focus row, and the score. */
    topScored: (rank = 0) => f.rankedWord(ids.preatt, [t], rank, t, lang, seen),
    score: (rank = 0) => f.ranked(ids.preatt, [t], rank, "value", seen),
    /** ", 16 of them drawn" (in the language) after a head's size when its vectors are drawn through a window; nothing when whole. */
    drawn: (): (string | CaptionPart)[] => {
      const w = ctx.focus.window;
      if (w.dims.length === w.of) return [];
      return lang === "en" ? [", ", f.given(w.dims.length), " of them drawn"] : ["（画出其中 ", f.given(w.dims.length), " 个）"];
    },
  };
}
