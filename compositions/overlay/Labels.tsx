// 2D labels anchored to projected 3D positions, sized in world units so they scale with the scene.
import React from "react";
import { pixelsPerUnit, project } from "../../src/layout/project.js";
import type { Theme } from "../../src/layout/themes.js";
import type { SceneState } from "../../src/story/scene-types.js";
import { FONT_FAMILY } from "./fonts.js";

/** Labels smaller than this many pixels are hidden: unreadable text is noise. */
const MIN_PX = 9;
const MAX_PX = 84;
const SHIFT = { start: "0%", center: "-50%", end: "-100%" } as const;
const ORIGIN = { start: "left center", center: "center center", end: "right center" } as const;

export const Labels: React.FC<{ state: SceneState; theme: Theme; width: number; height: number }> = ({ state, theme, width, height }) => (
  <>
    {state.labels.map((l) => {
      const p = project(state.camera, l.anchor, width, height);
      if (p.depth <= 0 || p.x < -200 || p.x > width + 200 || p.y < -100 || p.y > height + 100) return null;
      const px = l.size * pixelsPerUnit(state.camera, p.depth, height);
      if (px < MIN_PX) return null;
      const size = Math.min(MAX_PX, px);
      return (
        <div
          key={l.id}
          style={{
            position: "absolute",
            left: p.x,
            top: p.y,
            transform: `translate(${SHIFT[l.align]}, -50%) rotate(${l.angle}deg)`,
            transformOrigin: ORIGIN[l.align],
            opacity: l.opacity * Math.min(1, (px - MIN_PX) / 4),
            fontFamily: FONT_FAMILY,
            fontWeight: l.bold ? 600 : 400,
            fontSize: size,
            lineHeight: 1,
            whiteSpace: "nowrap",
            color: theme.text,
            display: "flex",
            alignItems: "center",
            gap: size * 0.3,
          }}
        >
          {l.angle === 0 && !l.bold ? <span style={{ width: size * 0.45, height: size * 0.45, borderRadius: size * 0.12, background: theme.accents[l.kind] }} /> : null}
          {l.text}
        </div>
      );
    })}
  </>
);
