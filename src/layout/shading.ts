// Light baked per face: ambient + key × max(0, n·L), the Lambert shading of an axis-aligned box.

import { KEY_LIGHT_DIR, type Theme } from "./themes.js";

/** The six face normals of a box, in three.js BoxGeometry's order (+x, −x, +y, −y, +z, −z). */
export const BOX_FACE_NORMALS = [
  [1, 0, 0], [-1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1], [0, 0, -1],
] as const;

/** Brightness factor (linear) of a face with unit normal n under the theme's light. */
export function faceShade(theme: Theme, n: readonly [number, number, number]): number {
  const cos = n[0] * KEY_LIGHT_DIR[0] + n[1] * KEY_LIGHT_DIR[1] + n[2] * KEY_LIGHT_DIR[2];
  return theme.light.ambient + theme.light.key * Math.max(0, cos);
}

/** Per-vertex colours for a 24-vertex BoxGeometry: each face's four vertices share its shade. */
export function boxVertexShades(theme: Theme): Float32Array {
  const out = new Float32Array(24 * 3);
  BOX_FACE_NORMALS.forEach((n, f) => out.fill(faceShade(theme, n), f * 12, f * 12 + 12));
  return out;
}
