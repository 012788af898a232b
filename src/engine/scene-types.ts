// SceneState: everything one frame shows, as plain data. The browser only draws this.

import type { Claim } from "./facts.js";
import type { Kind } from "../layout/themes.js";
import type { CameraShot } from "./camera.js";
import type { Vec3 } from "./grid.js";

/** A block of cubes drawn as one mesh. Arrays hold 3 floats per cube. */
export interface CubeBlock {
  id: string;
  kind: Kind;
  /** The tensor the cubes' colours stand for at this frame (null: accent-coloured, e.g. tokens). */
  tensor: string | null;
  /**
   * While a block changes from one tensor's values to another's: colour = mix(palette(blend.tensor),
   * palette(tensor), blend.t) at the same index. Null when the colours are tensor's own.
   */
  blend: { tensor: string; t: number } | null;
  count: number;
  /** Cube centres in world units. */
  positions: Float32Array;
  /** Cube extents (x, y, z); 0 means the cube is not shown. */
  scales: Float32Array;
  /** sRGB in [0, 1]. */
  colors: Float32Array;
  /** For each cube, its index into tensor's data (−1 when it stands for no value). */
  index: Int32Array;
  opacity: number;
  /** 0..1: how much the block glows (emissive), e.g. while it is being computed. */
  glow: number;
  /** 0: in focus; 1: fully receded toward the background (set by sceneStateAt from the focus, eased). */
  recede: number;
}

export type Structure =
  | { id: string; type: "box"; kind: Kind | "structure"; center: Vec3; size: Vec3; color: string; opacity: number; recede: number }
  | { id: string; type: "tube"; kind: Kind | "structure"; points: Vec3[]; radius: number; color: string; opacity: number; recede: number };

export interface Label {
  id: string;
  /** What it is, in plain words of the captions' language ("queries", "attention weights"), or a word or number of the trace. */
  text: string;
  /** A secondary line beside the text, smaller: the tensor id, for experts ("l0.h0.q"). */
  sub?: string;
  /** The block this label names: it is in focus (framed, never receded) when that block is. */
  of?: string;
  anchor: Vec3;
  kind: Kind;
  opacity: number;
  /** Font size in world units at the anchor (so labels scale with the scene; tiny ones are hidden). */
  size: number;
  /** Rotation in degrees (negative: rising to the right). */
  angle: number;
  /** Which part of the text sits on the anchor. */
  align: "start" | "center" | "end";
  bold: boolean;
}

/** A run of caption text; runs that name a tensor carry its id and kind. */
export interface CaptionPart {
  text: string;
  tensor?: string;
  kind?: Kind;
  /** The fact of the trace this run states, for tests to check (engine/facts.ts). */
  claim?: Claim;
}

export interface Caption {
  parts: CaptionPart[];
  opacity: number;
}

/** A flat card of text lines over the scene (e.g. the code a beat animates), placed in frame fractions. */
export interface Card {
  id: string;
  /** Left and top edge as fractions of the frame's width and height. */
  x: number;
  y: number;
  /** Font size as a fraction of the frame's height. */
  size: number;
  lines: { text: string; highlight: number }[];
  opacity: number;
  monospace: boolean;
}

export interface SceneState {
  frame: number;
  beat: string;
  /** 0 at the beat's first frame, 1 at its last. */
  beatProgress: number;
  camera: CameraShot;
  background: string;
  fog: { color: string; near: number; far: number };
  light: { ambient: number; key: number };
  /** Ids of the blocks this frame is about: the camera frames them, the rest recede. */
  focus: string[];
  /** The pale ground under the scene (its height is fixed for the whole video), where soft contact shadows fall. */
  ground: { y: number; color: string };
  blocks: CubeBlock[];
  structures: Structure[];
  labels: Label[];
  cards: Card[];
  caption: Caption | null;
  /** The video's title line, during the first beat (null: none). */
  title: { text: string; opacity: number; top: number } | null;
}
