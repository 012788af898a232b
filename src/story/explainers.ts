// The flagship storyboard, LLMExplainer: seven beats in STORYBOARD.md's order, authored with seq/par/stagger/hold.

import { anim, hold, par, seq, stagger } from "./combinators.js";
import type { BeatSpec } from "./compile.js";

export const BEAT_IDS = ["tokens", "embed", "attention", "mlp", "depth", "output", "append"] as const;
export type BeatId = (typeof BEAT_IDS)[number];

/** Frames of each beat in the 18 s, 30 fps original (STORYBOARD.md); other lengths scale these. */
export const BEAT_WEIGHTS: Record<BeatId, number> = {
  tokens: 60, embed: 75, attention: 120, mlp: 90, depth: 60, output: 75, append: 60,
};

const each = (n: number, f: (i: number) => ReturnType<typeof anim>) => Array.from({ length: n }, (_, i) => f(i));

/** The storyboard for a prompt of T tokens through nLayer layers. */
export function llmExplainerBeats(T: number, nLayer: number): BeatSpec[] {
  const body: Record<BeatId, BeatSpec["body"]> = {
    tokens: seq(hold(0.3), stagger(0.5, each(T, (t) => anim(`tokens.drop.${t}`, 1))), hold(0.4)),
    embed: seq(
      stagger(0.35, each(T, (t) => anim(`embed.unfold.${t}`, 1))),
      anim("embed.pos", 1.2),
      anim("embed.merge", 1),
      hold(0.3),
    ),
    attention: seq(
      anim("attention.ln1", 1),
      stagger(0.35, each(T, (t) => anim(`attention.qkv.${t}`, 1.1))),
      anim("attention.scores", 1.4),
      anim("attention.softmax", 1.2),
      stagger(0.3, each(T, (t) => anim(`attention.mix.${t}`, 0.9))),
      anim("attention.proj", 1),
      anim("attention.residual", 1),
      hold(0.3),
    ),
    mlp: seq(anim("mlp.ln2", 1), anim("mlp.fc", 1.4), anim("mlp.gelu", 1.6), anim("mlp.proj", 1), anim("mlp.residual", 1), hold(0.3)),
    depth: seq(hold(0.2), stagger(1, each(nLayer, (l) => anim(`depth.layer.${l}`, 1.3))), hold(0.3)),
    output: seq(anim("output.lnf", 1), anim("output.logits", 1.3), anim("output.softmax", 1.2), anim("output.choose", 1), hold(0.3)),
    append: seq(par(anim("append.slide", 1.2), anim("append.pullback", 1.4)), hold(0.3), par(anim("append.fade", 1.1), anim("append.return", 1.3))),
  };
  return BEAT_IDS.map((id) => ({ id, weight: BEAT_WEIGHTS[id], body: body[id] }));
}
