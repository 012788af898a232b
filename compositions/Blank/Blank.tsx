// The benchmark floor: the same size and length as an explainer's video, text only, no WebGL.
import React from "react";
import { AbsoluteFill, useCurrentFrame } from "remotion";
import { THEMES } from "../../src/layout/themes.js";
import type { VideoProps } from "../../src/engine/props.js";

export const Blank: React.FC<VideoProps> = ({ theme, height }) => {
  const frame = useCurrentFrame();
  const t = THEMES[theme];
  return (
    <AbsoluteFill style={{ backgroundColor: t.background, color: t.text, justifyContent: "center", alignItems: "center", fontSize: height / 18, fontFamily: "sans-serif" }}>
      frame {frame}
    </AbsoluteFill>
  );
};
