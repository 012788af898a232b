// Named camera shots as functions of the layout (never literal coordinates), and ways to blend them.

import type { Layout, Vec3 } from "./model-layout.js";

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
/** A three-quarter view: a little from the right and from above. */
const VIEW_DIR: Vec3 = (() => {
  const v = [0.3, 0.2, 1];
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n] as const;
})();

/** The shot that fits a box into a frame of the given aspect ratio, seen along VIEW_DIR. */
export function frameRegion(region: { min: Vec3; max: Vec3 }, aspect: number, margin = 1.12): CameraShot {
  const target: Vec3 = [0, 1, 2].map((i) => (region.min[i] + region.max[i]) / 2) as unknown as Vec3;
  const w = region.max[0] - region.min[0];
  const h = region.max[1] - region.min[1];
  const d = region.max[2] - region.min[2];
  const half = Math.tan(((FOV / 2) * Math.PI) / 180);
  const dist = (margin * Math.max(h / 2, w / (2 * aspect))) / half + d / 2;
  return { target, position: [target[0] + VIEW_DIR[0] * dist, target[1] + VIEW_DIR[1] * dist, target[2] + VIEW_DIR[2] * dist], fov: FOV };
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
