// Assembling an explainer's context: the timeline from its chapters, the camera route from their shots.

import { type Chapter, type ExplainerContext } from "./explainer.js";
import { blockCorners, drawFrame, frameRoute } from "./framing.js";
import { scope } from "./combinators.js";
import { type BeatSpec, compile } from "./timeline.js";
import { durationInFrames } from "./props.js";

/**
 * Compiles the chapters (each one's clips scoped by its id) into the timeline for the props'
 * fps and length, then adds the camera route: every chapter's shots, in chapter order. The
 * context keeps the chapters: sceneStateAt draws and captions with them.
 */
export function assemble<C extends ExplainerContext, D>(
  chapters: Chapter<C, D>[], data: D, rest: Omit<C, "chapters" | "timeline" | "cameraPath" | "framed" | "groundY">,
): C {
  const p = rest.props;
  const timeline = compile(beatSpecs(chapters, data), p.fps, durationInFrames(p));
  const withTimeline = { ...rest, chapters, timeline } as unknown as Omit<C, "cameraPath" | "framed" | "groundY">;
  const cameraPath = chapters.flatMap((c) => c.shots(withTimeline));
  return { ...withTimeline, cameraPath, framed: frameRoute(withTimeline, cameraPath), groundY: groundUnder(withTimeline) } as C;
}

/** A little under the lowest block or structure shown at the end of any beat. */
function groundUnder(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">): number {
  let low = Infinity;
  for (const b of ctx.timeline.beats) {
    const s = drawFrame(ctx, b.from + b.durationInFrames - 1);
    for (const blk of s.blocks) for (const c of blockCorners(blk) ?? []) low = Math.min(low, c[1]);
    for (const st of s.structures) {
      if (st.type === "box") low = Math.min(low, st.center[1] - st.size[1] / 2);
      else for (const q of st.points) low = Math.min(low, q[1] - st.radius);
    }
  }
  return (Number.isFinite(low) ? low : 0) - 0.6;
}

/** The chapters as beats for the timeline compiler: each one's clips scoped by its id. */
export function beatSpecs<C extends ExplainerContext, D>(chapters: Chapter<C, D>[], data: D): BeatSpec[] {
  return chapters.map((c) => ({ id: c.id, weight: c.weight, body: scope(c.id, c.clips(data)) }));
}
