// The flagship: runs the prompt through the shipped model, then draws sceneStateAt(frame). Nothing else.
import React, { useMemo } from "react";
import { AbsoluteFill, useCurrentFrame, useVideoConfig } from "remotion";
import { makeContext, shownText } from "../../src/story/context.js";
import type { ExplainerProps } from "../../src/story/props.js";
import { sceneStateAt } from "../../src/story/scene-state.js";
import { CaptionBar } from "../overlay/CaptionBar.js";
import { useFonts } from "../overlay/fonts.js";
import { Labels } from "../overlay/Labels.js";
import { Scene3D } from "../three/Scene3D.js";
import { useModel } from "./use-model.js";

export const LLMExplainer: React.FC<ExplainerProps> = (props) => {
  const model = useModel();
  const frame = useCurrentFrame();
  const { width, height } = useVideoConfig();
  const key = JSON.stringify(props);
  // the context (trace, layout, timeline) depends on the props only: built once, never per frame
  const ctx = useMemo(() => (model ? makeContext(props, model) : null), [model, key]);
  useFonts(ctx ? shownText(ctx) : null);
  // null, not an empty <AbsoluteFill />: the Studio's visual mode keys an AbsoluteFill's prop
  // overrides by the source line it first mounted from, so an empty one here would later strip
  // the style and children of the one below (the preview stayed empty)
  if (!ctx) return null;
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
