// The flagship: runs the prompt through the shipped model, then draws sceneStateAt(frame). Nothing else.
import React, { useMemo } from "react";
import { AbsoluteFill, useCurrentFrame, useRemotionEnvironment, useVideoConfig } from "remotion";
import { InputError } from "../../src/errors.js";
import { THEMES } from "../../src/layout/themes.js";
import { makeContext, shownText } from "../../src/story/context.js";
import type { ExplainerProps } from "../../src/story/props.js";
import { sceneStateAt } from "../../src/story/scene-state.js";
import { CaptionBar } from "../overlay/CaptionBar.js";
import { useFonts } from "../overlay/fonts.js";
import { Labels } from "../overlay/Labels.js";
import { PropsErrorCard, propsErrorText } from "../overlay/PropsErrorCard.js";
import { Scene3D } from "../three/Scene3D.js";
import { useModel } from "./use-model.js";

export const LLMExplainer: React.FC<ExplainerProps> = (props) => {
  const model = useModel();
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
      return { ctx: makeContext(props, model), error: null };
    } catch (err) {
      if (err instanceof InputError && !isRendering) return { ctx: null, error: err };
      throw err;
    }
  }, [model, key, isRendering]);
  useFonts(built === null ? null : built.ctx ? shownText(built.ctx) : propsErrorText(built.error));
  // null, not an empty <AbsoluteFill />: the Studio's visual mode keys an AbsoluteFill's prop
  // overrides by the source line it first mounted from, so an empty one here would later strip
  // the style and children of the one below (the preview stayed empty)
  if (!built) return null;
  if (!built.ctx) return <PropsErrorCard error={built.error} theme={THEMES[props.theme]} width={width} height={height} />;
  const ctx = built.ctx;
  const state = sceneStateAt(ctx, frame);
  return (
    <AbsoluteFill style={{ backgroundColor: state.background }}>
      <Scene3D state={state} theme={ctx.theme} width={width} height={height} />
      {/* positioned directly: a full-frame layer over the WebGL canvas cost ~30 ms a frame */}
      <Labels state={state} theme={ctx.theme} width={width} height={height} />
      <CaptionBar caption={state.caption} theme={ctx.theme} width={width} height={height} />
    </AbsoluteFill>
  );
};
