// The camera's route through the flagship: which named shot from which frame, and how long each move takes.

import type { ShotName } from "../layout/camera.js";
import type { Timeline } from "./compile.js";
import type { BeatId } from "./explainers.js";

export interface CameraSegment {
  /** First frame of the move towards `shot`. */
  start: number;
  shot: ShotName;
  /** Frames the move takes (at least 1). */
  frames: number;
}

const SHOT_FOR_BEAT: Record<BeatId, ShotName> = {
  tokens: "tokens", embed: "embed", attention: "attentionIn", mlp: "mlp", depth: "depth", output: "output", append: "overview",
};

/** Segments in frame order; the first holds the opening shot, the last returns to it on the last frame. */
export function cameraPath(tl: Timeline): CameraSegment[] {
  const clip = (id: string) => tl.clips[id];
  const seg = (start: number, shot: ShotName, frames: number): CameraSegment => ({ start, shot, frames: Math.max(1, frames) });
  const beat = (id: BeatId, share: number) => {
    const b = tl.beats.find((x) => x.id === id)!;
    return seg(b.from, SHOT_FOR_BEAT[id], b.durationInFrames * share);
  };
  const span = (id: string) => clip(id).end - clip(id).start;
  return [
    seg(0, "tokens", 1),
    beat("embed", 0.3),
    beat("attention", 0.12),
    seg(clip("attention.scores").start - 4, "scores", span("attention.scores") * 0.6),
    seg(clip("attention.mix.0").start, "attentionOut", span("attention.mix.0") * 1.2),
    beat("mlp", 0.18),
    beat("depth", 0.25),
    beat("output", 0.2),
    seg(clip("append.pullback").start, "overview", span("append.pullback")),
    seg(clip("append.return").start, "tokens", span("append.return")),
  ];
}
