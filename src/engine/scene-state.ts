// sceneStateAt(explainer, ctx, frame): the pure function from (context, frame number) to everything that frame shows.

import { cameraAt, moveProgress, segmentAt } from "./camera.js";
import { type Explainer, type ExplainerContext } from "./explainer.js";
import { cueAt, videoCues } from "./cues.js";
import { drawFrame, inFocus, titleTop } from "./framing.js";
import type { SceneState } from "./scene-types.js";
import { crowdedRows } from "./screen.js";

/** How long a caption takes to fade in and out, as a fraction of its beat (at most a quarter of its cue). */
const CAPTION_FADE = 0.08;

/** How much a label of a receded block fades (1: it vanishes with its block's focus). */
const LABEL_RECEDE = 1;

/**
 * Focus at `frame`: the ids the current camera move frames, and for any id how far it has
 * receded (0 in focus … 1 out), eased over the move from the previous move's focus.
 */
export function focusAt(ctx: Pick<ExplainerContext, "cameraPath">, frame: number): { focus: string[]; recede: (id: string) => number } {
  const route = ctx.cameraPath;
  const i = segmentAt(route, frame);
  const now = route[i].focus;
  if (now.length === 0) return { focus: now, recede: () => 0 };
  const before = i > 0 && route[i - 1].focus.length > 0 ? route[i - 1].focus : now;
  const t = i > 0 ? moveProgress(route[i], frame) : 1;
  return { focus: now, recede: (id) => (1 - t) * (inFocus(before, id) ? 0 : 1) + t * (inFocus(now, id) ? 0 : 1) };
}

/** The title line: the props' or the explainer's, fading in and out over the first beat. */
function titleAt(ex: Pick<Explainer, "title">, ctx: ExplainerContext, beatIndex: number, beatProgress: number): SceneState["title"] {
  const text = ctx.props.title ?? ex.title[ctx.props.captions === "zh" ? "zh" : "en"];
  if (beatIndex !== 0 || text === "") return null;
  const opacity = Math.max(0, Math.min(1, beatProgress / 0.2, (1 - beatProgress) / 0.2));
  return opacity > 0 ? { text, opacity, top: titleTop(ctx) } : null;
}

export function sceneStateAt<P extends ExplainerContext["props"], C extends ExplainerContext<P>>(ex: Explainer<P, C>, ctx: C, frame: number): SceneState {
  const { timeline: tl, theme } = ctx;
  const s = drawFrame(ctx, frame, ex.fade ? (b) => ex.fade!(b, ctx) : undefined);
  const { focus, recede } = focusAt(ctx, frame);
  for (const b of s.blocks) b.recede = recede(b.id);
  for (const st of s.structures) st.recede = recede(st.id);
  const blockRecede = new Map(s.blocks.map((b) => [b.id, b.recede]));
  const receded = s.labels.map((l) => (l.of && blockRecede.has(l.of) ? { ...l, opacity: l.opacity * (1 - LABEL_RECEDE * blockRecede.get(l.of)!) } : l));
  const camera = cameraAt(ctx.cameraPath, ctx.framed, frame, tl.durationInFrames, ctx.orbitDegrees);
  const crowded = crowdedRows(receded, camera, ctx.props.width, ctx.props.height);
  const labels = receded.map((l) => (crowded.has(l.id) ? { ...l, opacity: l.opacity * crowded.get(l.id)! } : l));

  const bi = s.beatIndex;
  const beat = tl.beats[bi];
  const beatProgress = beat.durationInFrames > 1 ? (frame - beat.from) / (beat.durationInFrames - 1) : 1;
  const lang = ctx.props.captions;
  const shown = lang === "off" ? null : cueAt(videoCues(ctx, lang), frame, CAPTION_FADE * beat.durationInFrames);
  const caption = shown ? { parts: shown.cue.parts, opacity: shown.opacity } : null;
  return {
    frame,
    beat: beat.id,
    beatProgress,
    camera,
    background: theme.background,
    fog: { color: theme.fog, ...ctx.fog },
    light: theme.light,
    focus: s.blocks.filter((b) => inFocus(focus, b.id)).map((b) => b.id),
    ground: { y: ctx.groundY, color: theme.ground },
    blocks: s.blocks,
    structures: s.structures,
    labels: labels.filter((l) => l.opacity > 0.001),
    cards: s.cards,
    caption,
    title: titleAt(ex, ctx, bi, beatProgress),
  };
}

/** Every piece of text the video's frames draw (labels, their id lines, cards, caption, title), sampled every few frames: what the fonts must cover. */
export function textShown<P extends ExplainerContext["props"], C extends ExplainerContext<P>>(ex: Explainer<P, C>, ctx: C, every = 3): string {
  const parts = new Set<string>();
  for (let f = 0; f < ctx.timeline.durationInFrames; f += every) {
    const s = sceneStateAt(ex, ctx, f);
    for (const l of s.labels) parts.add(l.text + (l.sub ?? ""));
    for (const c of s.cards) for (const line of c.lines) parts.add(line.text);
    if (s.title) parts.add(s.title.text);
  }
  // every cue whole: a short one could fall between the sampled frames
  if (ctx.props.captions !== "off") for (const c of videoCues(ctx, ctx.props.captions)) parts.add(c.text);
  return [...parts].join(" ");
}
