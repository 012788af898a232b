// Camera moves of the flagship's chapters: towards a named shot at a beat's start, or at a clip's.

import { type CameraSegment, segment } from "../../../engine/camera.js";
import type { ExplainerContext } from "../../../engine/explainer.js";
import type { ShotName } from "../layout.js";

type Ctx = Pick<ExplainerContext, "timeline">;

/** From the first frame of beat `beat`, a move to `shot` over `share` of the beat. */
export function beatShot(ctx: Ctx, beat: string, shot: ShotName, share: number): CameraSegment {
  const b = ctx.timeline.beats.find((x) => x.id === beat)!;
  return segment(b.from, shot, b.durationInFrames * share);
}

/** From `lead` frames before clip `clip` starts, a move to `shot` over `share` of the clip's length. */
export function clipShot(ctx: Ctx, clip: string, shot: ShotName, share: number, lead = 0): CameraSegment {
  const c = ctx.timeline.clips[clip];
  return segment(c.start - lead, shot, (c.end - c.start) * share);
}
