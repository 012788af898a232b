// AttentionHead's context: the head in focus with its facts from the trace and the manifest's measured
// roles, and a pure layout of every block (the token rail, q/k/v columns, the score grid, the heads).

import type { ExplainerContext } from "../../engine/explainer.js";
import { type Bounds, type Grid, type Vec3 } from "../../engine/grid.js";
import { type DimWindow, HEAD_WINDOW, spreadWindow } from "../../engine/window.js";
import type { HeadRole } from "../../model/heads.js";
import type { ModelSource } from "../../model/source.js";
import { headId, layerId } from "../../trace/ids.js";
import type { Trace } from "../../trace/schema.js";
import type { AttentionHeadProps } from "./props.js";

/** What the video says about the head in focus: all of it read from the trace and the manifest. */
export interface Focus {
  layer: number;
  head: number;
  /** The focus token's index and word. */
  t: number;
  word: string;
  T: number;
  hs: number;
  nHead: number;
  /** The focus row: scaled scores (preatt) and weights (att) over tokens 0 … t. */
  scores: number[];
  weights: number[];
  /** The earlier token it weighs most (argmax of weights), its word and weight. */
  top: number;
  topWord: string;
  topWeight: number;
  /** The last earlier copy of the focus word (−1: none), for the induction caption. */
  copy: number;
  /** Measured role of every head of the layer (null: none). */
  roles: (HeadRole | null)[];
  ids: { q: string; k: string; v: string; preatt: string; att: string; attY: string };
  /** The head's dimensions drawn: all up to HEAD_WINDOW, else the HEAD_WINDOW where q, k and v vary most over the tokens. */
  window: DimWindow;
}

export interface Arc {
  /** The earlier token the arc reaches. */
  i: number;
  points: Vec3[];
}

export interface AttentionLayout {
  /** A tall frame: titles stand above or below what they name, not beside it. */
  portrait: boolean;
  T: number;
  /** The head's dimensions drawn (all of them, or its window's). */
  hs: number;
  /** Distance between two token columns: wide enough for the longest word, horizontal. */
  pitch: number;
  /** Width of a score tile (its height is one cube). */
  tile: number;
  /** Font size of words and numbers under and in the grid. */
  wordSize: number;
  /** x of token column i. */
  colX: (i: number) => number;
  railY: number;
  wordY: number;
  /** k, later v and the bars: a column of hs above token i (row 0 at the bottom). */
  keys: Grid;
  /** q in the tokens beat: a column of hs above the key. */
  queriesUp: Grid;
  /** q in the scores beat: row t of hs cubes left of the grid, beside score row t. */
  queryRows: Grid;
  /** The T × T scores: row t (query) top to bottom, column i (key) under token i. */
  grid: Grid;
  /** The head's output for the focus token: a column of hs right of the last token. */
  output: Grid;
  barBase: number;
  barMax: number;
  /** One arc from the focus token to each earlier token i < f. */
  arcs: Arc[];
  /** The small multiples: one T × T grid per head (in a row on a wide frame, two a row on a tall one). */
  heads: Grid[];
  regions: { tokens: Bounds; scores: Bounds; mix: Bounds; heads: Bounds };
}

export interface AttentionContext extends ExplainerContext<AttentionHeadProps> {
  trace: Trace;
  focus: Focus;
  layout: AttentionLayout;
}

export interface AttentionShape {
  T: number;
}

/** The focus head's facts: its rows of scores and weights, the top token, the measured roles of the layer. */
export function buildFocus(model: ModelSource, trace: Trace, layer: number, head: number, t: number): Focus {
  const c = model.config;
  const T = trace.tokens.length;
  const ids = {
    q: headId(layer, head, "q"), k: headId(layer, head, "k"), v: headId(layer, head, "v"),
    preatt: headId(layer, head, "preatt"), att: headId(layer, head, "att"), attY: layerId(layer, "attY"),
  };
  const row = (id: string) => trace.tensors[id].data.slice(t * T, t * T + t + 1);
  const scores = row(ids.preatt);
  const weights = row(ids.att);
  let top = 0;
  weights.forEach((w, i) => { if (w > weights[top]) top = i; });
  let copy = -1;
  for (let i = t - 1; i >= 0 && copy < 0; i--) if (trace.tokens[i] === trace.tokens[t]) copy = i;
  const measured = model.heads.filter((h) => h.layer === layer);
  const roles = Array.from({ length: c.nHead }, (_, h) => measured.find((x) => x.head === h)?.role ?? null);
  const window = spreadWindow([ids.q, ids.k, ids.v].map((id) => trace.tensors[id]), HEAD_WINDOW);
  return {
    layer, head, t, word: trace.tokens[t], T, hs: c.dModel / c.nHead, nHead: c.nHead,
    scores, weights, top, topWord: trace.tokens[top], topWeight: weights[top], copy, roles, ids, window,
  };
}

/** y of the score grid's first row; the rail sits at 0, its words under it. */
export const GRID_TOP = -2.7;
/** y of the bottom cube of the key (and value) columns. */
export const KEY_Y = 1.6;
/** Bold sans glyphs are about this wide per unit of font size. */
const GLYPH = 0.6;
export const WORD_SIZE = 0.75;
/** In the tokens beat the query stands left of its token's centre and the key right of it, by this much. */
export const PAIR = 0.5;

/** Arcs of at least this share of the row's strongest weight are framed by the mix shot (the rest are all but invisible). */
export const SHOWN_ARC = 0.05;

const box = (min: Vec3, max: Vec3): Bounds => ({ min, max });

/**
 * Where everything sits: T tokens, head size hs, nHead heads, the longest word (characters), the
 * focus token f and its weights (the mix shot frames the arcs that show), and the frame's aspect
 * (small multiples in a row on a wide frame, two a row on a tall one).
 */
export function layoutAttention(T: number, hs: number, nHead: number, longest: number, f: number, weights: readonly number[], aspect: number): AttentionLayout {
  const pitch = Math.max(2.2, GLYPH * WORD_SIZE * Math.max(longest, 5) + 0.4);
  const colX = (i: number) => pitch * i;
  const right = colX(T - 1);
  const keys: Grid = { origin: [0, KEY_Y, 0], cols: T, rows: hs, depth: 1, rowDir: 1 };
  const queriesUp: Grid = { origin: [-PAIR, KEY_Y, 0], cols: T, rows: hs, depth: 1, rowDir: 1 };
  const qRight = -pitch / 2 - 1.1;
  const queryRows: Grid = { origin: [qRight - (hs - 1), GRID_TOP, 0], cols: hs, rows: T, depth: 1, rowDir: -1 };
  const grid: Grid = { origin: [0, GRID_TOP, 0], cols: T, rows: T, depth: 1, rowDir: -1 };
  const output: Grid = { origin: [colX(T) + 0.4, KEY_Y, 0], cols: 1, rows: hs, depth: 1, rowDir: 1 };
  const top = KEY_Y + hs - 0.1;
  const rise = (span: number) => 1 + 0.26 * span;
  const arcs: Arc[] = [];
  for (let i = 0; i < f; i++) {
    const span = colX(f) - colX(i);
    const points: Vec3[] = Array.from({ length: 17 }, (_, k) => {
      const u = k / 16;
      return [colX(f) - span * u, top + rise(span) * Math.sin(Math.PI * u), 0] as Vec3;
    });
    arcs.push({ i, points });
  }
  // the highest arc that shows (smaller ones are nearly invisible), with room for a label over it
  const strongest = Math.max(...weights);
  const shown = arcs.filter((a) => weights[a.i] >= SHOWN_ARC * strongest);
  const arcTop = Math.max(KEY_Y + hs + 1, ...shown.map((a) => top + rise(colX(f) - colX(a.i)) + 1.4));
  // small multiples: square cells, centred under the grid's centre
  const perRow = aspect >= 1 ? nHead : Math.min(nHead, 2);
  const gap = 3.5;
  const rows = Math.ceil(nHead / perRow);
  const width = perRow * T + (perRow - 1) * gap;
  const cx = right / 2;
  const cy = GRID_TOP - (T - 1) / 2;
  const x0 = cx - width / 2 + 0.5;
  const y0 = cy + (rows * (T + gap) - gap) / 2 - 0.5;
  const heads: Grid[] = Array.from({ length: nHead }, (_, h) => ({
    origin: [x0 + (h % perRow) * (T + gap), y0 - Math.floor(h / perRow) * (T + gap), 0], cols: T, rows: T, depth: 1, rowDir: -1,
  }));
  const wordWidth = GLYPH * WORD_SIZE * longest;
  const left = queryRows.origin[0] - 0.8 - wordWidth - 0.3;
  const gridBottom = GRID_TOP - (T - 1) - 1.2;
  const titles = right + pitch / 2 + 0.6 + 6.2;
  // a tall frame has its titles over the columns and under the grid, not beside them
  const portrait = aspect < 1;
  const over = KEY_Y + hs + 2.9;
  const tokens = portrait ? box([-PAIR - 1, -2, -0.5], [right + PAIR + 1, over, 0.5]) : box([-PAIR - 6.4, -2, -0.5], [right + PAIR + 5.6, KEY_Y + hs, 0.5]);
  const scores = portrait ? box([left, gridBottom - 3.6, -0.5], [right + pitch / 2, over, 0.5]) : box([left, gridBottom, -0.5], [titles, KEY_Y + hs + 0.6, 0.5]);
  const mix = portrait ? box([-PAIR - 1, -3.6, -0.5], [output.origin[0] + 1, arcTop, 0.5]) : box([-6.2, -2, -0.5], [output.origin[0] + 3, arcTop, 0.5]);
  return {
    portrait, T, hs, pitch, tile: pitch - 0.45, wordSize: WORD_SIZE, colX, railY: 0, wordY: -1.25,
    keys, queriesUp, queryRows, grid, output, barBase: KEY_Y - 0.45, barMax: hs, arcs, heads,
    regions: {
      tokens, scores, mix,
      heads: box([x0 - 1.2, y0 - (rows - 1) * (T + gap) - T - 1.5, -0.5], [x0 + width - 0.2, y0 + 1.9, 0.5]),
    },
  };
}
