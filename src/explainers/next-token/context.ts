// NextTokenLoop's context: the generation, each step's tensors under prefixed ids, and where everything
// sits (a pure layout: the rail of tokens, the glass tower of panes, the bars).

import type { Chapter, ExplainerContext } from "../../engine/explainer.js";
import type { Bounds, Grid, Vec3 } from "../../engine/grid.js";
import type { TensorRecord, TokenProb } from "../../trace/schema.js";
import type { Generation } from "./generate.js";
import type { NextTokenProps } from "./props.js";
import { columnOf } from "../next-scores.js";
import { DRAW_WHOLE, type DimWindow, spreadWindow, WINDOW, wholeWindow } from "../../engine/window.js";

/** What the chapters' clips depend on: the prompt's length and the number of steps written. */
export interface NextTokenShape {
  T0: number;
  n: number;
}

/** One step as drawn: its tensors' ids, its bars, and the best token other than the chosen one. */
export interface StepView {
  k: number;
  ids: { x0: string; resid2: string[]; probs: string };
  /** The word id of each element of the probs tensor (a large vocabulary's top k), or absent: element i is word i. */
  probIds?: number[];
  /** The top-k, and the chosen token after them when it is not among them. */
  bars: TokenProb[];
  chosenBar: number;
  /** The most likely token other than the chosen one (null when the vocabulary has one word). */
  other: TokenProb | null;
}

export interface Pane {
  id: string;
  center: Vec3;
  size: Vec3;
  /** The C cubes of the last position, `cols` wide, row 0 at the top. */
  grid: Grid;
}

export interface NextTokenLayout {
  portrait: boolean;
  /** Tokens left of the tower that a step's shot keeps in frame; the rest of the row fades as it scrolls out. */
  visible: number;
  /** Distance between two tokens on the rail (wide enough for the longest word). */
  pitch: number;
  cols: number;
  /** x0, then one pane per layer, from the bottom up. */
  panes: Pane[];
  towerTop: number;
  bars: { x0: number; pitch: number; base: number; maxHeight: number; width: number };
  /**
   * The prompt (as it drops in) and the whole text (in the result) broken into lines, as many as
   * make it largest in frame: token j's place, each line's rail. One line: the places on the rail.
   */
  wraps: { prompt: Wrap; text: Wrap };
  /** What each shot frames ("prompt", "step0" …, "text"): boxes whose every corner stays in frame. */
  regions: Record<string, Bounds[]>;
}

export interface Wrap {
  at: Vec3[];
  rails: { center: Vec3; size: Vec3 }[];
}

export interface NextTokenContext extends ExplainerContext<NextTokenProps> {
  gen: Generation;
  steps: StepView[];
  layout: NextTokenLayout;
  /** The dimensions the panes draw: all of a model up to 64 wide, else a window of 48. */
  window: DimWindow;
  chapters: Chapter<NextTokenContext, NextTokenShape>[];
}

/** Where word `id` is in step view `st`'s probs tensor (-1: not among its top k). */
export const probColumn = (st: StepView, id: number) => columnOf(st.probIds, id);

/**
 * Every dimension of a model up to DRAW_WHOLE wide; else the WINDOW dimensions whose values vary
 * most over the panes of every step (x0 and each layer's resid2 at the last position).
 */
export function streamWindow(gen: Generation): DimWindow {
  const C = gen.steps[0].rows.x0.length;
  if (C <= DRAW_WHOLE) return wholeWindow(C);
  const rows = gen.steps.flatMap((st) => [st.rows.x0, ...st.rows.resid2]);
  return spreadWindow([{ shape: [rows.length, C], data: rows.flat() }], WINDOW);
}

/** Font size (world units) of the words under tokens and bars. */
export const WORD_SIZE = 0.8;
/** The rail's tokens sit at y = 0; the words under them here. */
export const WORD_Y = -1.45;
const CHAR = 0.62; // width of a bold character, in font sizes

/**
 * Where token j sits at `scroll`: the token under the tower has index `scroll` (x = 0); so
 * every step slides the row left by one pitch and writes its token one pitch right of the tower.
 */
export const tokenX = (layout: NextTokenLayout, j: number, scroll: number) => (j - scroll) * layout.pitch;

/** The scroll while the prompt drops in, and at the start and end of step k. */
export const scrollAt = {
  prompt: (T0: number) => T0 - 2,
  start: (T0: number, k: number) => T0 - 2 + k,
  end: (T0: number, k: number) => T0 - 1 + k,
};

export interface LayoutInput {
  C: number;
  nLayer: number;
  T0: number;
  n: number;
  /** Most bars of any step. */
  barCount: number;
  /** Longest word of the text, and of any bar. */
  wordLength: number;
  barWordLength: number;
  aspect: number;
}

/** Tokens left of the tower that a step's shot keeps in frame (the rest of the row runs on out of it). */
const VISIBLE = { landscape: 9, portrait: 3 };

/** Models up to this deep draw panes twice as wide as tall (the built-in model's 4 layers). */
const SHALLOW = 4;

/** Width of a bar's place: wide enough for its longest word. */
const barPitchOf = (o: LayoutInput) => Math.max(2.4, CHAR * WORD_SIZE * o.barWordLength + 0.8);

/**
 * Each pane's cubes (cols × rows) and the gap between panes. Up to SHALLOW layers, panes about
 * twice as wide as tall; a deeper model's tower (13 panes for GPT-2 small) as flat panes as draw
 * the tower and its bars largest in the frame (for C = 48 and 12 layers in landscape: one row of
 * 48 a layer, a stack of rods), closer together from 13 layers on.
 */
export function paneShape(o: LayoutInput): { cols: number; rows: number; gap: number } {
  const cols0 = Math.ceil(Math.sqrt(2 * o.C));
  const shape = (cols: number) => ({ cols, rows: Math.ceil(o.C / cols) });
  if (o.nLayer <= SHALLOW) return { ...shape(cols0), gap: 1.1 };
  const gap = o.nLayer >= 12 ? 0.5 : 1.1;
  const P = o.nLayer + 1;
  const bars = barPitchOf(o) * o.barCount;
  let best = { ...shape(cols0), gap, scale: 0 };
  for (let r = 1; r <= shape(cols0).rows; r++) {
    const s = shape(Math.ceil(o.C / r));
    const tower = P * (s.rows + 0.9) + (P - 1) * gap;
    // the frame's share of the tower, its names (left), the bars (right, or above on a tall frame) and the row under it
    const [w, h] = o.aspect < 1 ? [Math.max(s.cols + 7.4, bars), tower + 17] : [s.cols + 7.4 + 2.2 + bars, tower + 4];
    const scale = Math.min(o.aspect / w, 1 / h);
    if (scale > best.scale) best = { ...s, gap, scale };
  }
  return { cols: best.cols, rows: best.rows, gap: best.gap };
}

export function layoutNextToken(o: LayoutInput): NextTokenLayout {
  const portrait = o.aspect < 1;
  const pitch = Math.max(2, CHAR * WORD_SIZE * o.wordLength + 0.7);
  const { cols, rows, gap } = paneShape(o);
  const paneSize: Vec3 = [cols + 0.9, rows + 0.9, 1.6];
  const base = 1.2;
  const panes: Pane[] = Array.from({ length: o.nLayer + 1 }, (_, l) => {
    const cy = base + paneSize[1] / 2 + l * (paneSize[1] + gap);
    return {
      id: l === 0 ? "x0" : `layer${l - 1}`,
      center: [0, cy, 0],
      size: paneSize,
      grid: { origin: [-(cols - 1) / 2, cy + (rows - 1) / 2, 0], cols, rows, depth: 1, rowDir: -1 },
    };
  });
  const towerTop = base + panes.length * paneSize[1] + (panes.length - 1) * gap;
  const barPitch = barPitchOf(o);
  const barSpan = barPitch * (o.barCount - 1);
  const bars = portrait
    ? { x0: -barSpan / 2, pitch: barPitch, base: towerTop + 2.6, maxHeight: 9, width: 1.5 }
    : { x0: paneSize[0] / 2 + 2.2 + barPitch / 2, pitch: barPitch, base: panes[Math.min(1, o.nLayer)].center[1] - paneSize[1] / 2, maxHeight: 0, width: 1.5 };
  if (!portrait) bars.maxHeight = towerTop - bars.base;
  const barsBox: Bounds = {
    min: [bars.x0 - barPitch / 2, bars.base - 2, -1],
    max: [bars.x0 + barSpan + barPitch / 2, bars.base + bars.maxHeight + 3.2, 1],
  };
  const tower: Bounds = { min: [-paneSize[0] / 2 - 6.5, base - 0.5, -0.8], max: [paneSize[0] / 2, towerTop + 0.5, 0.8] };
  // a row of tokens from j0 to j1 at `scroll`, with the words under it
  const rowBox = (j0: number, j1: number, scroll: number): Bounds => ({
    min: [(j0 - scroll) * pitch - pitch / 2, WORD_Y - 0.9, -0.5],
    max: [(j1 - scroll) * pitch + pitch / 2, 1, 0.5],
  });
  const last = o.T0 + o.n - 1;
  const railX = (j: number, scroll: number) => (j - scroll) * pitch;
  const sp = scrollAt.prompt(o.T0);
  const se = scrollAt.end(o.T0, o.n - 1);
  const promptWrap = wrapText(o.T0, pitch, (railX(0, sp) + railX(o.T0 - 1, sp)) / 2, o.aspect);
  const textWrap = wrapText(o.T0 + o.n, pitch, (railX(0, se) + railX(last, se)) / 2, o.aspect);
  const regions: Record<string, Bounds[]> = { prompt: [promptWrap.bounds], text: [textWrap.bounds] };
  const visible = portrait ? VISIBLE.portrait : VISIBLE.landscape;
  for (let k = 0; k < o.n; k++) {
    const scroll = scrollAt.end(o.T0, k);
    regions[`step${k}`] = [tower, barsBox, rowBox(Math.max(0, scroll - visible), scroll + 1, scroll)];
  }
  return { portrait, visible, pitch, cols, panes, towerTop, bars, wraps: { prompt: promptWrap, text: textWrap }, regions };
}

/** Height of a line of the result: the probability above, the cube, the word under it. */
export const LINE_HEIGHT = 4.8;
/** The least width (in pitches, per unit of aspect ratio) a shot of the text frames. */
const MIN_WIDTH = 5;

/**
 * N tokens in lines of (nearly) equal length, centred on (cx, 0): as many lines as show them largest
 * in the free area of a frame of this aspect, or fewer lines that come within 15% of that.
 */
export function wrapText(N: number, pitch: number, cx: number, aspect: number): Wrap & { bounds: Bounds } {
  const perLine = (lines: number) => Math.ceil(N / lines);
  const minWidth = Math.max(4, MIN_WIDTH * aspect); // a short text is not blown up
  const width = (per: number) => Math.max(per + 1, minWidth) * pitch;
  const scale = (lines: number) => Math.min((aspect * 0.9) / width(perLine(lines)), 0.77 / (lines * LINE_HEIGHT + 2.2));
  let best = 1;
  for (let l = 2; l <= N; l++) if (scale(l) > scale(best)) best = l;
  let lines = best;
  for (let l = 1; l < best; l++) {
    if (scale(l) >= 0.85 * scale(best)) {
      lines = l;
      break;
    }
  }
  const per = perLine(lines);
  lines = Math.ceil(N / per);
  const lineY = (line: number) => ((lines - 1) / 2 - line) * LINE_HEIGHT;
  const x0 = cx - ((per - 1) * pitch) / 2;
  const at: Vec3[] = Array.from({ length: N }, (_, j) => [x0 + (j % per) * pitch, lineY(Math.floor(j / per)), 0]);
  const rails = Array.from({ length: lines }, (_, line) => {
    const n = Math.min(per, N - line * per);
    return { center: [x0 + ((n - 1) * pitch) / 2, lineY(line) - 0.62, 0] as Vec3, size: [n * pitch, 0.2, 1.6] as Vec3 };
  });
  // with a little room around, so that the text sits calmly in the frame
  const half = width(per) / 2;
  const mid = x0 + ((per - 1) * pitch) / 2;
  const bounds: Bounds = {
    min: [mid - half, lineY(lines - 1) + WORD_Y - 2, -0.5],
    max: [mid + half, lineY(0) + 3.6, 0.5],
  };
  return { at, rails, bounds };
}

/** Each step's last-position rows under prefixed ids ("step2.l1.resid2"): the cubes' colours. */
export function stepTensors(gen: Generation): { tensors: Record<string, TensorRecord>; ids: StepView["ids"][]; wordIds: Record<string, string> } {
  const tensors: Record<string, TensorRecord> = {};
  const wordIds: Record<string, string> = {};
  const ids = gen.steps.map((st, k) => {
    const id = { x0: `step${k}.x0`, resid2: st.rows.resid2.map((_, l) => `step${k}.l${l}.resid2`), probs: `step${k}.probs` };
    tensors[id.x0] = { shape: [1, st.rows.x0.length], data: st.rows.x0 };
    st.rows.resid2.forEach((r, l) => (tensors[id.resid2[l]] = { shape: [1, r.length], data: r }));
    tensors[id.probs] = { shape: [1, st.rows.probs.length], data: st.rows.probs };
    if (st.rows.probIds) {
      tensors[`step${k}.probIds`] = { shape: [1, st.rows.probIds.length], data: st.rows.probIds };
      wordIds[id.probs] = `step${k}.probIds`;
    }
    return id;
  });
  return { tensors, ids, wordIds };
}

/** The bars of a step and the best token other than the chosen one. */
export function stepView(gen: Generation, k: number, ids: StepView["ids"], vocab: readonly string[]): StepView {
  const st = gen.steps[k];
  const inTop = st.topk.findIndex((t) => t.id === st.id);
  const bars = inTop >= 0 ? st.topk : [...st.topk, { token: st.token, id: st.id, p: st.p }];
  const wordAt = (i: number) => st.rows.probIds?.[i] ?? i;
  let best = -1;
  st.rows.probs.forEach((p, i) => {
    if (wordAt(i) !== st.id && (best < 0 || p > st.rows.probs[best])) best = i;
  });
  return {
    k, ids, bars,
    ...(st.rows.probIds ? { probIds: st.rows.probIds } : {}),
    chosenBar: inTop >= 0 ? inTop : bars.length - 1,
    other: best < 0 ? null : { token: vocab[wordAt(best)], id: wordAt(best), p: st.rows.probs[best] },
  };
}
