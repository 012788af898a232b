// LLMExplainer's layout: where every block of cubes sits in 3D, a pure function of the model's shape,
// the prompt length and the dimensions drawn. The pipeline runs left to right along x; a (T, W)
// tensor is T columns (tokens) of W cubes (features), or of a window of them for a wide model.

import { type Box, type Bounds, boxBounds, CUBE, type Grid, gridBounds, union, type Vec3 } from "../../engine/grid.js";
import { DRAW_WHOLE, type DimWindow, HEAD_WINDOW, spreadWindow, WINDOW, wholeWindow } from "../../engine/window.js";
import type { ModelConfig } from "../../model/config.js";
import { headId, layerId } from "../../trace/ids.js";
import type { Trace } from "../../trace/schema.js";

/** The dimensions drawn of each kind of vector: the residual stream's (C wide), the MLP's hidden (4C) and the focus head's. */
export interface LlmWindows {
  model: DimWindow;
  hidden: DimWindow;
  head: DimWindow;
}

/**
 * Every vector drawn whole when the model is at most DRAW_WHOLE wide; else, at the focus layer,
 * the WINDOW dimensions of the residual stream where the prompt's tokens differ most after the
 * layer (resid2), the 4·WINDOW hidden units where they differ most before GELU (fc), and the
 * HEAD_WINDOW dimensions of the focus head where q, k and v differ most.
 */
export function llmWindows(trace: Trace, layer: number, head: number): LlmWindows {
  const c = trace.model;
  if (c.dModel <= DRAW_WHOLE) return wholeWindows(c);
  const t = trace.tensors;
  return {
    model: spreadWindow([t[layerId(layer, "resid2")]], WINDOW),
    hidden: spreadWindow([t[layerId(layer, "fc")]], 4 * WINDOW),
    head: spreadWindow((["q", "k", "v"] as const).map((n) => t[headId(layer, head, n)]), HEAD_WINDOW),
  };
}

export const SHOT_NAMES = [
  "tokens", "embed", "attentionIn", "scores", "attentionOut", "mlp", "depth", "output", "overview",
] as const;
export type ShotName = (typeof SHOT_NAMES)[number];

export interface Tube {
  id: string;
  points: Vec3[];
  radius: number;
}

export interface Layout {
  T: number;
  /** Rows of a C-wide column: C, or the window's size for a wide model (windows.model). */
  C: number;
  /** Rows of a head's q, k and v columns. */
  headSize: number;
  /** Cubes of the hidden layer (C rows, four deep). */
  hidden: number;
  /** The dimensions each kind of column draws. */
  windows: LlmWindows;
  nLayer: number;
  topK: number;
  /** Edge of a cube; the pitch between cube centres is 1. */
  cube: number;
  /** Rail slots for the prompt's tokens and the appended one (T + 1 of them). */
  tokenSlots: Vec3[];
  rail: Box;
  grids: Record<GridId, Grid>;
  slabs: Box[];
  tubes: Tube[];
  layerBoxes: Box[];
  /** Regions the camera frames, by shot name. */
  regions: Record<ShotName, Bounds>;
}

export type GridId =
  | "x0" | "ln1" | "q" | "k" | "v" | "att" | "attY" | "attProj" | "resid1"
  | "ln2" | "fc" | "gelu" | "fcProj" | "resid2" | "lnf" | "bars" | `depth${number}`;

export const GAP = 4;
/** How much higher every other column's title sits. */
export const TITLE_LIFT = 1.7;
export const RAIL_Y = -3;
export const BAR_MAX_HEIGHT = 24;
/** Distance between the centres of two output bars. */
export const BAR_PITCH = 2.5;

export function layoutModel(config: ModelConfig, T: number, topK = 5, windows = wholeWindows(config)): Layout {
  const C = windows.model.dims.length;
  const hs = windows.head.dims.length;
  const hidden = windows.hidden.dims.length;
  const mid = (C - 1) / 2; // vertical centre of a C-tall column
  let x = 0;
  const next = (width: number) => {
    const at = x;
    x += width + GAP;
    return at;
  };
  const column = (rows: number, at: number, y0 = 0, depth = 1): Grid => ({ origin: [at, y0, 0], cols: T, rows, depth, rowDir: 1 });

  const grids = {} as Record<GridId, Grid>;
  grids.x0 = column(C, next(T));
  grids.ln1 = column(C, next(T));
  const slabX = next(1);
  const qkvX = next(T);
  // q on top, then k, then v, each hs tall, centred on the residual column
  const stack = 3 * hs + 4;
  const yTop = mid + stack / 2 - 0.5;
  grids.q = column(hs, qkvX, yTop - (hs - 1));
  grids.k = column(hs, qkvX, yTop - (hs - 1) - (hs + 2));
  grids.v = column(hs, qkvX, yTop - (hs - 1) - 2 * (hs + 2));
  grids.att = { origin: [next(T), mid + (T - 1) / 2, 0], cols: T, rows: T, depth: 1, rowDir: -1 };
  grids.attY = column(C, next(T));
  grids.attProj = column(C, next(T));
  grids.resid1 = column(C, next(T));
  grids.ln2 = column(C, next(T));
  grids.fc = column(C, next(T), 0, hidden / C); // the 4C hidden layer: C rows, 4 deep
  grids.gelu = column(C, next(T), 0, hidden / C);
  grids.fcProj = column(C, next(T));
  grids.resid2 = column(C, next(T));
  x += GAP; // breathing room before the stack of layers
  for (let l = 0; l < config.nLayer; l++) grids[`depth${l}`] = column(C, next(T));
  grids.lnf = { origin: [next(1), 0, 0], cols: 1, rows: C, depth: 1, rowDir: 1 };
  grids.bars = { origin: [next(BAR_PITCH * topK), 0, 0], cols: topK, rows: 1, depth: 1, rowDir: 1 };
  // the titles of neighbouring columns alternate between two heights: names wider than a column's pitch never collide
  // (the layer boxes of the depth beat carry their own names, above the boxes: the final norm's title clears them)
  const columns = (Object.keys(grids) as GridId[]).filter((id) => grids[id].rowDir === 1 && grids[id].rows === C && !id.startsWith("depth") && id !== "lnf").sort((a, b) => grids[a].origin[0] - grids[b].origin[0]);
  columns.forEach((id, i) => (grids[id].titleLift = i % 2 ? TITLE_LIFT : 0));
  grids.lnf.titleLift = 2 * TITLE_LIFT;
  const barsEnd = grids.bars.origin[0] + BAR_PITCH * (topK - 1);

  const slabs: Box[] = (["q", "k", "v"] as const).map((name) => {
    const g = grids[name];
    return { id: `W${name}`, center: [slabX, g.origin[1] + (hs - 1) / 2, 0], size: [0.35, hs + 1.2, 3] };
  });
  slabs.push(
    { id: "Wfc", center: [grids.fc.origin[0] - GAP / 2, mid, -1.5], size: [0.35, C + 1.2, 5] },
    { id: "Wproj", center: [grids.fcProj.origin[0] - GAP / 2, mid, 0], size: [0.35, C + 1.2, 3] },
    { id: "Wunembed", center: [grids.bars.origin[0] - GAP / 2, mid / 2, 0], size: [0.35, C / 2 + 1.2, 3] },
  );
  const layerBoxes: Box[] = [];
  for (let l = 0; l < config.nLayer; l++) {
    const g = grids[`depth${l}`];
    layerBoxes.push({ id: `layer${l}`, center: [g.origin[0] + (T - 1) / 2, mid, 0], size: [T + 1.6, C + 1.6, 2.6] });
  }
  const top = C + 1.5;
  const cx = (g: Grid) => g.origin[0] + (g.cols - 1) / 2;
  const tubes: Tube[] = [
    // the residual stream skips over the attention and the MLP, and is added back in
    { id: "skip.attention", points: [[cx(grids.x0), top, 0], [cx(grids.x0), top + 3, 0], [cx(grids.resid1), top + 3, 0], [cx(grids.resid1), top, 0]], radius: 0.7 },
    { id: "skip.mlp", points: [[cx(grids.resid1), top + 0.8, 0], [cx(grids.resid1), top + 5, 0], [cx(grids.resid2), top + 5, 0], [cx(grids.resid2), top, 0]], radius: 0.7 },
  ];
  const tokenSlots: Vec3[] = Array.from({ length: T + 1 }, (_, t) => [t, RAIL_Y, 0] as Vec3);
  const rail: Box = { id: "rail", center: [T / 2, RAIL_Y - 0.6, 0], size: [T + 3, 0.2, 1.6] };

  // a grid's bounds with room above for its title (topOf: 1.6 over the top row, about 1 tall)
  const g = (id: GridId): Bounds => {
    const b = gridBounds(grids[id]);
    return { min: b.min, max: [b.max[0], b.max[1] + 2.4 + (grids[id].titleLift ?? 0), b.max[2]] };
  };
  const barBox = { min: [grids.bars.origin[0] - 1, -1, -1] as Vec3, max: [barsEnd + 1, BAR_MAX_HEIGHT + 2, 1] as Vec3 };
  const regions: Record<ShotName, Bounds> = {
    tokens: union(boxBounds(rail), { min: [-2, RAIL_Y - 3, 0], max: [T + 2, RAIL_Y + 5, 0] }),
    embed: union(g("x0"), boxBounds(rail), { min: [-(T + GAP), 0, 0], max: [T - 1, C, 1.5] }),
    attentionIn: union(g("x0"), g("ln1"), g("q"), g("v")),
    scores: union(g("q"), g("v"), g("att")),
    attentionOut: union(g("att"), g("attY"), g("attProj"), g("resid1")),
    mlp: union(g("resid1"), g("ln2"), g("fc"), g("gelu"), g("fcProj"), g("resid2")),
    depth: union(g("resid2"), ...layerBoxes.map(boxBounds)),
    output: union(g("lnf"), barBox),
    overview: union(g("x0"), boxBounds(rail), g("resid2"), g("lnf"), barBox, ...layerBoxes.map(boxBounds)),
  };
  return { T, C, headSize: hs, hidden, windows, nLayer: config.nLayer, topK, cube: CUBE, tokenSlots, rail, grids, slabs, tubes, layerBoxes, regions };
}

/** Every dimension of every vector. */
export const wholeWindows = (c: ModelConfig): LlmWindows => ({ model: wholeWindow(c.dModel), hidden: wholeWindow(4 * c.dModel), head: wholeWindow(c.dModel / c.nHead) });
