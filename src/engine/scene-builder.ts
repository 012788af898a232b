// The one way a chapter adds to a frame: blocks, labels, boxes, tubes and cards, all under one fade.

import type { Kind, Theme } from "../layout/themes.js";
import { type NameLanguage, plainName } from "../trace/names.js";
import { smooth } from "./easing.js";
import { type Grid, topOf, type Vec3 } from "./grid.js";
import { beatIndexAt, progress, type Timeline } from "./timeline.js";
import type { Card, CubeBlock, Label, Structure } from "./scene-types.js";

export type LabelStyle = Pick<Label, "size" | "angle" | "align" | "bold">;
/** Names above blocks. */
export const TITLE: LabelStyle = { size: 1.1, angle: 0, align: "center", bold: false };
/** Small notes: weight names, values. */
export const NOTE: LabelStyle = { size: 0.75, angle: 0, align: "center", bold: false };
/**
 * Words under token cubes and bars: slanted (at most 30°, to stay easy to read) and sized so that
 * neighbours one unit apart do not collide; where the font's minimum would make them, the row fades (screen.ts crowdedRows).
 */
export const WORD: LabelStyle = { size: 0.45, angle: -30, align: "end", bold: true };

/** What a label names beyond its text: the block it belongs to, and a secondary line (a tensor id). */
export interface LabelExtra {
  of?: string;
  sub?: string;
}

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
  /** The labels' language: the captions' (English when they are off). */
  readonly lang: NameLanguage;

  constructor(readonly timeline: Timeline, readonly frame: number, readonly theme: Theme, captions: string) {
    this.beatIndex = beatIndexAt(timeline, frame);
    this.lang = captions === "zh" ? "zh" : "en";
  }

  /** The text in the labels' language. */
  say(en: string, zh: string): string {
    return this.lang === "zh" ? zh : en;
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

  label(id: string, text: string, anchor: Vec3, kind: Kind, opacity: number, style: LabelStyle = TITLE, extra: LabelExtra = {}): void {
    if (opacity > INVISIBLE) this.labels.push({ id, text, anchor, kind, opacity: opacity * this.fade, ...style, ...extra });
  }

  /** A tensor's label: its plain name first, the id as the secondary line (text that is not a tensor id is shown as it is). */
  tensorLabel(id: string, tensor: string, anchor: Vec3, kind: Kind, opacity: number, style: LabelStyle = TITLE, of?: string): void {
    const name = plainName(tensor, this.lang);
    this.label(id, name ?? tensor, anchor, kind, opacity, style, name ? { of, sub: tensor } : { of });
  }

  /** Adds a block once it is `visible` (> 0), with a title over `anchorGrid` when given (a tensor id is named in plain words). */
  add(b: CubeBlock, visible: number, labelText?: string, anchorGrid?: Grid): void {
    b.opacity *= this.fade;
    if (visible <= 0 || b.opacity <= INVISIBLE) return;
    this.blocks.push(b);
    if (labelText && anchorGrid) this.tensorLabel(`label.${b.id}`, labelText, topOf(anchorGrid), b.kind, smooth(Math.min(1, visible * 1.5)), TITLE, b.id);
  }

  box(id: string, kind: Kind | "structure", center: Vec3, size: Vec3, opacity: number, color?: string): void {
    if (opacity > INVISIBLE) this.structures.push({ id, type: "box", kind, center, size, color: color ?? this.theme.structure.color, opacity: opacity * this.fade, recede: 0 });
  }

  tube(id: string, points: Vec3[], radius: number, opacity: number, color?: string, kind: Kind | "structure" = "structure"): void {
    if (opacity > INVISIBLE) this.structures.push({ id, type: "tube", kind, points, radius, color: color ?? this.theme.structure.color, opacity: opacity * this.fade, recede: 0 });
  }

  card(c: Card): void {
    if (c.opacity > INVISIBLE) this.cards.push({ ...c, opacity: c.opacity * this.fade });
  }
}
