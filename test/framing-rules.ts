// The composition rules of LOOK.md measured on one frame's SceneState: focus framing, safe area, caption band, label sizes.

import type { ExplainerContext } from "../src/engine/explainer.js";
import { blockCorners, SAFE } from "../src/engine/framing.js";
import { project } from "../src/engine/project.js";
import type { SceneState } from "../src/engine/scene-types.js";
import { captionBand, cardBottom, labelOnScreen, labelRect, MAX_LABEL_TILT, minLabelPx, minSubPx, type Rect, rowOf, titleBottom } from "../src/engine/screen.js";

export interface FrameMeasure {
  /** The box around the blocks in focus and their labels, in pixels. */
  box: Rect;
  problems: string[];
}

const grow = (r: Rect, x: number, y: number) => {
  r.x0 = Math.min(r.x0, x);
  r.x1 = Math.max(r.x1, x);
  r.y0 = Math.min(r.y0, y);
  r.y1 = Math.max(r.y1, y);
};

/** Every rule a frame breaks, in words (empty: it follows them all). */
export function measureFrame(s: SceneState, ctx: ExplainerContext): FrameMeasure {
  const { width: w, height: h } = ctx.props;
  const problems: string[] = [];
  const box: Rect = { x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity };
  const focus = new Set(s.focus);
  if (focus.size === 0) problems.push("no block in focus");
  const depths: number[] = [];
  for (const b of s.blocks) {
    if (!focus.has(b.id)) continue;
    for (const c of blockCorners(b) ?? []) {
      const p = project(s.camera, c, w, h);
      grow(box, p.x, p.y);
      depths.push(Math.hypot(...c.map((v, i) => v - s.camera.position[i])));
    }
  }
  // the fog is a depth cue: what is in focus stands in front of its middle, never lost in it
  const depth = depths.reduce((a, d) => a + d, 0) / depths.length;
  const fogMid = (s.fog.near + s.fog.far) / 2;
  if (depth > fogMid) problems.push(`focus stands ${Math.round(depth)} from the camera, deeper than the fog's middle ${Math.round(fogMid)}`);
  const blocksBottom = box.y1;
  let labelsBottom = -Infinity;
  for (const l of s.labels) {
    const p = labelOnScreen(l, s.camera, w, h);
    if (!p || p.opacity < 0.05) continue;
    if (p.fontPx < minLabelPx(h) - 1e-9) problems.push(`label ${l.id} "${l.text}" is ${p.fontPx.toFixed(1)} px`);
    if (l.sub && p.subFontPx < minSubPx(h) - 1e-9) problems.push(`label ${l.id} id line is ${p.subFontPx.toFixed(1)} px`);
    if (Math.abs(l.angle) > MAX_LABEL_TILT) problems.push(`label ${l.id} tilted ${l.angle}°`);
    if (l.of && focus.has(l.of)) {
      const r = labelRect(l, p);
      grow(box, r.x0, r.y0);
      grow(box, r.x1, r.y1);
      labelsBottom = Math.max(labelsBottom, r.y1);
    }
  }
  if (focus.size > 0) {
    const safe = { x0: SAFE * w, x1: (1 - SAFE) * w, y0: SAFE * h, y1: (1 - SAFE) * h };
    if (box.x0 < safe.x0 || box.x1 > safe.x1 || box.y0 < safe.y0 || box.y1 > safe.y1) {
      problems.push(`focus box ${[box.x0, box.y0, box.x1, box.y1].map(Math.round).join(",")} leaves the safe area of ${w}x${h}`);
    }
    const cx = (box.x0 + box.x1) / 2;
    if (Math.abs(cx - w / 2) > 0.1 * w) problems.push(`focus centre x ${Math.round(cx)} is more than 10% from ${w / 2}`);
    if (box.x1 - box.x0 < 0.5 * w && box.y1 - box.y0 < 0.7 * h) {
      problems.push(`focus fills ${Math.round((100 * (box.x1 - box.x0)) / w)}% of the width and ${Math.round((100 * (box.y1 - box.y0)) / h)}% of the height`);
    }
    // the title line and the cards at the top (code) keep their place: nothing in focus under them
    const over = [...(s.title ? [titleBottom(s.title.text, w, h, s.title.top)] : []), ...s.cards.filter((c) => c.y < 0.2).map(cardBottom)];
    for (const bottom of over) if (box.y0 < bottom * h) problems.push(`focus box top ${Math.round(box.y0)} is under the title or a card reaching ${Math.round(bottom * h)} px`);
    if (s.caption) {
      const band = captionBand(s.caption, w, h);
      if (blocksBottom > band.top) problems.push(`blocks in focus reach ${Math.round(blocksBottom)} px, into the caption band from ${Math.round(band.top)}`);
      if (labelsBottom > band.top) problems.push(`labels in focus reach ${Math.round(labelsBottom)} px, into the caption band from ${Math.round(band.top)}`);
    }
  }
  return { box, problems };
}

/** Pairs of level labels of blocks in focus whose letters lie over one another, in words (rows of words fade out themselves when crowded). */
export function labelOverlaps(s: SceneState, ctx: ExplainerContext): string[] {
  const { width: w, height: h } = ctx.props;
  const focus = new Set(s.focus);
  const problems: string[] = [];
  const named = s.labels.flatMap((l) => {
    const p = labelOnScreen(l, s.camera, w, h);
    return p && p.opacity >= 0.5 && l.of && focus.has(l.of) && l.angle === 0 && rowOf(l.id) === null ? [{ l, r: labelRect(l, p) }] : [];
  });
  for (let i = 0; i < named.length; i++) {
    for (let j = i + 1; j < named.length; j++) {
      const [a, b] = [named[i].r, named[j].r];
      const ox = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      // the line box is 1.2 em; the letters fill about 0.9 em of it
      const oy = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) - 0.25 * (a.y1 - a.y0 + b.y1 - b.y0) / 2;
      if (ox > 2 && oy > 2) problems.push(`labels ${named[i].l.id} "${named[i].l.text}" and ${named[j].l.id} "${named[j].l.text}" overlap`);
    }
  }
  return problems;
}
