// Stable tensor ids ("x0", "l0.ln1", "l0.h2.att", "probs") shared by trace, layout, storyboard and captions.

import type { ModelConfig } from "../model/config.js";

/** Per-layer tensors of the whole residual width, in forward order. */
export const LAYER_TENSORS = [
  "ln1", "attY", "attProj", "resid1", "ln2", "fc", "gelu", "fcProj", "resid2",
] as const;
/** Per-head tensors of the attention, in forward order. */
export const HEAD_TENSORS = ["q", "k", "v", "preatt", "att"] as const;

export type LayerTensor = (typeof LAYER_TENSORS)[number];
export type HeadTensor = (typeof HEAD_TENSORS)[number];

export const layerId = (layer: number, name: LayerTensor) => `l${layer}.${name}`;
export const headId = (layer: number, head: number, name: HeadTensor) => `l${layer}.h${head}.${name}`;

/** Every tensor id of a trace for this model, in the order the forward pass computes them. */
export function tensorIds(c: ModelConfig): string[] {
  const ids = ["tokEmb", "posEmb", "x0"];
  for (let l = 0; l < c.nLayer; l++) {
    ids.push(layerId(l, "ln1"));
    for (let h = 0; h < c.nHead; h++) for (const n of HEAD_TENSORS) ids.push(headId(l, h, n));
    for (const n of LAYER_TENSORS.slice(1)) ids.push(layerId(l, n));
  }
  ids.push("lnf", "logits", "probs");
  return ids;
}

const ID_PATTERN = /^(tokEmb|posEmb|x0|lnf|logits|probs|l(\d+)\.(ln1|attY|attProj|resid1|ln2|fc|gelu|fcProj|resid2)|l(\d+)\.h(\d+)\.(q|k|v|preatt|att))$/;

export interface ParsedId {
  name: string;
  layer?: number;
  head?: number;
}

/** Splits an id into layer, head and tensor name; null when it is not a tensor id. */
export function parseId(id: string): ParsedId | null {
  const m = ID_PATTERN.exec(id);
  if (!m) return null;
  if (m[2] !== undefined) return { name: m[3], layer: Number(m[2]) };
  if (m[4] !== undefined) return { name: m[6], layer: Number(m[4]), head: Number(m[5]) };
  return { name: m[1] };
}
