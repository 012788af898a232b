// sceneStateAt(explainer, ctx, frame): the pure function from (context, frame number) to everything that frame shows.

import { cameraAt } from "./camera.js";
import { type Chapter, type Explainer, type ExplainerContext } from "./explainer.js";
import { SceneBuilder } from "./scene-builder.js";
import type { SceneState } from "./scene-types.js";
import { beatIndexAt, progress } from "./timeline.js";

/** How long a caption takes to fade in and out, as a fraction of its beat. */
const CAPTION_FADE = 0.08;

/** A chapter's clip by its local name. */
export const localProgress = (ctx: ExplainerContext, chapter: Chapter<ExplainerContext, unknown>, frame: number) =>
  (local: string) => progress(ctx.timeline, `${chapter.id}.${local}`, frame);

/** The chapters of this video: the context's when they depend on the props, else the explainer's. */
export function chaptersOf<C extends ExplainerContext>(ex: { chapters: Chapter<C, unknown>[] }, ctx: C): Chapter<C, unknown>[] {
  return ctx.chapters ?? ex.chapters;
}

export function sceneStateAt<P extends ExplainerContext["props"], C extends ExplainerContext<P>>(ex: Explainer<P, C>, ctx: C, frame: number): SceneState {
  const { timeline: tl, theme } = ctx;
  const s = new SceneBuilder(tl, frame, theme);
  s.fade = ex.fade ? ex.fade(s, ctx) : 1;
  const chapters = chaptersOf(ex, ctx);
  for (const chapter of chapters) chapter.draw(s, ctx, localProgress(ctx, chapter, frame));

  const bi = beatIndexAt(tl, frame);
  const beat = tl.beats[bi];
  const beatProgress = beat.durationInFrames > 1 ? (frame - beat.from) / (beat.durationInFrames - 1) : 1;
  const lang = ctx.props.captions;
  const caption = lang === "off" ? null : {
    parts: chapters[bi].caption(ctx, lang),
    opacity: Math.max(0, Math.min(1, beatProgress / CAPTION_FADE, (1 - beatProgress) / CAPTION_FADE)),
  };
  return {
    frame,
    beat: beat.id,
    beatProgress,
    camera: cameraAt(ctx.cameraPath, ctx.shots, frame, tl.durationInFrames, ctx.orbitDegrees),
    background: theme.background,
    fog: { color: theme.fog, ...ctx.fog },
    light: theme.light,
    blocks: s.blocks,
    structures: s.structures,
    labels: s.labels,
    cards: s.cards,
    caption,
  };
}
