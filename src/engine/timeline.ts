// Compiles beats (weights + clip trees) once into a Timeline with whole-frame beat boundaries; progress and beat lookup.

import { type Clip, duration, flatten } from "./combinators.js";

export interface BeatSpec {
  id: string;
  /** Relative length; beats share the video in proportion to their weights. */
  weight: number;
  body: Clip;
}

export interface TimelineBeat {
  id: string;
  from: number;
  durationInFrames: number;
}

export interface TimelineClip {
  id: string;
  beat: number;
  /** Absolute frames (fractional); progress runs from 0 at start to 1 at end. */
  start: number;
  end: number;
}

export interface Timeline {
  fps: number;
  durationInFrames: number;
  beats: TimelineBeat[];
  clips: Record<string, TimelineClip>;
}

/**
 * Beat boundaries are round(cumulative weight / total × frames): whole frames, in order,
 * covering 0..frames-1 exactly once. Inside a beat, clips are scaled so that the beat's
 * first frame is time 0 and its last frame is time 1 (so a clip ending at 1 completes
 * within its beat).
 */
export function compile(beats: BeatSpec[], fps: number, durationInFrames: number): Timeline {
  if (beats.length === 0) throw new Error("a storyboard needs at least one beat");
  if (durationInFrames < beats.length) throw new RangeError(`${durationInFrames} frames cannot hold ${beats.length} beats`);
  const total = beats.reduce((s, b) => s + b.weight, 0);
  const out: TimelineBeat[] = [];
  const clips: Record<string, TimelineClip> = {};
  let cum = 0;
  let from = 0;
  beats.forEach((b, i) => {
    cum += b.weight;
    const to = i === beats.length - 1 ? durationInFrames : Math.round((cum / total) * durationInFrames);
    const len = to - from;
    if (len < 1) throw new RangeError(`beat ${b.id} would get ${len} frames`);
    out.push({ id: b.id, from, durationInFrames: len });
    const units = duration(b.body) || 1;
    const span = Math.max(1, len - 1);
    for (const c of flatten(b.body)) {
      if (clips[c.id]) throw new Error(`clip id ${c.id} is used twice`);
      clips[c.id] = { id: c.id, beat: i, start: from + (c.start / units) * span, end: from + (c.end / units) * span };
    }
    from = to;
  });
  return { fps, durationInFrames, beats: out, clips };
}

/** Index of the beat that holds `frame` (frames outside the video clamp to the ends). */
export function beatIndexAt(tl: Timeline, frame: number): number {
  for (let i = tl.beats.length - 1; i >= 0; i--) if (frame >= tl.beats[i].from) return i;
  return 0;
}

/** Linear progress of a clip at `frame`: 0 before it starts, 1 once it has ended. */
export function progress(tl: Timeline, clipId: string, frame: number): number {
  const c = tl.clips[clipId];
  if (!c) throw new Error(`unknown clip ${clipId}`);
  if (frame <= c.start) return frame >= c.end ? 1 : 0;
  if (frame >= c.end) return 1;
  return (frame - c.start) / (c.end - c.start);
}
