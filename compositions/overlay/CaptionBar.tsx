// The caption: one line per beat, tensor names in their kind's accent colour.
import React from "react";
import type { Theme } from "../../src/layout/themes.js";
import type { Caption } from "../../src/engine/scene-types.js";
import { CAPTION_BOTTOM, CAPTION_LINE_HEIGHT, CAPTION_MAX_WIDTH, captionFontPx } from "../../src/engine/screen.js";
import { FONT_FAMILY } from "./fonts.js";

export const CaptionBar: React.FC<{ caption: Caption | null; theme: Theme; width: number; height: number }> = ({ caption, theme, width, height }) => {
  if (!caption || caption.opacity <= 0) return null;
  // the band it covers is captionBand's (src/engine/screen.ts): framing keeps what is in focus out of it
  const size = captionFontPx(width, height);
  return (
    <div style={{ position: "absolute", left: 0, right: 0, bottom: height * CAPTION_BOTTOM, display: "flex", justifyContent: "center", opacity: caption.opacity }}>
      <div
        style={{
          fontFamily: FONT_FAMILY,
          fontSize: size,
          fontWeight: 400,
          lineHeight: CAPTION_LINE_HEIGHT,
          color: theme.text,
          background: theme.captionBackground,
          borderRadius: size * 0.6,
          padding: `${size * 0.4}px ${size * 0.9}px`,
          maxWidth: width * CAPTION_MAX_WIDTH,
          textAlign: "center",
        }}
      >
        {caption.parts.map((p, i) =>
          p.kind ? (
            <span key={i} style={{ fontWeight: 600, color: theme.accents[p.kind], filter: "brightness(0.8) saturate(1.3)" }}>
              {p.text}
            </span>
          ) : (
            <span key={i}>{p.text}</span>
          ),
        )}
      </div>
    </div>
  );
};
