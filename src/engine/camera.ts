// Camera shots: framing a region, blending two shots, a slow orbit, and a route of shots over the frames.

import { cameraBasis, project } from "./project.js";
import { bump, smooth } from "./easing.js";
import { type Bounds, type Vec3 } from "./grid.js";
import type { Timeline } from "./timeline.js";

export interface CameraShot {
  position: Vec3;
  target: Vec3;
  /** Vertical field of view in degrees. */
  fov: number;
}

const FOV = 32;
export const FRAME_MARGIN = { top: 0.06, bottom: 0.17, side: 0.05 };
/** The unit vector along (x, y, z). */
export const direction = (x: number, y: number, z: number): Vec3 => {
  const n = Math.hypot(x, y, z);
  return [x / n, y / n, z / n];
};
/** A three-quarter view: a little from the right and from above. */
export const VIEW_DIR: Vec3 = direction(0.3, 0.2, 1);

const corners = (b: Bounds): Vec3[] => {
  const out: Vec3[] = [];
  for (const x of [b.min[0], b.max[0]]) for (const y of [b.min[1], b.max[1]]) for (const z of [b.min[2], b.max[2]]) out.push([x, y, z]);
  return out;
};

/** How far a shot's camera stands from what it looks at. */
export const shotDistance = (s: CameraShot): number => Math.hypot(...[0, 1, 2].map((i) => s.position[i] - s.target[i]));

const shotAt = (target: Vec3, dir: Vec3, dist: number): CameraShot => ({
  target,
  position: [target[0] + dir[0] * dist, target[1] + dir[1] * dist, target[2] + dir[2] * dist],
  fov: FOV,
});

/**
 * The shot along `dir` that fits every corner of the box (or boxes) into a frame of the given
 * aspect ratio, less a margin (a fraction of the frame's height kept free on each side; the
 * bottom one leaves room for the caption), and centres what it shows in the free area: the
 * nearest distance at which the corners fit, with the target moved (three rounds) until their
 * projection sits in the middle of the frame between the margins.
 */
export function frameRegion(region: Bounds | Bounds[], aspect: number, margin = FRAME_MARGIN, dir: Vec3 = VIEW_DIR): CameraShot {
  const boxes = Array.isArray(region) ? region : [region];
  return framePoints(boxes.flatMap(corners), aspect, margin, dir);
}

/** The shot along `dir` that fits and centres these points between the margins (see frameRegion). */
export function framePoints(pts: Vec3[], aspect: number, margin = FRAME_MARGIN, dir: Vec3 = VIEW_DIR): CameraShot {
  const lo3 = [0, 1, 2].map((i) => Math.min(...pts.map((p) => p[i])));
  const hi3 = [0, 1, 2].map((i) => Math.max(...pts.map((p) => p[i])));
  let target: Vec3 = [0, 1, 2].map((i) => (lo3[i] + hi3[i]) / 2) as unknown as Vec3;
  const extent = (shot: CameraShot) => {
    const ps = pts.map((p) => project(shot, p, aspect, 1));
    const xs = ps.map((p) => p.x);
    const ys = ps.map((p) => p.y);
    return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys), behind: ps.some((p) => p.depth <= 0) };
  };
  const fits = (t: Vec3, dist: number) => {
    const e = extent(shotAt(t, dir, dist));
    return !e.behind && e.x0 >= margin.side && e.x1 <= aspect - margin.side && e.y0 >= margin.top && e.y1 <= 1 - margin.bottom;
  };
  const nearest = (t: Vec3) => {
    let lo = 1;
    let hi = 8;
    while (!fits(t, hi)) hi *= 2;
    for (let i = 0; i < 40; i++) {
      const mid = (lo + hi) / 2;
      if (fits(t, mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  const { right, up } = cameraBasis(shotAt(target, dir, 1));
  for (let round = 0; round < 3; round++) {
    const dist = nearest(target);
    const e = extent(shotAt(target, dir, dist));
    const perUnit = 2 * dist * Math.tan((FOV * Math.PI) / 360); // world units per frame height at the target
    const dx = ((e.x0 + e.x1) / 2 - aspect / 2) * perUnit;
    const dy = -((e.y0 + e.y1) / 2 - (margin.top + 1 - margin.bottom) / 2) * perUnit;
    target = [0, 1, 2].map((i) => target[i] + right[i] * dx + up[i] * dy) as unknown as Vec3;
  }
  return shotAt(target, dir, nearest(target));
}

/** A view direction turned by `degrees` about the vertical axis, as orbit() turns a shot. */
export function turn(dir: Vec3, degrees: number): Vec3 {
  const a = (degrees * Math.PI) / 180;
  return [dir[0] * Math.cos(a) + dir[2] * Math.sin(a), dir[1], -dir[0] * Math.sin(a) + dir[2] * Math.cos(a)];
}

/** The direction a shot looks from (target towards the camera, unit length). */
export const viewDirection = (s: CameraShot): Vec3 => direction(s.position[0] - s.target[0], s.position[1] - s.target[1], s.position[2] - s.target[2]);

/** One shot per named region (a box, or several boxes framed together). */
export function shotsFor<N extends string>(regions: Record<N, Bounds | Bounds[]>, aspect: number, margin = FRAME_MARGIN, dir = VIEW_DIR): Record<N, CameraShot> {
  const out = {} as Record<N, CameraShot>;
  for (const name of Object.keys(regions) as N[]) out[name] = frameRegion(regions[name], aspect, margin, dir);
  return out;
}

const lerp3 = (a: Vec3, b: Vec3, t: number): Vec3 => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];

export function blendShots(a: CameraShot, b: CameraShot, t: number): CameraShot {
  if (t <= 0) return a;
  if (t >= 1) return b;
  return { position: lerp3(a.position, b.position, t), target: lerp3(a.target, b.target, t), fov: a.fov + (b.fov - a.fov) * t };
}

/** The shot turned by `degrees` about the vertical axis through its target (a slow orbit). */
export function orbit(s: CameraShot, degrees: number): CameraShot {
  if (degrees === 0) return s;
  const a = (degrees * Math.PI) / 180;
  const dx = s.position[0] - s.target[0];
  const dz = s.position[2] - s.target[2];
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return { ...s, position: [s.target[0] + dx * cos + dz * sin, s.position[1], s.target[2] - dx * sin + dz * cos] };
}

/**
 * A move of the camera: from frame `start`, over `frames` frames, to frame the blocks in
 * `focus` (block ids; a trailing * matches a prefix), seen from the direction of the named shot.
 * The blocks in focus are framed as they are shown until the next move (never blocks that are
 * not shown yet) and the rest of the scene recedes. With no focus, the named shot itself.
 */
export interface CameraSegment {
  start: number;
  shot: string;
  /** Frames the move takes (at least 1). */
  frames: number;
  focus: string[];
}

export const segment = (start: number, shot: string, frames: number, focus: string[] = []): CameraSegment => ({ start, shot, frames: Math.max(1, frames), focus });

/** From the first frame of beat `beat`, a move to `shot` over `share` of the beat. */
export function beatShot(ctx: { timeline: Timeline }, beat: string, shot: string, share: number, focus: string[] = []): CameraSegment {
  const b = ctx.timeline.beats.find((x) => x.id === beat)!;
  return segment(b.from, shot, b.durationInFrames * share, focus);
}

/** From `lead` frames before clip `clip` starts, a move to `shot` over `share` of the clip's length. */
export function clipShot(ctx: { timeline: Timeline }, clip: string, shot: string, share: number, focus: string[] = [], lead = 0): CameraSegment {
  const c = ctx.timeline.clips[clip];
  return segment(c.start - lead, shot, (c.end - c.start) * share, focus);
}

/**
 * Where the camera is at `frame`: the route's shots blended in with smooth moves, turned by
 * an orbit of `orbitDegrees` at the middle of the video and 0 at both ends (so a clip that
 * starts and ends on the same shot loops).
 */
export function cameraAt(route: CameraSegment[], framed: CameraShot[], frame: number, totalFrames: number, orbitDegrees: number): CameraShot {
  const i = segmentAt(route, frame);
  const camera = i === 0 ? framed[0] : blendShots(framed[i - 1], framed[i], moveProgress(route[i], frame));
  return orbit(camera, orbitAt(frame, totalFrames, orbitDegrees));
}

/** The index of the last move that has begun by `frame` (0 before any). */
export function segmentAt(route: CameraSegment[], frame: number): number {
  let i = 0;
  while (i + 1 < route.length && frame >= route[i + 1].start) i++;
  return i;
}

/** How far (eased, 0..1) a move has come at `frame`. */
export const moveProgress = (s: CameraSegment, frame: number) => smooth((frame - s.start) / s.frames);

/** Degrees of the slow orbit at `frame`: 0 at both ends, `orbitDegrees` in the middle. */
export function orbitAt(frame: number, totalFrames: number, orbitDegrees: number): number {
  const u = totalFrames > 1 ? frame / (totalFrames - 1) : 0;
  return orbitDegrees * bump(u);
}
