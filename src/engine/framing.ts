// Framing by focus: each camera move fits the blocks it is about (and their labels) as they are shown, between safe margins.

import { type CameraSegment, type CameraShot, framePoints, orbit, orbitAt, turn, viewDirection } from "./camera.js";
import type { Chapter, ExplainerContext } from "./explainer.js";
import type { Vec3 } from "./grid.js";
import { cameraBasis, pixelsPerUnit, project } from "./project.js";
import { SceneBuilder } from "./scene-builder.js";
import type { CubeBlock, Label } from "./scene-types.js";
import { captionBand, cardBottom, crowdedRows, labelOnScreen, labelRect, TITLE_TOP, titleBottom } from "./screen.js";
import { progress } from "./timeline.js";
import { beatCues } from "./cues.js";

/** The title-safe area: 5% of each side. Framing keeps a little more, for the orbit and for motion within a shot. */
export const SAFE = 0.05;
const FIT = { side: 0.065, top: 0.07, bottom: 0.07 };
/** Pixels (at 1080p) kept between the caption's band and what is in focus. */
const CAPTION_GAP = 0.02;

/** Whether block `id` is named by the focus list (exact ids, or a prefix ending in *). */
export const inFocus = (focus: readonly string[], id: string) => focus.some((f) => (f.endsWith("*") ? id.startsWith(f.slice(0, -1)) : f === id));

/** The chapters' drawing of one frame, without camera or captions: what framing and tests measure. */
export function drawFrame(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">, frame: number, fade?: (s: SceneBuilder) => number): SceneBuilder {
  const s = new SceneBuilder(ctx.timeline, frame, ctx.theme, ctx.props.captions);
  if (fade) s.fade = fade(s);
  for (const chapter of ctx.chapters as Chapter<ExplainerContext, unknown>[]) {
    chapter.draw(s, ctx as ExplainerContext, (local) => progress(ctx.timeline, `${chapter.id}.${local}`, frame));
  }
  return s;
}

/** The eight corners of the box around a block's shown cubes (null when none is shown). */
export function blockCorners(b: CubeBlock): Vec3[] | null {
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let k = 0; k < b.count; k++) {
    if (b.scales[3 * k] <= 0 || b.scales[3 * k + 1] <= 0) continue;
    for (let i = 0; i < 3; i++) {
      const h = b.scales[3 * k + i] / 2;
      lo[i] = Math.min(lo[i], b.positions[3 * k + i] - h);
      hi[i] = Math.max(hi[i], b.positions[3 * k + i] + h);
    }
  }
  if (lo[0] === Infinity) return null;
  const out: Vec3[] = [];
  for (const x of [lo[0], hi[0]]) for (const y of [lo[1], hi[1]]) for (const z of [lo[2], hi[2]]) out.push([x, y, z]);
  return out;
}

/** The margins (fractions of the frame's height; the side one of its height too) a frame keeps free of what is in focus. */
export function fitMargins(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">, beatIndex: number, cardsBottom = 0) {
  const { width, height, captions } = ctx.props;
  const aspect = width / height;
  let bottom = FIT.bottom;
  if (captions !== "off") {
    const lines = beatCues(ctx, beatIndex, captions).map((c) => captionBand(c, width, height));
    const band = lines.reduce((a, b) => (b.top < a.top ? b : a), lines[0] ?? captionBand({ parts: [] }, width, height));
    bottom = Math.max(bottom, 1 - band.top / height + CAPTION_GAP);
  }
  // cards at the top (code) keep their place, and the first beat keeps room for the title line
  // under them (the explainer's own, when the props give none, is about this long)
  let top = Math.max(FIT.top, cardsBottom + CAPTION_GAP);
  const title = ctx.props.title ?? "How a language model picks the next";
  if (beatIndex === 0 && title !== "") top = Math.max(top, titleBottom(title, width, height, titleTop(ctx)) + CAPTION_GAP);
  return { side: FIT.side * aspect, top, bottom };
}

const TITLE_TOPS = new WeakMap<object, number>();

/** Where the title line's top sits (a fraction of the height): at the top, or under the cards the first beat shows there. */
export function titleTop(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">): number {
  const known = TITLE_TOPS.get(ctx.timeline);
  if (known !== undefined) return known;
  const b = ctx.timeline.beats[0];
  const cards = drawFrame(ctx, b.from + b.durationInFrames - 1).cards.filter((c) => c.y < 0.2);
  const top = cards.length ? Math.max(...cards.map(cardBottom)) + 0.015 : TITLE_TOP;
  TITLE_TOPS.set(ctx.timeline, top);
  return top;
}

/**
 * The labels of each sampled frame (in world points at their anchors' depth) as drawn from `shot`:
 * the corners of their rectangles. Words of a row too crowded to be drawn from `shot` take no room
 * when `skipCrowded`.
 */
function labelPoints(frames: Label[][], shot: CameraShot, width: number, height: number, skipCrowded: boolean): Vec3[] {
  const { right, up } = cameraBasis(shot);
  const out: Vec3[] = [];
  for (const labels of frames) {
    const crowded = crowdedRows(labels, shot, width, height);
    for (const l of labels) {
      const p = labelOnScreen(l, shot, width, height, true);
      if (!p || (skipCrowded && (crowded.get(l.id) ?? 1) < 0.05)) continue;
      const r = labelRect(l, p);
      const ppu = pixelsPerUnit(shot, project(shot, l.anchor, width, height).depth, height);
      for (const [x, y] of [[r.x0, r.y0], [r.x1, r.y0], [r.x0, r.y1], [r.x1, r.y1]]) {
        const dx = (x - p.x) / ppu;
        const dy = -(y - p.y) / ppu;
        out.push([0, 1, 2].map((i) => l.anchor[i] + right[i] * dx + up[i] * dy) as unknown as Vec3);
      }
    }
  }
  return out;
}

/** Whether some row of words is too crowded to be drawn from `shot` at one of the frames. */
const anyCrowded = (frames: Label[][], shot: CameraShot, width: number, height: number) =>
  frames.some((labels) => [...crowdedRows(labels, shot, width, height).values()].some((f) => f < 0.05));

/** The frames a move holds on: from the end of the move to the frame before the next one begins. */
export function holdFrames(route: CameraSegment[], i: number, total: number): [number, number] {
  const s = route[i];
  const end = i + 1 < route.length ? Math.floor(route[i + 1].start) - 1 : total - 1;
  const a = Math.min(Math.ceil(s.start + s.frames), end);
  return [Math.max(0, a), Math.max(0, end)];
}

/**
 * The shot of every move of the route: for a move with a focus, the blocks in focus and their
 * labels at five frames of its hold, fitted between the margins of the hold's beat, seen from the
 * named shot's direction turned as the orbit turns it at the hold's representative frame (the
 * middle of its beat when the hold covers it), so that that frame is framed exactly. A move
 * to the same shot and focus as an earlier one gets that one's framing: a video that returns to
 * its first shot and focus ends exactly where it began, so it loops.
 */
export function frameRoute(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">, route: CameraSegment[]): CameraShot[] {
  const earlier = new Map<string, CameraShot>();
  return route.map((seg, i) => {
    if (seg.focus.length === 0) return ctx.shots[seg.shot];
    const key = `${seg.shot}|${seg.focus.join(",")}`;
    if (!earlier.has(key)) earlier.set(key, frameHold(ctx, route, i));
    return earlier.get(key)!;
  });
}

/** The framing of move i's hold (see frameRoute). */
function frameHold(ctx: Omit<ExplainerContext, "cameraPath" | "framed" | "groundY">, route: CameraSegment[], i: number): CameraShot {
  const { width, height } = ctx.props;
  const aspect = width / height;
  const tl = ctx.timeline;
  const seg = route[i];
  const named = ctx.shots[seg.shot];
  const [a, b] = holdFrames(route, i, tl.durationInFrames);
  const beat = tl.beats.findIndex((x) => a >= x.from && a < x.from + x.durationInFrames);
  const mid = tl.beats[beat].from + Math.floor(tl.beats[beat].durationInFrames / 2);
  const rep = mid >= a && mid <= b ? mid : Math.round((a + b) / 2);
  const blocks: Vec3[] = [];
  const labels: Label[][] = [];
  let cardsBottom = 0;
  for (const f of new Set([a, Math.round(a + (b - a) / 3), rep, Math.round(a + (2 * (b - a)) / 3), b])) {
    const s = drawFrame(ctx, f);
    const ids = new Set<string>();
    for (const blk of s.blocks) {
      if (!inFocus(seg.focus, blk.id)) continue;
      const c = blockCorners(blk);
      if (c) {
        blocks.push(...c);
        ids.add(blk.id);
      }
    }
    labels.push(s.labels.filter((l) => l.of && ids.has(l.of) && l.opacity > 0.05));
    for (const c of s.cards) if (c.y < 0.2) cardsBottom = Math.max(cardsBottom, cardBottom(c));
  }
  if (blocks.length === 0) return named;
  const deg = orbitAt(rep, tl.durationInFrames, ctx.orbitDegrees);
  const dir = turn(viewDirection(named), deg);
  const margin = fitMargins(ctx, beat, cardsBottom);
  const fit = (skipCrowded: boolean) => {
    let shot = framePoints(blocks, aspect, margin, dir);
    for (let round = 0; round < 3; round++) shot = framePoints([...blocks, ...labelPoints(labels, shot, width, height, skipCrowded)], aspect, margin, dir);
    return shot;
  };
  // rows of words that are too crowded even when the shot leaves them out are not drawn: they take no room
  const all = fit(false);
  const without = anyCrowded(labels, all, width, height) ? fit(true) : all;
  return orbit(without !== all && anyCrowded(labels, without, width, height) ? without : all, -deg);
}
