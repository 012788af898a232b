// sceneStateAt(explainer, ctx, frame): the pure function from (context, frame number) to everything that frame shows.

import { cameraAt } from "./camera.js";
import { type Chapter, type Explainer, type ExplainerContext } from "./explainer.js";
import { SceneBuilder } from "./scene-builder.js";
import type { SceneState } from "./scene-types.js";
import { progress } from "./timeline.js";

/** How long a caption takes to fade in and out, as a fraction of its beat. */
const CAPTION_FADE = 0.08;

/** A chapter's clip by its local name. */
const localProgress = (ctx: ExplainerContext, chapter: Chapter<ExplainerContext, unknown>, frame: number) =>
  (local: string) => progress(ctx.timeline, `${chapter.id}.${local}`, frame);

export function sceneStateAt<P extends ExplainerContext["props"], C extends ExplainerContext<P>>(ex: Explainer<P, C>, ctx: C, frame: number): SceneState {
  const { timeline: tl, theme } = ctx;
  const s = new SceneBuilder(tl, frame, theme);
  s.fade = ex.fade ? ex.fade(s, ctx) : 1;
  const chapters = ctx.chapters;
  for (const chapter of chapters) chapter.draw(s, ctx, localProgress(ctx, chapter, frame));

  const bi = s.beatIndex;
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
