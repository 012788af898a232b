// One InstancedMesh per block of cubes: matrices and colours written from SceneState before the frame renders.
import React, { useLayoutEffect, useMemo, useRef } from "react";
import { Color, InstancedBufferAttribute, type InstancedMesh, MeshLambertMaterial, Object3D, SRGBColorSpace, type BufferGeometry } from "three";
import type { CubeBlock } from "../../src/story/scene-types.js";

const scratch = new Object3D();
const scratchColor = new Color();

export const TensorBlock: React.FC<{ block: CubeBlock; geometry: BufferGeometry; accent: string }> = ({ block, geometry, accent }) => {
  const ref = useRef<InstancedMesh>(null);
  const material = useMemo(() => new MeshLambertMaterial({ transparent: false }), []);
  useLayoutEffect(() => () => material.dispose(), [material]);
  useLayoutEffect(() => {
    const mesh = ref.current;
    if (!mesh) return;
    if (!mesh.instanceColor) mesh.instanceColor = new InstancedBufferAttribute(new Float32Array(block.count * 3), 3);
    for (let k = 0; k < block.count; k++) {
      scratch.position.set(block.positions[3 * k], block.positions[3 * k + 1], block.positions[3 * k + 2]);
      const sx = block.scales[3 * k];
      scratch.scale.set(sx || 1e-6, block.scales[3 * k + 1] || 1e-6, block.scales[3 * k + 2] || 1e-6);
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
    material.emissive.set(accent).multiplyScalar(0.45 * block.glow);
  }, [block, material, accent]);
  return <instancedMesh ref={ref} args={[geometry, material, block.count]} frustumCulled={false} />;
};
