// MatMulAbacus's context: one real product from the trace, x = ln1[t] times a head's rows of W_q (or
// W_k, W_v) plus the bias, with every product and partial sum, and where each block of cubes sits.

import type { ExplainerContext } from "../../engine/explainer.js";
import { type Bounds, type Grid, gridBounds, union } from "../../engine/grid.js";
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
  /** Tensor ids in the context's tensors. */
  ids: { x: string; W: string; b: string; products: string; out: string };
  /** partial[j][i]: Σ of the first i + 1 products of output j (float64, in the order shown). */
  partial: number[][];
  /** out[j]: the final value shown, partial[j][C - 1] + b[j]. */
  value: number[];
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
  const partial: number[][] = [];
  const value: number[] = [];
  for (let j = 0; j < hs; j++) {
    let sum = 0;
    const row: number[] = [];
    for (let i = 0; i < C; i++) {
      const p = x[i] * W[j * C + i];
      products.push(p);
      sum += p;
      row.push(sum);
    }
    partial.push(row);
    value.push(sum + b[j]);
  }
  const ids = { x: xId, W: "matmul.W", b: "matmul.b", products: "matmul.products", out: headId(layer, head, operand) };
  return {
    product: { layer, head, operand, t, word: trace.tokens[t], C, hs, T, ids, partial, value },
    tensors: {
      [ids.W]: { shape: [hs, C], data: W },
      [ids.b]: { shape: [hs], data: b },
      [ids.products]: { shape: [hs, C], data: products },
    },
  };
}

/** Rows between the x beads and the slab's first rod. */
export const X_GAP = 3;

/** Where everything sits for C inputs, hs outputs, T tokens, token t, on a frame of this aspect. */
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
