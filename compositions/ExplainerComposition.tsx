// Any explainer as a Remotion component: its context from the props (once), then sceneStateAt(frame), drawn.
import React, { useMemo } from "react";
import { AbsoluteFill, useCurrentFrame, useRemotionEnvironment, useVideoConfig } from "remotion";
import type { ExplainerContext } from "../src/engine/explainer.js";
import { sceneStateAt, textShown } from "../src/engine/scene-state.js";
import { parseForModel } from "../src/engine/props.js";
import { InputError } from "../src/errors.js";
import type { AnyExplainer } from "../src/explainers/index.js";
import { type ThemeName, THEMES } from "../src/layout/themes.js";
import { CaptionBar } from "./overlay/CaptionBar.js";
import { Cards } from "./overlay/Cards.js";
import { useFonts } from "./overlay/fonts.js";
import { Labels } from "./overlay/Labels.js";
import { TitleLine } from "./overlay/TitleLine.js";
import { PropsErrorCard, propsErrorText } from "./overlay/PropsErrorCard.js";
import { Scene3D } from "./three/Scene3D.js";
import { useModel } from "./use-model.js";

export const ExplainerComposition: React.FC<{ explainer: AnyExplainer; props: Record<string, unknown> }> = ({ explainer, props }) => {
  const tape = typeof props.modelTape === "string" ? props.modelTape : undefined;
  const model = useModel(tape);
  const frame = useCurrentFrame();
  const { width, height } = useVideoConfig();
  const key = JSON.stringify(props);
  const { isRendering } = useRemotionEnvironment();
  // the context (trace, layout, timeline) depends on the props only: built once, never per frame.
  // Props that do not fit the model (an unknown word, a head it does not have) fail a render, but
  // in the Studio they show a card, so the preview comes back when the props are mended (Remotion's
  // error overlay would stay until the page is reloaded).
  const built = useMemo(() => {
    if (!model) return null;
    try {
      // a checkpoint's prompt is its tokenizer's to judge, not the built-in vocabulary's
      const parsed = tape ? parseForModel(explainer.parse, props) : explainer.parse(props);
      const ctx: ExplainerContext = explainer.context(parsed, model);
      return { ctx, error: null };
    } catch (err) {
      if (err instanceof InputError && !isRendering) return { ctx: null, error: err };
      throw err;
    }
  }, [model, key, isRendering, explainer, tape]);
  const fontText = useMemo(() => (built === null ? null : built.ctx ? explainer.shownText(built.ctx) + textShown(explainer, built.ctx) : propsErrorText(built.error)), [built, explainer]);
  useFonts(fontText);
  // null, not an empty <AbsoluteFill />: the Studio's visual mode keys an AbsoluteFill's prop
  // overrides by the source line it first mounted from, so an empty one here would later strip
  // the style and children of the one below (the preview stayed empty)
  if (!built) return null;
  // the props did not parse: their theme may be bad too
  if (!built.ctx) return <PropsErrorCard error={built.error} theme={THEMES[props.theme as ThemeName] ?? THEMES.pastel} width={width} height={height} />;
  const ctx = built.ctx;
  const state = sceneStateAt(explainer, ctx, frame);
  return (
    <AbsoluteFill style={{ backgroundColor: state.background }}>
      <Scene3D state={state} theme={ctx.theme} width={width} height={height} />
      {/* positioned directly: a full-frame layer over the WebGL canvas cost ~30 ms a frame */}
      <Labels state={state} theme={ctx.theme} width={width} height={height} />
      <Cards cards={state.cards} theme={ctx.theme} width={width} height={height} />
      <CaptionBar caption={state.caption} theme={ctx.theme} width={width} height={height} />
      <TitleLine title={state.title} theme={ctx.theme} width={width} height={height} />
    </AbsoluteFill>
  );
};
