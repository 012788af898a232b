// Framing several boxes at once: the nearest shot along a direction that keeps every box's corners in
// the frame, with the target moved so that what is shown sits in the middle of the free area.

import { type CameraShot, FRAME_MARGIN } from "../../engine/camera.js";
import { type Bounds, union, type Vec3 } from "../../engine/grid.js";
import { project } from "../../engine/project.js";

const FOV = 32;

const corners = (b: Bounds): Vec3[] => {
  const out: Vec3[] = [];
  for (const x of [b.min[0], b.max[0]]) for (const y of [b.min[1], b.max[1]]) for (const z of [b.min[2], b.max[2]]) out.push([x, y, z]);
  return out;
};

const shotAt = (target: Vec3, dir: Vec3, dist: number): CameraShot => ({
  target,
  position: [target[0] + dir[0] * dist, target[1] + dir[1] * dist, target[2] + dir[2] * dist],
  fov: FOV,
});

/** The projected extent of the points in frame units (height 1). */
function extent(shot: CameraShot, pts: Vec3[], aspect: number) {
  const ps = pts.map((p) => project(shot, p, aspect, 1));
  return {
    x0: Math.min(...ps.map((p) => p.x)), x1: Math.max(...ps.map((p) => p.x)),
    y0: Math.min(...ps.map((p) => p.y)), y1: Math.max(...ps.map((p) => p.y)),
    behind: ps.some((p) => p.depth <= 0),
  };
}

/**
 * The shot along `dir` that fits every corner of `boxes` inside the frame less `margin`, its target
 * shifted (three rounds) so that the boxes' projection is centred in the free area.
 */
export function frameBoxes(boxes: Bounds[], aspect: number, dir: Vec3, margin = FRAME_MARGIN): CameraShot {
  const pts = boxes.flatMap(corners);
  const all = union(...boxes);
  let target: Vec3 = [0, 1, 2].map((i) => (all.min[i] + all.max[i]) / 2) as unknown as Vec3;
  const fits = (t: Vec3, d: number) => {
    const e = extent(shotAt(t, dir, d), pts, aspect);
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
  // the camera's right and up vectors (as project() builds them)
  const f: Vec3 = [-dir[0], -dir[1], -dir[2]];
  const rn = Math.hypot(f[2], f[0]);
  const right: Vec3 = [-f[2] / rn, 0, f[0] / rn];
  const up: Vec3 = [right[1] * f[2] - right[2] * f[1], right[2] * f[0] - right[0] * f[2], right[0] * f[1] - right[1] * f[0]];
  for (let round = 0; round < 3; round++) {
    const d = nearest(target);
    const e = extent(shotAt(target, dir, d), pts, aspect);
    const perUnit = 2 * d * Math.tan((FOV * Math.PI) / 360); // world units per frame height at the target
    const dx = ((e.x0 + e.x1) / 2 - aspect / 2) * perUnit;
    const dy = -((e.y0 + e.y1) / 2 - (margin.top + 1 - margin.bottom) / 2) * perUnit;
    target = [0, 1, 2].map((i) => target[i] + right[i] * dx + up[i] * dy) as unknown as Vec3;
  }
  return shotAt(target, dir, nearest(target));
}
