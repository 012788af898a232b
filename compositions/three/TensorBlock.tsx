// One InstancedMesh per block of cubes: matrices and colours written from SceneState before the frame renders.
import React, { useLayoutEffect, useMemo, useRef } from "react";
import { type BufferGeometry, Color, InstancedBufferAttribute, type InstancedMesh, MeshBasicMaterial, Object3D, SRGBColorSpace } from "three";
import type { CubeBlock } from "../../src/story/scene-types.js";

const scratch = new Object3D();
const scratchColor = new Color();

/**
 * Unlit material: the light is baked into the geometry's vertex colours (one factor per
 * face, see shadedBox), which for axis-aligned boxes under a fixed directional light is
 * exactly Lambert shading, at a fraction of SwiftShader's per-fragment cost.
 */
export const TensorBlock: React.FC<{ block: CubeBlock; geometry: BufferGeometry }> = ({ block, geometry }) => {
  const ref = useRef<InstancedMesh>(null);
  const material = useMemo(() => new MeshBasicMaterial({ vertexColors: true }), []);
  useLayoutEffect(() => () => material.dispose(), [material]);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    if (!mesh.instanceColor) mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(block.count * 3), 3);
    for (let k = 0; k < block.count; k++) {
      scratch.position.set(block.positions[3 * k], block.positions[3 * k + 1], block.positions[3 * k + 2]);
      scratch.scale.set(block.scales[3 * k] || 1e-6, block.scales[3 * k + 1] || 1e-6, block.scales[3 * k + 2] || 1e-6);
      scratch.updateMatrix();
      mesh.setMatrixAt(k, scratch.matrix);
      scratchColor.setRGB(block.colors[3 * k], block.colors[3 * k + 1], block.colors[3 * k + 2], SRGBColorSpace);
      mesh.setColorAt(k, scratchColor);
    }
    mesh.instanceMatrix.needsUpdate = true;
    mesh.instanceColor.needsUpdate = true;
    mesh.computeBoundingSphere();
    material.opacity = block.opacity;
    material.transparent = block.opacity < 0.999;
    material.depthWrite = block.opacity >= 0.999;
    material.color.setScalar(1 + 0.4 * block.glow); // glowing: brighter
  }, [block, material]);
  return <instancedMesh ref={ref} args={[geometry, material, block.count]} frustumCulled={false} />;
};
