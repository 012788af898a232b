// The note under a column that draws a window of a wide vector: how many of its dimensions it shows.

import { cellCenter, type Grid } from "../../engine/grid.js";
import { NOTE, type SceneBuilder, TITLE } from "../../engine/scene-builder.js";
import { isPartial } from "../../engine/window.js";
import type { LlmContext } from "./context.js";

/** Under `grid` (at height `y` when given), "48 of 768 dims" while the column is shown; nothing for a vector drawn whole. */
export function windowNote(s: SceneBuilder, ctx: LlmContext, which: "model" | "hidden" | "head", grid: Grid, opacity: number, y?: number): void {
  const w = ctx.layout.windows[which];
  if (!isPartial(w)) return;
  const low = cellCenter(grid, (grid.cols - 1) / 2, grid.rowDir === 1 ? 0 : grid.rows - 1);
  s.label(`window.${grid.origin[0]}.${which}`, s.say(`${w.dims.length} of ${w.of} dims`, `${w.of} 维中的 ${w.dims.length} 维`), [low[0], y ?? low[1] - 1.5, 0], "activation", opacity, { ...NOTE, size: TITLE.size });
}
