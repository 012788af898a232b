// The compositions the CLI can render (every explainer, and the Blank floor), and how each checks its props in Node.

import { parseWith, VIDEO_FIELD_DOCS, type VideoProps, VideoPropsSchema } from "../engine/props.js";
import { type AnyExplainer, EXPLAINERS } from "../explainers/index.js";
import type { ModelSource } from "../model/source.js";
import { type TimedCue, videoCues } from "../engine/cues.js";

export interface Prepared {
  props: VideoProps;
  /** The trace hash of the video's forward pass (null for Blank). */
  traceHash: string | null;
  /** Extra fields for the render record (e.g. NextTokenLoop's steps). */
  record: Record<string, unknown>;
  /** The caption cues in the props' captions language (none when captions are off, and for Blank). */
  cues: TimedCue[];
}

export interface CompositionEntry {
  id: string;
  description: string;
  parse(json: unknown, source?: string): VideoProps;
  /** Model-dependent checks and the facts the render record needs; throws InputError. */
  prepare(props: VideoProps, model: ModelSource): Prepared;
}

const fromExplainer = (e: AnyExplainer): CompositionEntry => ({
  id: e.id,
  description: e.description,
  parse: (json, source) => e.parse(json, source),
  prepare(props, model) {
    const ctx = e.context(props, model);
    const cues = props.captions === "off" ? [] : videoCues(ctx, props.captions);
    return { props, traceHash: e.traceHash(ctx), record: e.record?.(ctx) ?? {}, cues };
  },
});

export const BLANK: CompositionEntry = {
  id: "Blank",
  description: "Benchmark floor: a video's size and length, text only, no WebGL",
  parse: (json, source) => parseWith(VideoPropsSchema, VIDEO_FIELD_DOCS, json, source),
  prepare: (props) => ({ props, traceHash: null, record: {}, cues: [] }),
};

export const COMPOSITIONS: CompositionEntry[] = [...EXPLAINERS.map(fromExplainer), BLANK];

export const DEFAULT_COMPOSITION = "LLMExplainer";

export function compositionById(id: string): CompositionEntry | undefined {
  return COMPOSITIONS.find((c) => c.id === id);
}

/** Blank's props for the same frame size, fps and length as `props` (the benchmark's floor). */
export function blankPropsFor(props: VideoProps): VideoProps {
  const { theme, captions, fps, durationInSeconds, width, height } = props;
  return { theme, captions, fps, durationInSeconds, width, height };
}
