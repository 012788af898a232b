// Test fixture: a small byte-level BPE vocabulary learned from text (GPT-2's training rule), and its files in HF's formats.
import { byteSymbols, GPT2_PATTERN, type BpeFiles } from "../src/checkpoint/bpe.js";

const SYMBOL = byteSymbols();

/** Pre-tokens of `text` as byte symbols, as GPT-2 splits it. */
function preTokens(text: string): string[][] {
  return [...text.matchAll(GPT2_PATTERN)].map((m) => Array.from(new TextEncoder().encode(m[0]), (b) => SYMBOL[b]));
}

/**
 * Learns `count` merges from `texts`: the most frequent adjacent pair within pre-tokens each round
 * (ties: the pair that sorts first). Ids: the 256 byte symbols in byte order, the merges in order,
 * then <|endoftext|>.
 */
export function trainBpe(texts: string[], count: number): BpeFiles {
  const words = new Map<string, { symbols: string[]; n: number }>();
  for (const t of texts) {
    for (const w of preTokens(t)) {
      const key = w.join("\u0000");
      const e = words.get(key);
      if (e) e.n++;
      else words.set(key, { symbols: w, n: 1 });
    }
  }
  const merges: [string, string][] = [];
  for (let k = 0; k < count; k++) {
    const pairs = new Map<string, number>();
    for (const { symbols, n } of words.values()) {
      for (let i = 0; i + 1 < symbols.length; i++) {
        const key = `${symbols[i]} ${symbols[i + 1]}`;
        pairs.set(key, (pairs.get(key) ?? 0) + n);
      }
    }
    const best = [...pairs].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))[0];
    if (!best) break;
    const [a, b] = best[0].split(" ");
    merges.push([a, b]);
    for (const w of words.values()) {
      const next: string[] = [];
      for (let i = 0; i < w.symbols.length; i++) {
        if (i + 1 < w.symbols.length && w.symbols[i] === a && w.symbols[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(w.symbols[i]);
      }
      w.symbols = next;
    }
  }
  const vocab: Record<string, number> = {};
  SYMBOL.forEach((s, i) => (vocab[s] = i));
  for (const [a, b] of merges) if (!(a + b in vocab)) vocab[a + b] = Object.keys(vocab).length;
  const eot = Object.keys(vocab).length;
  return { vocab: { ...vocab, "<|endoftext|>": eot }, merges, added: [{ content: "<|endoftext|>", id: eot }] };
}

/** merges.txt as GPT-2 ships it. */
export const mergesTxt = (f: BpeFiles) => ["#version: 0.2", ...f.merges.map(([a, b]) => `${a} ${b}`)].join("\n") + "\n";

/** tokenizer.json as HF's tokenizers writes GPT-2's (byte-level pre-tokenizer and decoder, BPE model). */
export function gpt2TokenizerJson(f: BpeFiles, mergesAsPairs = false): Record<string, unknown> {
  const byteLevel = { type: "ByteLevel", add_prefix_space: false, trim_offsets: true, use_regex: true };
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: (f.added ?? []).map((a) => ({ id: a.id, content: a.content, single_word: false, lstrip: false, rstrip: false, normalized: true, special: true })),
    normalizer: null,
    pre_tokenizer: byteLevel,
    post_processor: byteLevel,
    decoder: byteLevel,
    model: {
      type: "BPE", dropout: null, unk_token: null, continuing_subword_prefix: "", end_of_word_suffix: "", fuse_unk: false, byte_fallback: false,
      vocab: Object.fromEntries(Object.entries(f.vocab).filter(([k]) => !(f.added ?? []).some((a) => a.content === k))),
      merges: f.merges.map(([a, b]) => (mergesAsPairs ? [a, b] : `${a} ${b}`)),
    },
  };
}
