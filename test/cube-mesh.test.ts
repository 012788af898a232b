// The merged cube mesh: the unit cube equals three.js BoxGeometry, faces wind outwards, vertices and colours are exact.
import { BoxGeometry, Color, SRGBColorSpace } from "three";
import { describe, expect, it } from "vitest";
import { cubeIndices, INDICES_PER_CUBE, srgbToLinear, UNIT_CUBE, VERTICES_PER_CUBE, writeCubeVertices } from "../src/layout/cube-mesh.js";
import { BOX_FACE_NORMALS, boxVertexShades } from "../src/layout/shading.js";
import { THEMES } from "../src/layout/themes.js";

describe("cube mesh", () => {
  it("has three.js BoxGeometry(1, 1, 1)'s vertices and triangles, so face shades line up", () => {
    const g = new BoxGeometry(1, 1, 1);
    expect(Array.from(UNIT_CUBE.position)).toEqual(Array.from(g.getAttribute("position").array));
    expect(Array.from(UNIT_CUBE.index)).toEqual(Array.from(g.getIndex()!.array));
  });

  it("winds every triangle counter-clockwise seen from outside, on the face of its normal", () => {
    const p = (i: number) => [0, 1, 2].map((a) => UNIT_CUBE.position[3 * i + a]);
    for (let t = 0; t < 12; t++) {
      const [a, b, c] = [0, 1, 2].map((j) => p(UNIT_CUBE.index[3 * t + j]));
      const u = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
      const v = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
      const cross = [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]];
      const n = BOX_FACE_NORMALS[Math.floor(t / 2)];
      // area 0.5 for a triangle of a unit face: the cross product is twice that, along the normal
      expect(cross.map((x) => x + 0)).toEqual([...n]); // + 0 turns −0 into 0
      for (const q of [a, b, c]) expect(q[n.findIndex((x) => x !== 0)]).toBe(0.5 * n[n.findIndex((x) => x !== 0)]);
    }
  });

  it("indexes cube k into its own 24 vertices", () => {
    const idx = cubeIndices(3);
    expect(idx.length).toBe(3 * INDICES_PER_CUBE);
    for (let k = 0; k < 3; k++) {
      const part = idx.subarray(k * INDICES_PER_CUBE, (k + 1) * INDICES_PER_CUBE);
      expect(Math.min(...part)).toBe(k * VERTICES_PER_CUBE);
      expect(Math.max(...part)).toBe(k * VERTICES_PER_CUBE + 23);
    }
  });

  it("converts sRGB to linear as three.js does", () => {
    const c = new Color();
    for (const x of [0, 0.02, 0.04045, 0.2, 0.5, 0.93, 1]) {
      c.setRGB(x, x, x, SRGBColorSpace);
      expect(srgbToLinear(x)).toBeCloseTo(c.r, 12);
    }
  });

  it("places each cube at centre ± extent/2 and colours each face by cube colour × face shade", () => {
    const shades = boxVertexShades(THEMES.pastel);
    const block = {
      count: 2,
      positions: new Float32Array([1, 2, 3, -4, 0, 0.5]),
      scales: new Float32Array([0.8, 0.8, 0.2, 0, 1, 1]), // cube 1 hidden (extent 0 on x)
      colors: new Float32Array([1, 0.5, 0, 0.2, 0.4, 0.6]),
    };
    const pos = new Float32Array(2 * 72), col = new Float32Array(2 * 72);
    writeCubeVertices(block, shades, pos, col);
    // cube 0, vertex 0 is the (+x, +y, +z) corner of the +x face
    expect(Array.from(pos.subarray(0, 3))).toEqual([1.4, 2.4, 3.1].map(Math.fround));
    // cube 0, the −z face's last vertex (−x, −y, −z)
    expect(Array.from(pos.subarray(69, 72))).toEqual([0.6, 1.6, 2.9].map(Math.fround));
    // cube 1 is squashed to 1e-6 in x, not removed
    for (let v = 0; v < 24; v++) expect(Math.abs(pos[72 + 3 * v] + 4)).toBeLessThanOrEqual(1e-6);
    const plusX = shades[0], minusZ = shades[69];
    expect(plusX).not.toBe(minusZ);
    expect(col[0]).toBeCloseTo(1 * plusX, 6);
    expect(col[1]).toBeCloseTo(srgbToLinear(0.5) * plusX, 6);
    expect(col[2]).toBe(0);
    expect(col[72 + 69]).toBeCloseTo(srgbToLinear(0.2) * minusZ, 6);
  });
});
