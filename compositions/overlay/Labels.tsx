// 2D labels anchored to projected 3D positions: plain name first, the tensor id second and smaller (src/engine/screen.ts sizes them).
import React from "react";
import { hasChip, LABEL_GAP_EM, labelOnScreen } from "../../src/engine/screen.js";
import type { SceneState } from "../../src/engine/scene-types.js";
import type { Theme } from "../../src/layout/themes.js";
import { FONT_FAMILY } from "./fonts.js";

const SHIFT = { start: "0%", center: "-50%", end: "-100%" } as const;
const ORIGIN = { start: "left center", center: "center center", end: "right center" } as const;

export const Labels: React.FC<{ state: SceneState; theme: Theme; width: number; height: number }> = ({ state, theme, width, height }) => (
  <>
    {state.labels.map((l) => {
      const p = labelOnScreen(l, state.camera, width, height);
      if (!p) return null;
      const size = p.fontPx;
      return (
        <div
          key={l.id}
          style={{
            position: "absolute",
            left: p.x,
            top: p.y,
            transform: `translate(${SHIFT[l.align]}, -50%) rotate(${l.angle}deg)`,
            transformOrigin: ORIGIN[l.align],
            opacity: p.opacity,
            fontFamily: FONT_FAMILY,
            fontWeight: l.bold ? 600 : 500,
            fontSize: size,
            lineHeight: 1,
            whiteSpace: "nowrap",
            color: theme.text,
            display: "flex",
            alignItems: "baseline",
            gap: size * LABEL_GAP_EM,
            // a soft halo of the background keeps words readable where they cross cubes
            textShadow: `0 0 ${size * 0.25}px ${theme.background}, 0 0 ${size * 0.12}px ${theme.background}`,
          }}
        >
          {hasChip(l) ? <span style={{ alignSelf: "center", width: size * 0.45, height: size * 0.45, borderRadius: size * 0.12, background: theme.accents[l.kind], flex: "none" }} /> : null}
          <span>{l.text}</span>
          {l.sub ? <span style={{ fontSize: p.subFontPx, fontWeight: 400, color: theme.textMuted }}>{l.sub}</span> : null}
        </div>
      );
    })}
  </>
);
