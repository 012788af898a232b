// MatMulAbacus's context: one real product from the trace, x = ln1[t] times a head's rows of W_q (or
// W_k, W_v) plus the bias, with every product and partial sum, and where each block of cubes sits.
// A wide model's product is drawn through windows: 48 of its inputs and the first 16 of its rods.

import type { ExplainerContext } from "../../engine/explainer.js";
import { type Bounds, type Grid, gridBounds, union } from "../../engine/grid.js";
import { type DimWindow, DRAW_WHOLE, topWindow, WINDOW, wholeWindow } from "../../engine/window.js";
import type { ModelSource } from "../../model/source.js";
import { headId, layerId } from "../../trace/ids.js";
import type { TensorRecord, Trace } from "../../trace/schema.js";
import type { MatMulProps } from "./props.js";

export type Operand = "q" | "k" | "v";

/** The product the video builds: out[j] = Σ_i x[i]·W[j, i] + b[j], for j < hs. */
export interface Product {
  layer: number;
  head: number;
  operand: Operand;
  /** The token whose row x is, and its word. */
  t: number;
  word: string;
  C: number;
  hs: number;
  T: number;
  /** Tensor ids in the context's tensors (`rest`: the sum of each rod's products not drawn). */
  ids: { x: string; W: string; b: string; products: string; rest: string; out: string };
  /** What is drawn: the inputs (of C) and the rods, the outputs (of hs); each whole for a small model. */
  window: { inputs: DimWindow; rods: DimWindow };
  /** partial[j][k]: Σ of the first k + 1 products drawn of output j (float64, in the order shown). */
  partial: number[][];
  /** rest[j]: Σ of output j's products not drawn (0 when every input is drawn). */
  rest: number[];
  /** out[j]: the final value shown, partial[j][last] + rest[j] + b[j]. */
  value: number[];
}

/** A head of at most this many outputs is drawn whole (the built-in model's 16); a wider one, its first ROD_WINDOW rods. */
export const ROD_WINDOW = 16;

/** Inputs drawn: all up to DRAW_WHOLE, else the WINDOW whose products with the rods drawn are largest in size (Σ_j |x_i·W_ji|). */
export function inputWindow(products: ArrayLike<number>, C: number, rods: number): DimWindow {
  if (C <= DRAW_WHOLE) return wholeWindow(C);
  const score = new Float64Array(C);
  for (let j = 0; j < rods; j++) for (let i = 0; i < C; i++) score[i] += Math.abs(products[j * C + i]);
  return topWindow(score, WINDOW);
}

export interface MatMulLayout {
  /** A tall frame: the names stand above or below their rows, not beside them (there is no room there). */
  portrait: boolean;
  /** Rows between the x beads and the slab's first rod (more on a tall frame, for the slab's name between them). */
  xGap: number;
  /** x = ln1[t]: one row of C beads above the slab. */
  x: Grid;
  /** The head's rows of W: hs rods of C cubes, row 0 at the top. */
  W: Grid;
  /** The products of the current output: a row under the slab, product i under pair i. */
  products: Grid;
  /** The output out[t][·]: a column of hs cells at the end of the rods, cell j at the end of rod j. */
  out: Grid;
  /** The whole input (T rows of C beads, above) and the whole result (T columns of hs, right). */
  X: Grid;
  Q: Grid;
  /** Where x stands in front of rod j. */
  rodY: (j: number) => number;
  regions: { dot: Bounds; whole: Bounds };
}

export interface MatMulContext extends ExplainerContext<MatMulProps> {
  trace: Trace;
  product: Product;
  layout: MatMulLayout;
}

export interface MatMulShape {
  hs: number;
  C: number;
}

export const OPERAND_INDEX: Record<Operand, number> = { q: 0, k: 1, v: 2 };

/** The head's slice of W (hs, C) and b (hs), read from the weights; products and sums from the trace's x. */
export function buildProduct(model: ModelSource, trace: Trace, layer: number, head: number, operand: Operand, t: number): { product: Product; tensors: Record<string, TensorRecord> } {
  const c = model.config;
  const C = c.dModel;
  const hs = C / c.nHead;
  const T = trace.tokens.length;
  // rows of qkvw: Wq, Wk, Wv stacked, heads side by side
  const { w: W, b } = model.qkvRows(layer, OPERAND_INDEX[operand] * C + head * hs, hs);
  const xId = layerId(layer, "ln1");
  const x = trace.tensors[xId].data.slice(t * C, (t + 1) * C);
  const products: number[] = [];
  for (let j = 0; j < hs; j++) for (let i = 0; i < C; i++) products.push(x[i] * W[j * C + i]);
  const rods = hs <= ROD_WINDOW ? wholeWindow(hs) : { dims: wholeWindow(ROD_WINDOW).dims, of: hs };
  const inputs = inputWindow(products, C, rods.dims.length);
  const drawn = new Uint8Array(C);
  for (const i of inputs.dims) drawn[i] = 1;
  const partial: number[][] = [];
  const rest: number[] = [];
  const value: number[] = [];
  for (let j = 0; j < hs; j++) {
    let sum = 0;
    let others = 0;
    const row: number[] = [];
    for (let i = 0; i < C; i++) {
      const p = products[j * C + i];
      if (drawn[i]) row.push((sum += p));
      else others += p;
    }
    partial.push(row);
    rest.push(others);
    value.push(sum + others + b[j]);
  }
  const ids = { x: xId, W: "matmul.W", b: "matmul.b", products: "matmul.products", rest: "matmul.rest", out: headId(layer, head, operand) };
  return {
    product: { layer, head, operand, t, word: trace.tokens[t], C, hs, T, ids, window: { inputs, rods }, partial, rest, value },
    tensors: {
      [ids.W]: { shape: [hs, C], data: W },
      [ids.b]: { shape: [hs], data: b },
      [ids.products]: { shape: [hs, C], data: products },
      [ids.rest]: { shape: [hs], data: rest },
    },
  };
}

/** Rows between the x beads and the slab's first rod. */
export const X_GAP = 3;

/** Where everything sits for C inputs and hs outputs drawn, T tokens, token t, on a frame of this aspect. */
export function layoutMatMul(C: number, hs: number, T: number, t: number, aspect = 16 / 9): MatMulLayout {
  const portrait = aspect < 1;
  const xGap = portrait ? 4.5 : X_GAP;
  const W: Grid = { origin: [0, 0, 0], cols: C, rows: hs, depth: 1, rowDir: -1 };
  const x: Grid = { origin: [0, xGap, 0], cols: C, rows: 1, depth: 1, rowDir: 1 };
  const products: Grid = { origin: [0, -hs - (portrait ? 2.5 : 1.5), 0], cols: C, rows: 1, depth: 1, rowDir: 1 };
  const Q: Grid = { origin: [C + 2, 0, 0], cols: T, rows: hs, depth: 1, rowDir: -1 };
  const out: Grid = { origin: [C + 2 + t, 0, 0], cols: 1, rows: hs, depth: 1, rowDir: -1 };
  const X: Grid = { origin: [0, xGap + T, 0], cols: C, rows: T, depth: 1, rowDir: -1 };
  const py = products.origin[1];
  // room for the running sum under the slab and the output's name over its column
  const sum: Bounds = portrait ? { min: [-1, py - 3.5, 0], max: [C + 2 + T, 2, 0] } : { min: [C - 4, py - 1.5, 0], max: [C + 2 + T + 3, 2, 0] };
  // room for the names at the left of the beads, the rods and the products (above them on a tall frame)
  const names: Bounds = portrait ? { min: [-1, py, 0], max: [C, xGap + 2, 0] } : { min: [-8, py - 0.5, 0], max: [0, xGap + 1, 0] };
  return {
    portrait, xGap,
    x, W, products, out, X, Q,
    rodY: (j) => -j,
    regions: {
      dot: union(gridBounds(x), gridBounds(W), gridBounds(products), gridBounds(Q), sum, names),
      whole: union(gridBounds(X), gridBounds(W), gridBounds(products), gridBounds(Q), sum, names),
    },
  };
}
