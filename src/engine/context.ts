// Assembling an explainer's context: the timeline from its chapters, the camera route from their shots.

import { type Chapter, type ExplainerContext } from "./explainer.js";
import { scope } from "./combinators.js";
import { type BeatSpec, compile } from "./timeline.js";
import { durationInFrames } from "./props.js";

/**
 * Compiles the chapters (each one's clips scoped by its id) into the timeline for the props'
 * fps and length, then adds the camera route: every chapter's shots, in chapter order. The
 * context keeps the chapters: sceneStateAt draws and captions with them.
 */
export function assemble<C extends ExplainerContext, D>(
  chapters: Chapter<C, D>[], data: D, rest: Omit<C, "chapters" | "timeline" | "cameraPath">,
): C {
  const p = rest.props;
  const timeline = compile(beatSpecs(chapters, data), p.fps, durationInFrames(p));
  const withTimeline = { ...rest, chapters, timeline } as Omit<C, "cameraPath">;
  return { ...withTimeline, cameraPath: chapters.flatMap((c) => c.shots(withTimeline)) } as C;
}

/** The chapters as beats for the timeline compiler: each one's clips scoped by its id. */
export function beatSpecs<C extends ExplainerContext, D>(chapters: Chapter<C, D>[], data: D): BeatSpec[] {
  return chapters.map((c) => ({ id: c.id, weight: c.weight, body: scope(c.id, c.clips(data)) }));
}
