// The caption: one line per beat, tensor names in their kind's accent colour.
import React from "react";
import type { Theme } from "../../src/layout/themes.js";
import type { Caption } from "../../src/engine/scene-types.js";
import { FONT_FAMILY } from "./fonts.js";

export const CaptionBar: React.FC<{ caption: Caption | null; theme: Theme; width: number; height: number }> = ({ caption, theme, width, height }) => {
  if (!caption || caption.opacity <= 0) return null;
  // one line on landscape frames; on narrow (portrait) frames the line wraps instead of shrinking
  const size = Math.max(12, Math.min(height * 0.036, width * 0.045));
  return (
    <div style={{ position: "absolute", left: 0, right: 0, bottom: height * 0.06, display: "flex", justifyContent: "center", opacity: caption.opacity }}>
      <div
        style={{
          fontFamily: FONT_FAMILY,
          fontSize: size,
          fontWeight: 400,
          color: theme.text,
          background: theme.captionBackground,
          borderRadius: size * 0.6,
          padding: `${size * 0.4}px ${size * 0.9}px`,
          maxWidth: width * 0.9,
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
