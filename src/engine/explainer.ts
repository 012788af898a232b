// What an explainer is: props schema, defaults, a context built once from the props, and chapters.

import type { z } from "zod";
import type { ModelSource } from "../model/source.js";
import type { TensorSource } from "./blocks.js";
import type { CameraSegment, CameraShot } from "./camera.js";
import type { Clip } from "./combinators.js";
import type { SceneBuilder } from "./scene-builder.js";
import type { CaptionCue } from "./cues.js";
import type { FactSource } from "./facts.js";
import type { Timeline } from "./timeline.js";
import type { VideoProps } from "./props.js";

export type CaptionLanguage = "en" | "zh";

/** Everything a video needs that does not change from frame to frame, computed once from the props. */
export interface ExplainerContext<P extends VideoProps = VideoProps> extends TensorSource {
  props: P;
  /** This video's chapters, in beat order (fixed for most explainers; NextTokenLoop has one per token written). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  chapters: Chapter<any, any>[];
  timeline: Timeline;
  shots: Record<string, CameraShot>;
  /** Where the camera goes when: from the chapters' shots, once. */
  cameraPath: CameraSegment[];
  /** The shot each move of cameraPath ends on: its focus framed (engine/framing.ts), once. */
  framed: CameraShot[];
  /** The height of the ground plane: a little under the lowest block the video shows. */
  groundY: number;
  /** Degrees of the slow orbit at the middle of the video (0 at both ends). */
  orbitDegrees: number;
  fog: { near: number; far: number };
  /** The words captions' facts name: the video's tokens in order, and the model's vocabulary by id. */
  words: FactSource["words"];
  /** The word-id tensors of top-k tensors that captions name words from (FactSource.ids). */
  ids?: FactSource["ids"];
}

/**
 * One beat of a video and everything about it: its clips (named locally; the timeline holds
 * them as `<id>.<name>`), how it draws, where the camera goes, what the caption says.
 * `D` is what the clips depend on (token count, layers …), known before the timeline.
 */
export interface Chapter<C extends ExplainerContext, D> {
  id: string;
  /** Frames of this beat in the explainer's default video; other lengths scale these. */
  weight: number;
  clips(data: D): Clip;
  /** Adds this chapter's part of the frame (every frame: a chapter's blocks may stay on screen after its beat). */
  draw(s: SceneBuilder, ctx: C, P: (local: string) => number): void;
  /** This chapter's camera moves, in frame order. */
  shots(ctx: Omit<C, "cameraPath" | "framed" | "groundY">): CameraSegment[];
  /** The beat's caption lines in the language, in order, each stating facts of the trace (engine/facts.ts). */
  caption(ctx: C, lang: CaptionLanguage): CaptionCue[];
  /** What the beat shows and means, for a viewer new to transformers (no numbers: those are the cues'); the narration's opening. */
  explain: Record<CaptionLanguage, string>;
}

export interface Explainer<P extends VideoProps = VideoProps, C extends ExplainerContext<P> = ExplainerContext<P>> {
  id: string;
  /** One line for `abacus compositions`. */
  description: string;
  /** The title shown in the first beat when the props give none, in each captions language (English when they are off). */
  title: Record<CaptionLanguage, string>;
  /** The storyboard this explainer implements, in the repo. */
  doc: string;
  schema: z.ZodType<P>;
  /** What each field accepts, in words (error messages, README). */
  fieldDocs: Record<string, string>;
  defaults: P;
  /** Validates and fills props (unknown JSON); throws InputError naming the field. */
  parse(json: unknown, source?: string): P;
  /** Checks what depends on the model (layer, head, token index …) and builds the context. */
  context(props: P, model: ModelSource): C;
  /** A fade of the whole scene (1: none), e.g. while the video returns to its first shot. */
  fade?(s: SceneBuilder, ctx: C): number;
  /** The trace hash a render record names (the video's forward pass), or null. */
  traceHash(ctx: C): string | null;
  /** Extra fields for the JSON record beside a rendered video. */
  record?(ctx: C): Record<string, unknown>;
  /** Every piece of text the video can show: what the fonts must cover. */
  shownText(ctx: C): string;
}
