// One caption line per beat, in English and Chinese; tensor names are marked so they take their kind's colour.

import type { Kind } from "../layout/themes.js";
import type { BeatId } from "./explainers.js";

export type CaptionLanguage = "en" | "zh";

/** A run of caption text; runs that name a tensor carry its id and kind. */
export interface CaptionPart {
  text: string;
  tensor?: string;
  kind?: Kind;
}

export interface CaptionFacts {
  tokens: string[];
  next: string;
  p: number;
  layer: number;
  head: number;
  nLayer: number;
}

const t = (id: string, kind: Kind, text = id): CaptionPart => ({ text, tensor: id, kind });

export function captionFor(beat: BeatId, lang: CaptionLanguage, f: CaptionFacts): CaptionPart[] {
  const L = f.layer;
  const H = f.head;
  const p = f.p.toFixed(3);
  const en: Record<BeatId, CaptionPart[]> = {
    tokens: [{ text: `The prompt is split into ${f.tokens.length} tokens, one cube each` }],
    embed: [{ text: "Each token becomes a vector of numbers: " }, t("tokEmb", "activation"), { text: " + " }, t("posEmb", "activation"), { text: " = " }, t("x0", "activation")],
    attention: [{ text: `Attention, layer ${L} head ${H}: each token weighs the tokens before it (` }, t(`l${L}.h${H}.att`, "attention"), { text: ")" }],
    mlp: [{ text: "The MLP widens each vector 4×; GELU lets only positive values through (" }, t(`l${L}.gelu`, "activation"), { text: ")" }],
    depth: [{ text: `All ${f.nLayer} layers refine the residual stream (` }, t(`l${f.nLayer - 1}.resid2`, "activation"), { text: ")" }],
    output: [{ text: "The last vector scores every word; " }, t("probs", "output"), { text: ` picks "${f.next}" (p = ${p})` }],
    append: [{ text: `"${f.next}" is appended, and the loop begins again` }],
  };
  const zh: Record<BeatId, CaptionPart[]> = {
    tokens: [{ text: `提示词被切分成 ${f.tokens.length} 个词元，每个词元一个方块` }],
    embed: [{ text: "每个词元变成一串数字：" }, t("tokEmb", "activation"), { text: " + " }, t("posEmb", "activation"), { text: " = " }, t("x0", "activation")],
    attention: [{ text: `注意力（第 ${L} 层第 ${H} 个头）：每个词元为它之前的词元分配权重（` }, t(`l${L}.h${H}.att`, "attention"), { text: "）" }],
    mlp: [{ text: "MLP 把每个向量扩展到 4 倍；GELU 只让正值通过（" }, t(`l${L}.gelu`, "activation"), { text: "）" }],
    depth: [{ text: `全部 ${f.nLayer} 层逐步改写残差流（` }, t(`l${f.nLayer - 1}.resid2`, "activation"), { text: "）" }],
    output: [{ text: "最后一个向量给每个词打分；" }, t("probs", "output"), { text: ` 选出 “${f.next}”（p = ${p}）` }],
    append: [{ text: `“${f.next}” 被接到句尾，循环重新开始` }],
  };
  return (lang === "en" ? en : zh)[beat];
}
