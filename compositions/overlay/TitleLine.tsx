// The video's title line over the first beat: centred at the top, in the theme's text colour.
import React from "react";
import { titleFontPx } from "../../src/engine/screen.js";
import type { SceneState } from "../../src/engine/scene-types.js";
import type { Theme } from "../../src/layout/themes.js";
import { FONT_FAMILY } from "./fonts.js";

export const TitleLine: React.FC<{ title: SceneState["title"]; theme: Theme; width: number; height: number }> = ({ title, theme, width, height }) => {
  if (!title) return null;
  const size = titleFontPx(width, height);
  return (
    <div
      style={{
        position: "absolute", left: width * 0.05, right: width * 0.05, top: height * title.top, textAlign: "center",
        fontFamily: FONT_FAMILY, fontWeight: 600, fontSize: size, lineHeight: 1.2, color: theme.text, opacity: title.opacity,
        // it settles into place as it fades in
        transform: `translateY(${(1 - title.opacity) * size * 0.3}px)`,
      }}
    >
      {title.text}
    </div>
  );
};
