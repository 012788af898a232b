// One plain mesh per block of cubes: every cube's vertices written from SceneState before the frame is drawn.
import React, { useLayoutEffect, useMemo, useRef } from "react";
import { BufferAttribute, BufferGeometry, DynamicDrawUsage, MeshBasicMaterial } from "three";
import { cubeIndices, VERTICES_PER_CUBE, writeCubeVertices } from "../../src/layout/cube-mesh.js";
import type { CubeBlock } from "../../src/engine/scene-types.js";

function cubesGeometry(count: number): BufferGeometry {
  const g = new BufferGeometry();
  g.setAttribute("position", new BufferAttribute(new Float32Array(count * VERTICES_PER_CUBE * 3), 3).setUsage(DynamicDrawUsage));
  g.setAttribute("color", new BufferAttribute(new Float32Array(count * VERTICES_PER_CUBE * 3), 3).setUsage(DynamicDrawUsage));
  g.setIndex(new BufferAttribute(cubeIndices(count), 1));
  return g;
}

const same = (a: Float32Array, b: Float32Array) => a.length === b.length && a.every((x, i) => x === b[i]);

interface Written {
  shades: Float32Array;
  positions: Float32Array;
  scales: Float32Array;
  colors: Float32Array;
}

/**
 * Unlit material: the light is baked into the vertex colours (one factor per face, see
 * boxVertexShades), which for axis-aligned boxes under a fixed directional light is exactly
 * Lambert shading. A plain mesh rather than an InstancedMesh: SwiftShader pays per instance
 * of an instanced draw call, and the merged mesh took about a quarter less CPU
 * for the busiest 180 frames (npm run bench:render). Blocks whose cubes did not change since
 * the last frame (most of them, most frames) are neither rewritten nor uploaded again.
 */
export const TensorBlock: React.FC<{ block: CubeBlock; shades: Float32Array }> = ({ block, shades }) => {
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);
  const geometry = useMemo(() => cubesGeometry(block.count), [block.count]);
  const written = useRef<Written | null>(null);
  useLayoutEffect(() => () => material.dispose(), [material]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  useLayoutEffect(() => {
    const { positions, scales, colors } = block;
    const w = written.current;
    if (w && w.shades === shades && same(w.positions, positions) && same(w.scales, scales) && same(w.colors, colors)) return;
    written.current = { shades, positions: positions.slice(), scales: scales.slice(), colors: colors.slice() };
    const position = geometry.getAttribute("position") as BufferAttribute;
    const color = geometry.getAttribute("color") as BufferAttribute;
    writeCubeVertices(block, shades, position.array as Float32Array, color.array as Float32Array);
    position.needsUpdate = true;
    color.needsUpdate = true;
  }, [block, geometry, shades]);
  useLayoutEffect(() => {
    material.opacity = block.opacity;
    material.transparent = block.opacity < 0.999;
    material.depthWrite = block.opacity >= 0.999;
    material.color.setScalar(1 + 0.4 * block.glow); // glowing: brighter
  }, [block, material]);
  return <mesh geometry={geometry} material={material} frustumCulled={false} />;
};
