// A block of cubes as one plain triangle mesh: 24 vertices and 36 indices per cube, written from CubeBlock arrays.

import type { CubeBlock } from "../engine/scene-types.js";

export const VERTICES_PER_CUBE = 24;
export const INDICES_PER_CUBE = 36;

/**
 * A unit cube's 24 vertices (4 per face, faces in BOX_FACE_NORMALS order) and 36 indices (two
 * triangles per face, counter-clockwise seen from outside): the layout of three.js
 * BoxGeometry(1, 1, 1), so that per-face shades line up with boxVertexShades.
 */
export const UNIT_CUBE = {
  // prettier-ignore
  position: new Float32Array([
    0.5, 0.5, 0.5, 0.5, 0.5, -0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, // +x
    -0.5, 0.5, -0.5, -0.5, 0.5, 0.5, -0.5, -0.5, -0.5, -0.5, -0.5, 0.5, // -x
    -0.5, 0.5, -0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, // +y
    -0.5, -0.5, 0.5, 0.5, -0.5, 0.5, -0.5, -0.5, -0.5, 0.5, -0.5, -0.5, // -y
    -0.5, 0.5, 0.5, 0.5, 0.5, 0.5, -0.5, -0.5, 0.5, 0.5, -0.5, 0.5, // +z
    0.5, 0.5, -0.5, -0.5, 0.5, -0.5, 0.5, -0.5, -0.5, -0.5, -0.5, -0.5, // -z
  ]),
  index: Uint16Array.from({ length: INDICES_PER_CUBE }, (_, i) => 4 * Math.floor(i / 6) + [0, 2, 1, 2, 3, 1][i % 6]),
};

/** Index buffer for `count` cubes (cube k uses vertices 24k .. 24k+23). */
export function cubeIndices(count: number): Uint32Array {
  const out = new Uint32Array(count * INDICES_PER_CUBE);
  for (let k = 0; k < count; k++) {
    for (let i = 0; i < INDICES_PER_CUBE; i++) out[INDICES_PER_CUBE * k + i] = VERTICES_PER_CUBE * k + UNIT_CUBE.index[i];
  }
  return out;
}

/** sRGB component in [0, 1] → linear (the IEC 61966-2-1 curve, as three.js applies it). */
export function srgbToLinear(c: number): number {
  return c < 0.04045 ? c * 0.0773993808 : Math.pow(c * 0.9478672986 + 0.0521327014, 2.4);
}

/**
 * Writes the block's vertex positions (centre + extent × unit corner; a zero extent becomes
 * 1e-6, a cube too small to see) and linear vertex colours (the cube's colour × its face's
 * shade) into `position` and `color`, 3 floats per vertex.
 */
export function writeCubeVertices(block: Pick<CubeBlock, "count" | "positions" | "scales" | "colors">, shades: Float32Array, position: Float32Array, color: Float32Array): void {
  const { positions, scales, colors } = block;
  const unit = UNIT_CUBE.position;
  for (let k = 0; k < block.count; k++) {
    const x = positions[3 * k], y = positions[3 * k + 1], z = positions[3 * k + 2];
    const sx = scales[3 * k] || 1e-6, sy = scales[3 * k + 1] || 1e-6, sz = scales[3 * k + 2] || 1e-6;
    const r = srgbToLinear(colors[3 * k]), g = srgbToLinear(colors[3 * k + 1]), b = srgbToLinear(colors[3 * k + 2]);
    for (let v = 0; v < VERTICES_PER_CUBE; v++) {
      const o = 3 * (VERTICES_PER_CUBE * k + v);
      position[o] = x + sx * unit[3 * v];
      position[o + 1] = y + sy * unit[3 * v + 1];
      position[o + 2] = z + sz * unit[3 * v + 2];
      color[o] = r * shades[3 * v];
      color[o + 1] = g * shades[3 * v + 1];
      color[o + 2] = b * shades[3 * v + 2];
    }
  }
}
