// Plain-language names of the trace's tensors, in English and Chinese: what a label says first (the id comes second).

import { parseId } from "./ids.js";

export type NameLanguage = "en" | "zh";

const NAMES: Record<string, { en: string; zh: string }> = {
  tokEmb: { en: "token embedding", zh: "词元嵌入" },
  posEmb: { en: "position", zh: "位置编码" },
  x0: { en: "embedding", zh: "嵌入" },
  ln1: { en: "normalised", zh: "归一化" },
  q: { en: "queries", zh: "查询" },
  k: { en: "keys", zh: "键" },
  v: { en: "values", zh: "值" },
  preatt: { en: "attention scores", zh: "注意力分数" },
  att: { en: "attention weights", zh: "注意力权重" },
  attY: { en: "weighted values", zh: "加权的值" },
  attProj: { en: "attention output", zh: "注意力输出" },
  resid1: { en: "residual stream", zh: "残差流" },
  ln2: { en: "normalised", zh: "归一化" },
  fc: { en: "MLP in", zh: "MLP 输入" },
  gelu: { en: "MLP after GELU", zh: "GELU 之后" },
  fcProj: { en: "MLP output", zh: "MLP 输出" },
  resid2: { en: "residual stream", zh: "残差流" },
  lnf: { en: "final normalised", zh: "最终归一化" },
  logits: { en: "next-word scores", zh: "下一个词的分数" },
  probs: { en: "next-word probabilities", zh: "下一个词的概率" },
};

/** The plain name of tensor `id` ("l0.h0.q" → "queries"), or null when `id` is not a tensor id. */
export function plainName(id: string, lang: NameLanguage): string | null {
  const p = parseId(id);
  return p ? NAMES[p.name][lang] : null;
}
