// A checkpoint's tokenizer from its files: tokenizer.json (byte-level BPE, or the word-level one `abacus export` writes) or vocab.json + merges.txt.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { InputError, show } from "../errors.js";
import { Tokenizer, type TextTokenizer } from "../model/tokenizer.js";
import { readInput, readJson } from "../util/files.js";
import { BpeTokenizer, parseMerges } from "./bpe.js";

/** The word-level pre-tokenizer that matches src/model/tokenizer.ts: lower-case, split on spaces, punctuation marks on their own. */
export const WORD_LEVEL_PUNCTUATION = "[.,!?;:]";

/** tokenizer.json for the built-in word-level vocabulary (HF tokenizers' WordLevel model). */
export function wordLevelTokenizerJson(vocab: readonly string[]): Record<string, unknown> {
  return {
    version: "1.0",
    truncation: null,
    padding: null,
    added_tokens: [],
    normalizer: { type: "Lowercase" },
    pre_tokenizer: {
      type: "Sequence",
      pretokenizers: [{ type: "WhitespaceSplit" }, { type: "Split", pattern: { Regex: WORD_LEVEL_PUNCTUATION }, behavior: "Isolated", invert: false }],
    },
    post_processor: null,
    decoder: null,
    model: { type: "WordLevel", vocab: Object.fromEntries(vocab.map((w, i) => [w, i])), unk_token: "<unk>" },
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks that a vocabulary is an object of whole-number ids. */
function vocabOf(v: unknown, field: string): Record<string, number> {
  if (!isRecord(v)) throw new InputError(field, "an object of token → id", show(v));
  for (const [k, id] of Object.entries(v)) if (!Number.isInteger(id) || (id as number) < 0) throw new InputError(`${field}[${show(k)}]`, "a whole-number id of at least 0", show(id));
  return v as Record<string, number>;
}

/** The tokenizer a parsed tokenizer.json describes. */
export function tokenizerFromJson(json: unknown, file: string): TextTokenizer {
  const model = isRecord(json) ? json.model : undefined;
  const type = isRecord(model) ? model.type : undefined;
  if (!isRecord(model) || (type !== "BPE" && type !== "WordLevel")) throw new InputError(`${file}: model.type`, '"BPE" (GPT-2\'s byte-level BPE) or "WordLevel"', show(type));
  const j = json as Record<string, unknown>;
  const vocab = vocabOf(model.vocab, `${file}: model.vocab`);
  if (type === "WordLevel") {
    const pre = JSON.stringify(j.pre_tokenizer);
    const expected = JSON.stringify(wordLevelTokenizerJson([]).pre_tokenizer);
    if (pre !== expected) throw new InputError(`${file}: pre_tokenizer`, `${expected} (the word-level tokenizer \`abacus export\` writes)`, show(j.pre_tokenizer));
    const words: string[] = [];
    for (const [w, id] of Object.entries(vocab)) words[id] = w;
    for (let i = 0; i < words.length; i++) if (words[i] === undefined) throw new InputError(`${file}: model.vocab`, `ids 0 to ${words.length - 1} with none missing`, `no token with id ${i}`);
    return new Tokenizer(words);
  }
  const pre = isRecord(j.pre_tokenizer) ? j.pre_tokenizer : null;
  const byteLevel = pre && (pre.type === "ByteLevel" || (pre.type === "Sequence" && Array.isArray(pre.pretokenizers) && pre.pretokenizers.some((p) => isRecord(p) && p.type === "ByteLevel")));
  if (!pre || !byteLevel) throw new InputError(`${file}: pre_tokenizer`, 'a "ByteLevel" pre-tokenizer (GPT-2\'s)', show(j.pre_tokenizer));
  if (pre.add_prefix_space === true) throw new InputError(`${file}: pre_tokenizer.add_prefix_space`, "false (as GPT-2's)", "true");
  if (!Array.isArray(model.merges)) throw new InputError(`${file}: model.merges`, 'a list of merges ("a b" or ["a", "b"])', show(model.merges));
  const merges = model.merges.map((m, i): [string, string] => {
    const pair = typeof m === "string" ? m.split(" ") : m;
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
      throw new InputError(`${file}: model.merges[${i}]`, 'two symbols, "a b" or ["a", "b"]', show(m));
    }
    return [pair[0], pair[1]];
  });
  const added = (Array.isArray(j.added_tokens) ? j.added_tokens : [])
    .filter((a): a is { content: string; id: number } => isRecord(a) && typeof a.content === "string" && Number.isInteger(a.id));
  return new BpeTokenizer({ vocab, merges, added: added.map((a) => ({ content: a.content, id: a.id })) }, file);
}

/** The files a checkpoint folder's tokenizer was read from, and the tokenizer. */
export function readTokenizer(dir: string, field = "--model"): { tokenizer: TextTokenizer; files: string[] } {
  const json = join(dir, "tokenizer.json");
  if (existsSync(json)) return { tokenizer: tokenizerFromJson(readJson(json, `${field} (tokenizer.json)`), "tokenizer.json"), files: ["tokenizer.json"] };
  const vocab = join(dir, "vocab.json");
  const merges = join(dir, "merges.txt");
  if (!existsSync(vocab) || !existsSync(merges)) {
    throw new InputError(`${field} ${dir}`, "a tokenizer: tokenizer.json, or vocab.json and merges.txt", `none of them${existsSync(vocab) ? " (vocab.json without merges.txt)" : existsSync(merges) ? " (merges.txt without vocab.json)" : ""}`);
  }
  const v = vocabOf(readJson(vocab, `${field} (vocab.json)`), "vocab.json");
  const eot = v["<|endoftext|>"];
  const tokenizer = new BpeTokenizer({
    vocab: v,
    merges: parseMerges(readInput(merges, `${field} (merges.txt)`).toString("utf8"), "merges.txt"),
    added: eot === undefined ? [] : [{ content: "<|endoftext|>", id: eot }],
  }, "vocab.json");
  return { tokenizer, files: ["vocab.json", "merges.txt"] };
}
