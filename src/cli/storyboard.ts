// `abacus storyboard`: an explainer's beat table (ids, first frames, lengths) for the given props.

import type { ExplainerContext } from "../engine/explainer.js";
import { parse } from "./args.js";
import { explainerArg, explainerInput, MODEL_OPTION } from "./explainer-arg.js";
import { readPropsJson } from "./props-arg.js";

export const usage = `Usage: abacus storyboard [CompositionId] [--props FILE|JSON] [--json] [--model DIR]

Prints the beats of an explainer's video (default LLMExplainer) for the given props:
id, first frame, number of frames and seconds. Every frame belongs to exactly one
beat. A --props value that starts with "{" is JSON, anything else a file.

  --props FILE|JSON   props to validate and use (see README: Props)
  --json              print { fps, durationInFrames, beats: [{ id, from, durationInFrames }] }
${MODEL_OPTION}`;

export function run(argv: string[]): number {
  const { values, positionals } = parse(argv, { props: { type: "string" }, json: { type: "boolean" }, model: { type: "string" } }, true);
  const explainer = explainerArg(positionals);
  const { props, model } = explainerInput(explainer, readPropsJson(values.props), values.model);
  const { timeline }: ExplainerContext = explainer.context(props, model);
  const beats = timeline.beats.map((b) => ({ id: b.id, from: b.from, durationInFrames: b.durationInFrames }));
  if (values.json) {
    console.log(JSON.stringify({ fps: timeline.fps, durationInFrames: timeline.durationInFrames, beats }));
    return 0;
  }
  const rows = beats.map((b) => [b.id, String(b.from), String(b.durationInFrames), (b.durationInFrames / timeline.fps).toFixed(2)]);
  const head = ["beat", "from", "frames", "seconds"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log([line(head), ...rows.map(line), `${timeline.durationInFrames} frames at ${timeline.fps} fps = ${(timeline.durationInFrames / timeline.fps).toFixed(2)} s`].join("\n"));
  return 0;
}
