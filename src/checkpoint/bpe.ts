// GPT-2's byte-level BPE tokenizer: text to UTF-8 bytes to printable symbols, split by GPT-2's pattern, then merged by rank.
//
// As in openai/gpt-2 encoder.py and HF tokenizers' ByteLevel: every byte is one printable
// character (a space is "Ġ", a newline "Ċ"), so any text can be encoded once the vocabulary
// holds the 256 byte symbols; merges.txt lists the pairs to join, most frequent first.

import { InputError, show } from "../errors.js";
import { wordOf } from "../model/tokenizer.js";

/** GPT-2's bytes_to_unicode(): the printable bytes stand for themselves, the other 68 map to U+0100 onwards. */
export function byteSymbols(): string[] {
  const printable = (b: number) => (b >= 0x21 && b <= 0x7e) || (b >= 0xa1 && b <= 0xac) || (b >= 0xae && b <= 0xff);
  const out: string[] = [];
  let n = 0;
  for (let b = 0; b < 256; b++) out.push(String.fromCodePoint(printable(b) ? b : 256 + n++));
  return out;
}

const BYTE_SYMBOL = byteSymbols();
const SYMBOL_BYTE = new Map(BYTE_SYMBOL.map((s, b) => [s, b]));

/** GPT-2's pre-tokenizer pattern: contractions, letters, digits and other runs, each with at most one leading space. */
export const GPT2_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

const CONTROL_NAMES: Record<string, string> = { "\n": "↵", "\t": "⇥", "\r": "␍" };

/**
 * A token's byte symbols as the text a viewer reads ("Ġthe" is " the"). Bytes that are only part of
 * a UTF-8 character show as hex (<E2 80>), control characters as a sign (↵ for a newline) or hex.
 */
export function symbolsToText(symbols: string): string {
  const bytes: number[] = [];
  for (const ch of symbols) {
    const b = SYMBOL_BYTE.get(ch);
    if (b === undefined) return symbols; // not a byte-level token (an added token such as <|endoftext|>)
    bytes.push(b);
  }
  const hex = (bs: number[]) => `<${bs.map((b) => b.toString(16).toUpperCase().padStart(2, "0")).join(" ")}>`;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(new Uint8Array(bytes));
  } catch {
    return hex(bytes);
  }
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => CONTROL_NAMES[c] ?? hex([c.charCodeAt(0)]));
}

export interface BpeFiles {
  /** vocab.json: symbol string → id. */
  vocab: Record<string, number>;
  /** merges.txt's pairs, in rank order. */
  merges: [string, string][];
  /** Tokens matched whole before the pattern splits the rest (e.g. <|endoftext|>), with their ids. */
  added?: { content: string; id: number }[];
}

export class BpeTokenizer {
  /** Each id's text as a viewer reads it: GPT-2's "Ġ" shown as a space. */
  readonly vocab: string[];
  private readonly ids: Map<string, number>;
  /** Each id's symbols as stored ("Ġthe"). */
  private readonly symbols: string[];
  private readonly ranks: Map<string, number>;
  private readonly added: { content: string; id: number }[];
  private readonly cache = new Map<string, string[]>();

  constructor(files: BpeFiles, readonly source = "tokenizer") {
    this.ids = new Map(Object.entries(files.vocab));
    this.added = (files.added ?? []).filter((a) => a.content.length > 0).sort((a, b) => b.content.length - a.content.length);
    for (const a of this.added) this.ids.set(a.content, a.id);
    const size = Math.max(-1, ...this.ids.values()) + 1;
    this.symbols = new Array(size).fill("");
    for (const [sym, id] of this.ids) {
      if (!Number.isInteger(id) || id < 0) throw new InputError(`${source}: vocab ${show(sym)}`, "a whole-number id of at least 0", show(id));
      this.symbols[id] = sym;
    }
    this.vocab = this.symbols.map(symbolsToText);
    this.ranks = new Map(files.merges.map(([a, b], i) => [`${a} ${b}`, i]));
  }

  get size(): number {
    return this.vocab.length;
  }

  /** The merged symbols of one pre-token (its bytes as symbols), lowest-ranked pair first, as GPT-2's bpe(). */
  private bpe(piece: string): string[] {
    const hit = this.cache.get(piece);
    if (hit) return hit;
    let word = [...piece];
    for (;;) {
      let best = -1;
      let bestRank = Infinity;
      for (let i = 0; i + 1 < word.length; i++) {
        const r = this.ranks.get(`${word[i]} ${word[i + 1]}`);
        if (r !== undefined && r < bestRank) {
          bestRank = r;
          best = i;
        }
      }
      if (best < 0) break;
      const [a, b] = [word[best], word[best + 1]];
      const next: string[] = [];
      for (let i = 0; i < word.length; i++) {
        if (i + 1 < word.length && word[i] === a && word[i + 1] === b) {
          next.push(a + b);
          i++;
        } else next.push(word[i]);
      }
      word = next;
    }
    this.cache.set(piece, word);
    return word;
  }

  /** The pieces of `text`: added tokens whole, the rest split by GPT-2's pattern into byte symbols. */
  private pieces(text: string): { symbols: string; added: boolean }[] {
    const out: { symbols: string; added: boolean }[] = [];
    const plain = (s: string) => {
      for (const m of s.matchAll(GPT2_PATTERN)) {
        const bytes = new TextEncoder().encode(m[0]);
        out.push({ symbols: Array.from(bytes, (b) => BYTE_SYMBOL[b]).join(""), added: false });
      }
    };
    let rest = text;
    while (rest.length > 0) {
      let at = -1;
      let hit: { content: string } | null = null;
      for (const a of this.added) {
        const i = rest.indexOf(a.content);
        if (i >= 0 && (at < 0 || i < at)) [at, hit] = [i, a];
      }
      if (!hit) break;
      plain(rest.slice(0, at));
      out.push({ symbols: hit.content, added: true });
      rest = rest.slice(at + hit.content.length);
    }
    plain(rest);
    return out;
  }

  /** Token ids of `text`; throws InputError when it is empty or holds a symbol the vocabulary lacks. */
  encode(text: string, field = "prompt"): number[] {
    if (text.length === 0) throw new InputError(field, "some text to encode", show(text));
    const ids: number[] = [];
    for (const p of this.pieces(text)) {
      for (const sym of p.added ? [p.symbols] : this.bpe(p.symbols)) {
        const id = this.ids.get(sym);
        if (id === undefined) {
          throw new InputError(field, `text ${this.source} can encode`, `${show(symbolsToText(sym))} in ${show(text)}, which has no token in its vocabulary`);
        }
        ids.push(id);
      }
    }
    return ids;
  }

  /** Each id's text (a leading space kept). */
  decode(ids: readonly number[]): string[] {
    return ids.map((id) => wordOf(this.vocab, id));
  }

  /** The text the ids spell, whole characters decoded across token boundaries. */
  text(ids: readonly number[]): string {
    const bytes: number[] = [];
    let out = "";
    const flush = () => {
      out += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
      bytes.length = 0;
    };
    for (const id of ids) {
      const s = this.symbols[id] ?? "";
      const bs = [...s].map((ch) => SYMBOL_BYTE.get(ch));
      if (bs.every((b) => b !== undefined)) bytes.push(...(bs as number[]));
      else {
        flush();
        out += s;
      }
    }
    flush();
    return out;
  }
}

/** merges.txt's pairs: an optional "#version" line, then "a b" per line (blank lines skipped). */
export function parseMerges(text: string, file: string): [string, string][] {
  const out: [string, string][] = [];
  text.split("\n").forEach((raw, i) => {
    const line = raw.replace(/\r$/, "");
    if (line.length === 0 || (i === 0 && line.startsWith("#version"))) return;
    const parts = line.split(" ");
    if (parts.length !== 2 || !parts[0] || !parts[1]) throw new InputError(`${file}: line ${i + 1}`, 'two symbols separated by one space, e.g. "Ġ t"', show(line));
    out.push([parts[0], parts[1]]);
  });
  return out;
}
