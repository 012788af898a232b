// The one way a chapter adds to a frame: blocks, labels, boxes, tubes and cards, all under one fade.

import type { Kind, Theme } from "../layout/themes.js";
import { type Grid, topOf, type Vec3 } from "./grid.js";
import { beatIndexAt, progress, type Timeline } from "./timeline.js";
import type { Card, CubeBlock, Label, Structure } from "./scene-types.js";

export type LabelStyle = Pick<Label, "size" | "angle" | "align" | "bold">;
/** Names above blocks. */
export const TITLE: LabelStyle = { size: 1.1, angle: 0, align: "center", bold: false };
/** Small notes: weight names, values. */
export const NOTE: LabelStyle = { size: 0.75, angle: 0, align: "center", bold: false };
/** Words under token cubes and bars: slanted so that neighbours one unit apart never collide. */
export const WORD: LabelStyle = { size: 0.75, angle: -40, align: "end", bold: true };

/** Things at or below this opacity are left out of the frame. */
const INVISIBLE = 0.001;

export class SceneBuilder {
  readonly blocks: CubeBlock[] = [];
  readonly labels: Label[] = [];
  readonly structures: Structure[] = [];
  readonly cards: Card[] = [];
  /** Multiplies the opacity of everything added through the builder (1: no fade). */
  fade = 1;

  /** The beat this frame belongs to. */
  readonly beatIndex: number;

  constructor(readonly timeline: Timeline, readonly frame: number, readonly theme: Theme) {
    this.beatIndex = beatIndexAt(timeline, frame);
  }

  /** Progress in [0, 1] of a clip by its full name ("append.fade"). */
  at(clipId: string): number {
    return progress(this.timeline, clipId, this.frame);
  }

  /** Whether this frame belongs to beat `id` (for chapters that draw only during their own beat). */
  inBeat(id: string): boolean {
    return this.timeline.beats[this.beatIndex].id === id;
  }

  /** Whether beat `id` has begun by this frame. */
  reached(id: string): boolean {
    const b = this.timeline.beats.find((x) => x.id === id);
    if (!b) throw new Error(`unknown beat ${id}`);
    return this.frame >= b.from;
  }

  label(id: string, text: string, anchor: Vec3, kind: Kind, opacity: number, style: LabelStyle = TITLE): void {
    if (opacity > INVISIBLE) this.labels.push({ id, text, anchor, kind, opacity: opacity * this.fade, ...style });
  }

  /** Adds a block once it is `visible` (> 0), with a title over `anchorGrid` when given. */
  add(b: CubeBlock, visible: number, labelText?: string, anchorGrid?: Grid): void {
    b.opacity *= this.fade;
    if (visible <= 0 || b.opacity <= INVISIBLE) return;
    this.blocks.push(b);
    if (labelText && anchorGrid) this.label(`label.${b.id}`, labelText, topOf(anchorGrid), b.kind, Math.min(1, visible * 2));
  }

  box(id: string, kind: Kind | "structure", center: Vec3, size: Vec3, opacity: number, color?: string): void {
    if (opacity > INVISIBLE) this.structures.push({ id, type: "box", kind, center, size, color: color ?? this.theme.structure.color, opacity: opacity * this.fade });
  }

  tube(id: string, points: Vec3[], radius: number, opacity: number, color?: string, kind: Kind | "structure" = "structure"): void {
    if (opacity > INVISIBLE) this.structures.push({ id, type: "tube", kind, points, radius, color: color ?? this.theme.structure.color, opacity: opacity * this.fade });
  }

  card(c: Card): void {
    if (c.opacity > INVISIBLE) this.cards.push({ ...c, opacity: c.opacity * this.fade });
  }
}
