// Everything a video needs that does not change from frame to frame, computed once from the props.

import { InputError } from "../errors.js";
import { type CameraShot, type ShotName, shots } from "../layout/camera.js";
import { layoutModel, type Layout } from "../layout/model-layout.js";
import { colorScale, normalise, valueColor } from "../layout/palette.js";
import { THEMES, type Theme } from "../layout/themes.js";
import type { LoadedModel } from "../model/weights.js";
import { buildTrace } from "../trace/build.js";
import type { Trace } from "../trace/schema.js";
import { type CaptionFacts, captionFor } from "./captions.js";
import { compile, type Timeline } from "./compile.js";
import { cameraPath, type CameraSegment } from "./camera-path.js";
import { BEAT_IDS, llmExplainerBeats } from "./explainers.js";
import { durationInFrames, type ExplainerProps } from "./props.js";

export interface SceneContext {
  props: ExplainerProps;
  trace: Trace;
  theme: Theme;
  layout: Layout;
  timeline: Timeline;
  shots: Record<ShotName, CameraShot>;
  /** Colour scale (largest |value|) of every tensor. */
  scales: Record<string, number>;
  /** Every element's palette colour and |normalised value|, per tensor: computed once, not per frame. */
  tints: Record<string, Tint>;
  /** Where the camera goes when: derived from the timeline once. */
  cameraPath: CameraSegment[];
  layer: number;
  head: number;
  /** The facts the captions quote. */
  facts: CaptionFacts;
}

/** Checks the props that depend on the model (focus layer and head, prompt) and builds the trace. */
export function traceForProps(props: ExplainerProps, model: LoadedModel): Trace {
  const c = model.params.config;
  if (props.focusLayer >= c.nLayer) throw new InputError("props.focusLayer", `an integer from 0 to ${c.nLayer - 1}`, String(props.focusLayer));
  if (props.focusHead >= c.nHead) throw new InputError("props.focusHead", `an integer from 0 to ${c.nHead - 1}`, String(props.focusHead));
  try {
    return buildTrace(model, props.prompt, props.topK);
  } catch (err) {
    if (err instanceof InputError && err.field === "prompt") throw new InputError("props.prompt", err.expected, err.actual, err.hint);
    throw err;
  }
}

export interface Tint {
  /** sRGB triples, 3 per element. */
  colors: Float32Array;
  /** |value| / scale, clamped to 1, per element: the cube's depth grows with it. */
  magnitude: Float32Array;
}

function tint(theme: Theme, data: number[], scale: number): Tint {
  const colors = new Float32Array(data.length * 3);
  const magnitude = new Float32Array(data.length);
  data.forEach((v, i) => {
    colors.set(valueColor(theme, v, scale), 3 * i);
    magnitude[i] = Math.abs(normalise(v, scale));
  });
  return { colors, magnitude };
}

export function contextFromTrace(props: ExplainerProps, trace: Trace): SceneContext {
  const T = trace.tokens.length;
  const layout = layoutModel(trace.model, T, props.topK);
  const theme = THEMES[props.theme];
  const scales: Record<string, number> = {};
  const tints: Record<string, Tint> = {};
  for (const [id, t] of Object.entries(trace.tensors)) {
    scales[id] = colorScale(t.data);
    tints[id] = tint(theme, t.data, scales[id]);
  }
  const timeline = compile(llmExplainerBeats(T, trace.model.nLayer), props.fps, durationInFrames(props));
  return {
    props,
    trace,
    theme,
    layout,
    timeline,
    shots: shots(layout, props.width / props.height),
    scales,
    tints,
    cameraPath: cameraPath(timeline),
    layer: props.focusLayer,
    head: props.focusHead,
    facts: {
      tokens: trace.tokens, next: trace.next.token, p: trace.next.p,
      layer: props.focusLayer, head: props.focusHead, nLayer: trace.model.nLayer,
    },
  };
}

export function makeContext(props: ExplainerProps, model: LoadedModel): SceneContext {
  return contextFromTrace(props, traceForProps(props, model));
}

/** Every piece of text the video can show (tokens, top-k words, captions): what the fonts must cover. */
export function shownText(ctx: SceneContext): string {
  const words = [...ctx.trace.tokens, ...ctx.trace.topk.map((t) => t.token)].join(" ");
  const lang = ctx.props.captions;
  const captions = lang === "off" ? "" : BEAT_IDS.map((b) => captionFor(b, lang, ctx.facts).map((p) => p.text).join("")).join("");
  return words + captions;
}
