// `abacus narrate`: the video's script, beat by beat, generated from the trace for the props (text, SubRip, WebVTT or JSON).

import type { CaptionLanguage, ExplainerContext } from "../engine/explainer.js";
import { InputError } from "../errors.js";
import { videoScript } from "../subtitles/script.js";
import { timestamp, toSrt, toVtt } from "../subtitles/subtitles.js";
import { parse } from "./args.js";
import { explainerArg, explainerInput, MODEL_OPTION } from "./explainer-arg.js";
import { readPropsJson } from "./props-arg.js";

export const FORMATS = ["text", "srt", "vtt", "json"] as const;

export const usage = `Usage: abacus narrate [CompositionId] [--props FILE|JSON] [--format text|srt|vtt|json] [--model DIR]

Prints the script of an explainer's video (default LLMExplainer) for the given props: for
every beat its time range and a short paragraph of what the frames show and what it means,
for a viewer new to transformers. Every number and word of the trace in it is computed from
the trace of these props (the captions' facts). It is in the captions' language (English
when captions are off): a voice-over to record against the video.

  --props FILE|JSON   props to validate and use (see README: Props)
  --format FORMAT     text (default), srt or vtt (one cue per beat), or json:
                      [{ beat, from, to, startSeconds, endSeconds, text }]
${MODEL_OPTION}`;

export function run(argv: string[]): number {
  const { values, positionals } = parse(argv, { props: { type: "string" }, format: { type: "string" }, model: { type: "string" } }, true);
  const format = String(values.format ?? "text");
  if (!(FORMATS as readonly string[]).includes(format)) throw new InputError("--format", `one of ${FORMATS.join(", ")}`, JSON.stringify(format));
  const explainer = explainerArg(positionals);
  const { props, model } = explainerInput(explainer, readPropsJson(values.props), values.model);
  const ctx: ExplainerContext = explainer.context(props, model);
  const lang: CaptionLanguage = props.captions === "zh" ? "zh" : "en";
  const script = videoScript(ctx, lang);
  const cues = script.map((b) => ({ startMs: Math.round(b.startSeconds * 1000), endMs: Math.round(b.endSeconds * 1000), text: b.text }));
  if (format === "json") console.log(JSON.stringify(script, null, 2));
  else if (format === "srt") process.stdout.write(toSrt(cues));
  else if (format === "vtt") process.stdout.write(toVtt(cues, lang));
  else {
    console.log(script.map((b, i) => `${b.beat}  ${timestamp(cues[i].startMs, ".")} – ${timestamp(cues[i].endMs, ".")}  (frames ${b.from}–${b.to})\n${b.text}`).join("\n\n"));
  }
  return 0;
}
