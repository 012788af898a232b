// Flat cards of text over the scene (the code a beat animates), the highlighted line tinted.
import React from "react";
import type { Card } from "../../src/engine/scene-types.js";
import type { Theme } from "../../src/layout/themes.js";
import { FONT_FAMILY, MONO_FAMILY } from "./fonts.js";

export const Cards: React.FC<{ cards: Card[]; theme: Theme; width: number; height: number }> = ({ cards, theme, width, height }) => (
  <>
    {cards.map((c) => {
      const size = c.size * height;
      return (
        <div
          key={c.id}
          style={{
            position: "absolute",
            left: c.x * width,
            top: c.y * height,
            opacity: c.opacity,
            fontFamily: c.monospace ? MONO_FAMILY : FONT_FAMILY,
            fontSize: size,
            lineHeight: 1.5,
            color: theme.text,
            background: theme.captionBackground,
            borderRadius: size * 0.5,
            padding: `${size * 0.6}px ${size * 0.9}px`,
            whiteSpace: "pre",
          }}
        >
          {c.lines.map((l, i) => (
            <div key={i} style={{ opacity: 0.45 + 0.55 * l.highlight, fontWeight: l.highlight > 0.5 ? 600 : 400, background: l.highlight > 0.5 ? `${theme.accents.weight}33` : "transparent", borderRadius: size * 0.25, padding: `0 ${size * 0.3}px` }}>
              {l.text}
            </div>
          ))}
        </div>
      );
    })}
  </>
);
