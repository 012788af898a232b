// The 3D layer: camera, lights and fog from SceneState, one mesh per block of cubes, transparent structures.
import React, { useLayoutEffect, useMemo } from "react";
import { useThree } from "@react-three/fiber";
import type { PerspectiveCamera } from "three";
import type { CameraShot } from "../../src/engine/camera.js";
import { boxVertexShades } from "../../src/layout/shading.js";
import { KEY_LIGHT_DIR, type Theme } from "../../src/layout/themes.js";
import type { SceneState } from "../../src/engine/scene-types.js";
import { Structures } from "./Structures.js";
import { SyncedThreeCanvas } from "./SyncedThreeCanvas.js";
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

interface SceneValue {
  state: SceneState;
  shades: Float32Array;
}

/** The R3F scene of one frame. */
const SceneContents: React.FC<SceneValue> = ({ state, shades }) => {
  // structures are lit: three's Lambert BRDF divides by π, so scale to the theme's fractions
  const ambient = state.light.ambient * Math.PI;
  const key = state.light.key * Math.PI;
  return (
    <>
      <CameraRig shot={state.camera} />
      <color attach="background" args={[state.background]} />
      <fog attach="fog" args={[state.fog.color, state.fog.near, state.fog.far]} />
      <ambientLight intensity={ambient} />
      <directionalLight position={[KEY_LIGHT_DIR[0] * 100, KEY_LIGHT_DIR[1] * 100, KEY_LIGHT_DIR[2] * 100]} intensity={key} />
      {state.blocks.map((b) => (
        <TensorBlock key={`${b.id}:${b.count}`} block={b} shades={shades} />
      ))}
      <Structures items={state.structures} />
    </>
  );
};

const drawScene = (v: SceneValue) => <SceneContents state={v.state} shades={v.shades} />;

// Plain boxes (24 vertices), no MSAA and an opaque canvas: on SwiftShader, rounded boxes (900
// vertices) and 4x MSAA tripled the cost of a frame (npm run bench:render). The key light is
// baked into the vertex colours, one shade per face (src/layout/shading.ts).
const GL = { antialias: false, alpha: false };

export const Scene3D: React.FC<{ state: SceneState; theme: Theme; width: number; height: number }> = ({ state, theme, width, height }) => {
  const shades = useMemo(() => boxVertexShades(theme), [theme]);
  const value = useMemo(() => ({ state, shades }), [state, shades]);
  return <SyncedThreeCanvas value={value} draw={drawScene} width={width} height={height} gl={GL} />;
};
