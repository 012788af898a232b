// The 3D layer: camera, lights and fog from SceneState, one InstancedMesh per block, transparent structures.
import React, { useLayoutEffect, useMemo } from "react";
import { ThreeCanvas } from "@remotion/three";
import { useThree } from "@react-three/fiber";
import { BoxGeometry, Float32BufferAttribute, type PerspectiveCamera } from "three";
import type { CameraShot } from "../../src/layout/camera.js";
import { boxVertexShades } from "../../src/layout/shading.js";
import { KEY_LIGHT_DIR, type Theme } from "../../src/layout/themes.js";
import type { SceneState } from "../../src/story/scene-types.js";
import { Structures } from "./Structures.js";
import { TensorBlock } from "./TensorBlock.js";

const CameraRig: React.FC<{ shot: CameraShot }> = ({ shot }) => {
  const camera = useThree((s) => s.camera) as PerspectiveCamera;
  useLayoutEffect(() => {
    camera.position.set(...shot.position);
    camera.fov = shot.fov;
    camera.near = 0.5;
    camera.far = 4000;
    camera.lookAt(...shot.target);
    camera.updateProjectionMatrix();
  }, [camera, shot]);
  return null;
};

export const Scene3D: React.FC<{ state: SceneState; theme: Theme; width: number; height: number }> = ({ state, theme, width, height }) => {
  // Plain boxes (24 vertices) and no MSAA: on SwiftShader, rounded boxes (900 vertices) and
  // 4x MSAA tripled the cost of a frame (npm run bench:render). The key light is baked into
  // the vertex colours, one shade per face (src/layout/shading.ts).
  const geometry = useMemo(() => {
    const g = new BoxGeometry(1, 1, 1);
    g.setAttribute("color", new Float32BufferAttribute(boxVertexShades(theme), 3));
    return g;
  }, [theme]);
  useLayoutEffect(() => () => geometry.dispose(), [geometry]);
  // structures are lit: three's Lambert BRDF divides by π, so scale to the theme's fractions
  const ambient = state.light.ambient * Math.PI;
  const key = state.light.key * Math.PI;
  return (
    <ThreeCanvas width={width} height={height} flat gl={{ antialias: false }} camera={{ fov: state.camera.fov, position: [...state.camera.position] }}>
      <CameraRig shot={state.camera} />
      <color attach="background" args={[state.background]} />
      <fog attach="fog" args={[state.fog.color, state.fog.near, state.fog.far]} />
      <ambientLight intensity={ambient} />
      <directionalLight position={[KEY_LIGHT_DIR[0] * 100, KEY_LIGHT_DIR[1] * 100, KEY_LIGHT_DIR[2] * 100]} intensity={key} />
      {state.blocks.map((b) => (
        <TensorBlock key={`${b.id}:${b.count}`} block={b} geometry={geometry} />
      ))}
      <Structures items={state.structures} />
    </ThreeCanvas>
  );
};
