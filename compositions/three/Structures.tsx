// Transparent structures the data flows through: the rail, weight slabs, layer boxes and tubes.
import React, { useLayoutEffect, useMemo } from "react";
import { BoxGeometry, CatmullRomCurve3, EdgesGeometry, LineBasicMaterial, MeshBasicMaterial, MeshLambertMaterial, TubeGeometry, Vector3 } from "three";
import type { Structure } from "../../src/engine/scene-types.js";

const unitBox = new BoxGeometry(1, 1, 1);
const unitEdges = new EdgesGeometry(unitBox);

const StructureMesh: React.FC<{ s: Structure }> = ({ s }) => {
  // boxes are flat glass (unlit: cheapest on SwiftShader); tubes keep Lambert shading to read as round
  const material = useMemo(
    () => (s.type === "tube" ? new MeshLambertMaterial({ transparent: true, depthWrite: false }) : new MeshBasicMaterial({ transparent: true, depthWrite: false })),
    [s.type],
  );
  const edgeMaterial = useMemo(() => new LineBasicMaterial({ transparent: true, depthWrite: false }), []);
  const tubeGeometry = useMemo(
    () => (s.type === "tube" ? new TubeGeometry(new CatmullRomCurve3(s.points.map((p) => new Vector3(...p)), false, "catmullrom", 0.05), 96, s.radius, 16) : null),
    // points and radius of a tube id never change within a video
    [s.id],
  );
  useLayoutEffect(() => () => {
    material.dispose();
    edgeMaterial.dispose();
    tubeGeometry?.dispose();
  }, [material, edgeMaterial, tubeGeometry]);
  useLayoutEffect(() => {
    material.color.set(s.color);
    material.opacity = s.opacity;
    edgeMaterial.color.set(s.color);
    edgeMaterial.opacity = Math.min(1, s.opacity * 2.2);
  }, [s, material, edgeMaterial]);
  if (s.type === "tube" && tubeGeometry) return <mesh geometry={tubeGeometry} material={material} renderOrder={2} />;
  if (s.type !== "box") return null;
  return (
    <group position={[...s.center]} scale={[...s.size]}>
      <mesh geometry={unitBox} material={material} renderOrder={2} />
      <lineSegments geometry={unitEdges} material={edgeMaterial} renderOrder={3} />
    </group>
  );
};

export const Structures: React.FC<{ items: Structure[] }> = ({ items }) => (
  <>
    {items.map((s) => (
      <StructureMesh key={s.id} s={s} />
    ))}
  </>
);
