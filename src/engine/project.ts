// Projects world points to pixels exactly as a three.js PerspectiveCamera with lookAt does (labels, pixel tests).

import type { CameraShot } from "./camera.js";
import type { Vec3 } from "./grid.js";

export interface ScreenPoint {
  x: number;
  y: number;
  /** Distance along the view direction; ≤ 0 means behind the camera. */
  depth: number;
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec3, b: Vec3): Vec3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
const unit = (a: Vec3): Vec3 => {
  const n = Math.hypot(a[0], a[1], a[2]);
  return [a[0] / n, a[1] / n, a[2] / n];
};

/** The camera's forward, right and up directions, as three.js's lookAt builds them (world up +y). */
export function cameraBasis(camera: CameraShot): { forward: Vec3; right: Vec3; up: Vec3 } {
  const forward = unit(sub(camera.target, camera.position));
  const right = unit(cross(forward, [0, 1, 0]));
  return { forward, right, up: cross(right, forward) };
}

/** Pixel coordinates (origin top left) of world point p in a width × height frame. */
export function project(camera: CameraShot, p: Vec3, width: number, height: number): ScreenPoint {
  const { forward, right, up } = cameraBasis(camera);
  const d = sub(p, camera.position);
  const depth = dot(d, forward);
  const half = Math.tan((camera.fov * Math.PI) / 360);
  const ndcX = dot(d, right) / (depth * half * (width / height));
  const ndcY = dot(d, up) / (depth * half);
  return { x: ((ndcX + 1) / 2) * width, y: ((1 - ndcY) / 2) * height, depth };
}

/** How many pixels one world unit spans at a given depth (for labels sized in world units). */
export function pixelsPerUnit(camera: CameraShot, depth: number, height: number): number {
  return height / (2 * depth * Math.tan((camera.fov * Math.PI) / 360));
}
