// `abacus scene`: what frame N of an explainer shows (beat, camera, blocks, labels, caption), without rendering.

import { InputError } from "../errors.js";
import { durationInFrames } from "../engine/props.js";
import { sceneStateAt } from "../engine/scene-state.js";
import { labelOnScreen } from "../engine/screen.js";
import type { SceneState } from "../engine/scene-types.js";
import { intOption, parse } from "./args.js";
import { explainerArg, explainerInput, MODEL_OPTION } from "./explainer-arg.js";
import { readPropsJson } from "./props-arg.js";

export const usage = `Usage: abacus scene [CompositionId] --frame N [--props FILE|JSON] [--json] [--model DIR]

Prints what frame N of an explainer's video (default LLMExplainer) shows, computed
exactly as the renderer computes it, without a browser: the beat, the camera, every
block of cubes (id, tensor, number of cubes, opacity, how far it has receded from
focus), the blocks in focus, every label drawn (its text and tensor id line, anchor x
and y in pixels of the output frame, font sizes in pixels, tilt, opacity), every card,
the caption and the title. Every number the video shows is a label, so it appears here.

  --frame N          the frame (0 … frames - 1)
  --props FILE|JSON  props (see README: Props)
  --json             one JSON object: { composition, frame, beat, beatProgress, camera,
                     focus, blocks: [{ id, tensor, count, opacity, recede }], labels:
                     [{ id, text, sub, x, y, fontPx, subFontPx, angle, opacity }], cards,
                     caption, title }
${MODEL_OPTION}`;

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The frame as plain JSON, labels as drawn in the output frame. */
export function describeScene(composition: string, s: SceneState, width: number, height: number) {
  return {
    composition,
    frame: s.frame,
    beat: s.beat,
    beatProgress: r2(s.beatProgress),
    camera: { position: s.camera.position.map(r2), target: s.camera.target.map(r2), fov: s.camera.fov },
    focus: s.focus,
    blocks: s.blocks.map((b) => ({ id: b.id, tensor: b.tensor, count: b.count, opacity: r2(b.opacity), recede: r2(b.recede) })),
    labels: s.labels.flatMap((l) => {
      const p = labelOnScreen(l, s.camera, width, height);
      return p ? [{ id: l.id, text: l.text, sub: l.sub ?? null, x: r2(p.x), y: r2(p.y), fontPx: r2(p.fontPx), subFontPx: r2(p.subFontPx), angle: l.angle, opacity: r2(p.opacity) }] : [];
    }),
    cards: s.cards.map((c) => ({ id: c.id, lines: c.lines.map((l) => l.text), highlighted: c.lines.flatMap((l, i) => (l.highlight > 0.5 ? [i] : [])), opacity: r2(c.opacity) })),
    caption: s.caption ? s.caption.parts.map((p) => p.text).join("") : null,
    title: s.title?.text ?? null,
  };
}

export function run(argv: string[]): number {
  const { values, positionals } = parse(argv, { frame: { type: "string" }, props: { type: "string" }, json: { type: "boolean" }, model: { type: "string" } }, true);
  const explainer = explainerArg(positionals);
  const { props, model } = explainerInput(explainer, readPropsJson(values.props), values.model);
  if (values.frame === undefined) throw new InputError("--frame", "a frame number", "none");
  const frame = intOption(values.frame, "--frame", 0, durationInFrames(props) - 1, 0);
  const ctx = explainer.context(props, model);
  const d = describeScene(explainer.id, sceneStateAt(explainer, ctx, frame), props.width, props.height);
  if (values.json) {
    console.log(JSON.stringify(d, null, 2));
    return 0;
  }
  const lines = [
    `${d.composition} frame ${d.frame}: beat ${d.beat} (${Math.round(100 * d.beatProgress)}%)`,
    `camera at ${d.camera.position.join(", ")} looking at ${d.camera.target.join(", ")}`,
    `focus: ${d.focus.join(", ") || "(none)"}`,
    `blocks (${d.blocks.length}):`,
    ...d.blocks.map((b) => `  ${b.id.padEnd(12)} ${String(b.tensor ?? "-").padEnd(14)} ${String(b.count).padStart(5)} cubes  opacity ${b.opacity}`),
    `labels (${d.labels.length}):`,
    ...d.labels.map((l) => `  ${JSON.stringify(l.text).padEnd(24)} at ${l.x.toFixed(0)}, ${l.y.toFixed(0)}  ${l.fontPx.toFixed(1)} px  opacity ${l.opacity}${l.sub ? `  (${l.sub}, ${l.subFontPx.toFixed(1)} px)` : ""}`),
    ...d.cards.map((c) => `card ${c.id}:\n${c.lines.map((t, i) => `  ${c.highlighted.includes(i) ? ">" : " "} ${t}`).join("\n")}`),
    `caption: ${d.caption ?? "(none)"}`,
  ];
  console.log(lines.join("\n"));
  return 0;
}
