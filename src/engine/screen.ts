// Where a label lands in the output frame, how big its font is and what rectangle it covers; the caption's band.

import type { CameraShot } from "./camera.js";
import { pixelsPerUnit, project } from "./project.js";
import type { Caption, Card, Label } from "./scene-types.js";

/** The smallest font of a label, in pixels of a 1080-pixel-tall frame (scaled with the frame's height). */
export const LABEL_MIN_PX_1080 = 22;
/** The smallest font of a tensor id shown as a secondary line beside its plain name. */
export const SUB_MIN_PX_1080 = 16;
/** The secondary line's font as a fraction of the main one. */
export const SUB_SCALE = 0.68;
export const MAX_LABEL_PX = 84;
/** A label whose size in the scene would be under this fraction of the minimum is far away: hidden, not blown up. */
const HIDE_BELOW = 0.4;
/** Labels tilt by at most this many degrees. */
export const MAX_LABEL_TILT = 30;

export const minLabelPx = (height: number) => (LABEL_MIN_PX_1080 * height) / 1080;
export const minSubPx = (height: number) => (SUB_MIN_PX_1080 * height) / 1080;

export interface ScreenLabel {
  /** The anchor in pixels of the output frame (origin top left). */
  x: number;
  y: number;
  fontPx: number;
  /** The secondary line's font (0 without one). */
  subFontPx: number;
  /** The label's opacity as drawn. */
  opacity: number;
}

/**
 * A font size rounded up to a quarter pixel. With exact fractional sizes, a label's text pixels
 * depended on what the same browser tab had drawn before (a chunked render's frame differed from
 * the one-piece render's by up to 5 levels in the text, test/robust.e2e.test.ts); with sizes on a
 * quarter-pixel grid they are byte-identical.
 */
const quarterPx = (px: number) => Math.ceil(px * 4) / 4;

/**
 * The label as drawn in a width × height frame, or null when it is not drawn (off screen, behind,
 * too far away); `offScreen` keeps one outside the frame (framing a shot that must take it in).
 */
export function labelOnScreen(l: Label, camera: CameraShot, width: number, height: number, offScreen = false): ScreenLabel | null {
  const p = project(camera, l.anchor, width, height);
  if (p.depth <= 0 || (!offScreen && (p.x < -200 || p.x > width + 200 || p.y < -100 || p.y > height + 100))) return null;
  const min = minLabelPx(height);
  const px = l.size * pixelsPerUnit(camera, p.depth, height);
  if (px < HIDE_BELOW * min) return null;
  const fontPx = quarterPx(Math.max(min, Math.min(MAX_LABEL_PX * (height / 1080), px)));
  const subFontPx = l.sub ? quarterPx(Math.max(minSubPx(height), fontPx * SUB_SCALE)) : 0;
  // labels far smaller in the scene than drawn fade as they approach the hiding point
  return { x: p.x, y: p.y, fontPx, subFontPx, opacity: l.opacity * Math.min(1, (px / min - HIDE_BELOW) / 0.2) };
}

/** Width of a text in ems of its font (Inter: about 0.56 em a Latin letter; CJK characters 1 em), a little generous. */
export function textEm(text: string, bold = false): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 1 : ch === " " ? 0.28 : 0.58;
  return em * (bold ? 1.04 : 1);
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The gap between the colour chip, the name and the secondary line, in ems of the main font. */
export const LABEL_GAP_EM = 0.3;
/** Whether a label draws the small colour chip before its text. */
export const hasChip = (l: Pick<Label, "angle" | "bold">) => l.angle === 0 && !l.bold;

/** The rectangle (pixels) a drawn label covers: its text, chip and secondary line, turned by its angle about the anchor. */
export function labelRect(l: Label, p: ScreenLabel): Rect {
  const em = p.fontPx;
  let w = textEm(l.text, l.bold) * em;
  if (hasChip(l)) w += 0.45 * em + LABEL_GAP_EM * em;
  if (l.sub) w += LABEL_GAP_EM * em + textEm(l.sub) * p.subFontPx;
  const h = 1.2 * em;
  const x0 = l.align === "start" ? 0 : l.align === "center" ? -w / 2 : -w;
  const corners = [[x0, -h / 2], [x0 + w, -h / 2], [x0, h / 2], [x0 + w, h / 2]];
  const a = (l.angle * Math.PI) / 180;
  // the box turns about the anchor (Labels.tsx: transform-origin at the aligned edge, which sits on the anchor)
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [cx, cy] of corners) {
    xs.push(p.x + cx * Math.cos(a) - cy * Math.sin(a));
    ys.push(p.y + cx * Math.sin(a) + cy * Math.cos(a));
  }
  return { x0: Math.min(...xs), y0: Math.min(...ys), x1: Math.max(...xs), y1: Math.max(...ys) };
}

/** The caption's font in pixels: one line on landscape frames; on narrow (portrait) frames the line wraps instead of shrinking. */
export const captionFontPx = (width: number, height: number) => Math.max(12, Math.min(height * 0.036, width * 0.045));
/** The caption box's distance from the frame's bottom edge, as a fraction of the height. */
export const CAPTION_BOTTOM = 0.06;
export const CAPTION_MAX_WIDTH = 0.9;
export const CAPTION_LINE_HEIGHT = 1.25;

/** The band (pixels from the top) the caption's box covers in a width × height frame, its lines wrapped as the browser would at most. */
export function captionBand(caption: Pick<Caption, "parts">, width: number, height: number): { top: number; bottom: number; lines: number } {
  const size = captionFontPx(width, height);
  const text = caption.parts.map((p) => p.text).join("");
  const inner = CAPTION_MAX_WIDTH * width - 1.8 * size;
  const lines = Math.max(1, Math.ceil((textEm(text) * size) / inner));
  const bottom = height * (1 - CAPTION_BOTTOM);
  return { top: bottom - lines * CAPTION_LINE_HEIGHT * size - 0.8 * size, bottom, lines };
}

/** The title line's font in pixels (it wraps on narrow frames). */
export const titleFontPx = (width: number, height: number) => Math.min(height * 0.045, width * 0.06);
/** The title's top edge, as a fraction of the frame's height. */
export const TITLE_TOP = 0.045;

/** How far down (a fraction of the height) the title line reaches from `top`: framing keeps the first beat's focus below it. */
export function titleBottom(text: string, width: number, height: number, top = TITLE_TOP): number {
  const size = titleFontPx(width, height);
  const lines = Math.max(1, Math.ceil((textEm(text, true) * size) / (0.9 * width)));
  return top + (lines * 1.2 * size) / height;
}

/** How far down (a fraction of the height) a card reaches (Cards.tsx: lines 1.5 em apart, 0.6 em padding). */
export const cardBottom = (c: Pick<Card, "y" | "size" | "lines">) => c.y + c.size * (1.5 * c.lines.length + 1.2);

/** The row a label belongs to, for labels numbered in a row ("token.3" → "token"); null for others. */
export const rowOf = (id: string) => (/\.\d+$/.test(id) ? id.slice(0, id.lastIndexOf(".")) : null);

/**
 * Words and numbers in a row (token words under their cubes, values over bars) that would overlap
 * their neighbours, as drawn in a width × height frame, fade out together: opacity factor by label
 * id, 1 for labels that have room. The factor falls continuously as the row closes up (from 1 at 95%
 * of the room two neighbouring labels need, to 0 at 45%), so a camera move fades them rather than
 * cutting.
 */
export function crowdedRows(labels: Label[], camera: CameraShot, width: number, height: number): Map<string, number> {
  const rows = new Map<string, { id: string; x: number; y: number; font: number; em: number; angle: number }[]>();
  for (const l of labels) {
    const row = rowOf(l.id);
    if (row === null) continue;
    const p = project(camera, l.anchor, width, height);
    if (p.depth <= 0) continue;
    // drawn or not (too far away), every label of the row counts: the row shows whole or not at all
    const font = Math.max(minLabelPx(height), l.size * pixelsPerUnit(camera, p.depth, height));
    const members = rows.get(row) ?? [];
    members.push({ id: l.id, x: p.x, y: p.y, font, em: textEm(l.text, l.bold), angle: l.angle });
    rows.set(row, members);
  }
  const out = new Map<string, number>();
  for (const row of rows.values()) {
    row.sort((a, b) => a.x - b.x);
    let room = Infinity;
    for (let i = 1; i < row.length; i++) {
      const a = row[i - 1];
      const b = row[i];
      const d = Math.hypot(b.x - a.x, b.y - a.y);
      // tilted: parallel baselines a step d apart are d·sin(angle) apart, which must hold a line;
      // level: the two texts side by side, with a small gap, or one over the other (names stacked
      // in a column, lines of a wrapped text) a line apart
      const font = Math.max(a.font, b.font);
      const fits = b.angle !== 0
        ? d / ((1.15 * font) / Math.sin((Math.abs(b.angle) * Math.PI) / 180))
        : Math.max(d / ((a.em * a.font + b.em * b.font) / 2 + 0.3 * font), Math.abs(b.y - a.y) / (1.2 * font));
      room = Math.min(room, fits);
    }
    const f = Math.max(0, Math.min(1, (room - 0.45) / 0.5));
    for (const r of row) out.set(r.id, f);
  }
  return out;
}
