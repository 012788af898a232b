// Where a label lands in the output frame and how big its font is: the one rule Labels.tsx draws by.

import type { CameraShot } from "./camera.js";
import { pixelsPerUnit, project } from "./project.js";
import type { Label } from "./scene-types.js";

/** Labels smaller than this many pixels are hidden: unreadable text is noise. */
export const MIN_LABEL_PX = 9;
export const MAX_LABEL_PX = 84;

export interface ScreenLabel {
  /** The anchor in pixels of the output frame (origin top left). */
  x: number;
  y: number;
  fontPx: number;
  /** The label's opacity as drawn (small labels fade out before they are hidden). */
  opacity: number;
}

/** The label as drawn in a width × height frame, or null when it is not drawn (off screen, behind, too small). */
export function labelOnScreen(l: Label, camera: CameraShot, width: number, height: number): ScreenLabel | null {
  const p = project(camera, l.anchor, width, height);
  if (p.depth <= 0 || p.x < -200 || p.x > width + 200 || p.y < -100 || p.y > height + 100) return null;
  const px = l.size * pixelsPerUnit(camera, p.depth, height);
  if (px < MIN_LABEL_PX) return null;
  return { x: p.x, y: p.y, fontPx: Math.min(MAX_LABEL_PX, px), opacity: l.opacity * Math.min(1, (px - MIN_LABEL_PX) / 4) };
}
