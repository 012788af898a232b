// Named camera shots as functions of the layout (never literal coordinates), and ways to blend them.

import type { Layout, Vec3 } from "./model-layout.js";
import { project } from "./project.js";

export interface CameraShot {
  position: Vec3;
  target: Vec3;
  /** Vertical field of view in degrees. */
  fov: number;
}

export const SHOT_NAMES = [
  "tokens", "embed", "attentionIn", "scores", "attentionOut", "mlp", "depth", "output", "overview",
] as const;
export type ShotName = (typeof SHOT_NAMES)[number];

const FOV = 32;
export const FRAME_MARGIN = { top: 0.06, bottom: 0.17, side: 0.05 };
/** A three-quarter view: a little from the right and from above. */
const VIEW_DIR: Vec3 = (() => {
  const v = [0.3, 0.2, 1];
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n] as const;
})();

/**
 * The shot that fits a box into a frame of the given aspect ratio, seen along VIEW_DIR:
 * the nearest distance at which all eight corners project inside the frame, less a
 * margin (a fraction of the frame's height kept free on each side; the bottom one leaves
 * room for the caption).
 */
export function frameRegion(region: { min: Vec3; max: Vec3 }, aspect: number, margin = FRAME_MARGIN): CameraShot {
  const target: Vec3 = [0, 1, 2].map((i) => (region.min[i] + region.max[i]) / 2) as unknown as Vec3;
  const corners: Vec3[] = [];
  for (const x of [region.min[0], region.max[0]]) for (const y of [region.min[1], region.max[1]]) for (const z of [region.min[2], region.max[2]]) corners.push([x, y, z]);
  const at = (dist: number): CameraShot => ({
    target,
    position: [target[0] + VIEW_DIR[0] * dist, target[1] + VIEW_DIR[1] * dist, target[2] + VIEW_DIR[2] * dist],
    fov: FOV,
  });
  const fits = (dist: number) => corners.every((c) => {
    const p = project(at(dist), c, aspect, 1);
    return p.depth > 0 && p.x >= margin.side && p.x <= aspect - margin.side && p.y >= margin.top && p.y <= 1 - margin.bottom;
  });
  let lo = 1;
  let hi = 8;
  while (!fits(hi)) hi *= 2;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (fits(mid)) hi = mid;
    else lo = mid;
  }
  return at(hi);
}

export function shots(layout: Layout, aspect: number): Record<ShotName, CameraShot> {
  const out = {} as Record<ShotName, CameraShot>;
  for (const name of SHOT_NAMES) out[name] = frameRegion(layout.regions[name], aspect);
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
