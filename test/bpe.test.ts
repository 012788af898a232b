// GPT-2's byte-level BPE: the byte map, the pre-tokenizer, hand-computed merges, and agreement with HF's tokenizers.js on a learned vocabulary.
import { Tokenizer as HfTokenizer } from "@huggingface/tokenizers";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BpeTokenizer, byteSymbols, GPT2_PATTERN, parseMerges, symbolsToText } from "../src/checkpoint/bpe.js";
import { readTokenizer, tokenizerFromJson, wordLevelTokenizerJson } from "../src/checkpoint/tokenizer-files.js";
import { InputError } from "../src/errors.js";
import { readModel } from "../src/model/files.js";
import { gpt2TokenizerJson, mergesTxt, trainBpe } from "./bpe-fixture.js";
import { tempDir } from "./helpers.js";

const SYM = byteSymbols();
const bytesVocab = () => Object.fromEntries(SYM.map((s, i) => [s, i]));

/** Six merges whose results are hand-computed below. */
function handMade(): BpeTokenizer {
  const merges: [string, string][] = [["Ġ", "t"], ["h", "e"], ["Ġt", "he"], ["Ġ", "c"], ["a", "t"], ["Ġc", "at"]];
  const vocab: Record<string, number> = bytesVocab();
  merges.forEach(([a, b], i) => (vocab[a + b] = 256 + i));
  vocab["<|endoftext|>"] = 262;
  return new BpeTokenizer({ vocab, merges, added: [{ content: "<|endoftext|>", id: 262 }] });
}

const SAMPLES = [
  "the cat sat on the mat.", " the cat", "The Cat's hat", "it's, we're, they've, I'm, you'll, he'd",
  "hello   world\n\nnew line\ttab", "numbers 12345 and 3.14", "naïve café — déjà vu", "emoji 🐈‍⬛ and 猫",
  "   leading and trailing   ", "a<|endoftext|>b", "<|endoftext|>", "x", "!!!???", "don't STOP", "tab\t\tend",
];

describe("GPT-2 byte-level BPE", () => {
  it("maps every byte to one printable symbol as GPT-2's bytes_to_unicode does", () => {
    expect(SYM).toHaveLength(256);
    expect(new Set(SYM).size).toBe(256);
    expect(SYM[0x20]).toBe("Ġ"); // space: 256 + 32
    expect(SYM[0x0a]).toBe("Ċ"); // newline: 256 + 10
    expect(SYM[0x41]).toBe("A");
    expect(SYM[0xad]).toBe("Ń"); // soft hyphen, the one non-printable byte of Latin-1's upper half: 256 + 67
    expect(SYM[0x7f]).toBe("ġ"); // DEL: 256 + 33
    expect(symbolsToText("Ġthe")).toBe(" the");
    expect(symbolsToText("Ã©")).toBe("é"); // the two bytes of U+00E9
    expect(symbolsToText("Ã")).toBe("<C3>"); // the first byte of é alone is no character: shown as hex
    expect(symbolsToText("ĊĊ")).toBe("↵↵");
    expect(symbolsToText("ć")).toBe("<07>"); // BEL
  });

  it("splits text as GPT-2's pattern: contractions, one leading space, whitespace runs before a word", () => {
    const split = (s: string) => [...s.matchAll(GPT2_PATTERN)].map((m) => m[0]);
    expect(split("Hello world's  end")).toEqual(["Hello", " world", "'s", " ", " end"]);
    expect(split("a1 22!?\n")).toEqual(["a", "1", " 22", "!?", "\n"]);
  });

  it("merges lowest rank first, with the results worked out by hand", () => {
    const t = handMade();
    // "the": t h e → t he (rank 1); "t he" is no merge. " cat": Ġ c → Ġc, a t → at, Ġc at → Ġcat.
    expect(t.encode("the cat")).toEqual([116, 257, 261]);
    // " the": Ġ t → Ġt (rank 0), h e → he, Ġt he → Ġthe
    expect(t.encode(" the cat")).toEqual([258, 261]);
    expect(t.encode("cat<|endoftext|>")).toEqual([99, 260, 262]);
    expect(t.decode([258, 261])).toEqual([" the", " cat"]);
    expect(t.text(t.encode("naïve 猫 the cat"))).toBe("naïve 猫 the cat");
  });

  it("encodes as HF's tokenizers.js does, on a vocabulary learned from text, from merges as strings or pairs", () => {
    const texts = ["the cat sat on the mat. the dog sat on the rug. it's the cat's hat, isn't it?", "numbers 123 456 and café naïve 猫 猫 猫"];
    const files = trainBpe(texts, 40);
    expect(files.merges).toHaveLength(40);
    const ours = new BpeTokenizer(files);
    for (const pairs of [false, true]) {
      const json = gpt2TokenizerJson(files, pairs);
      const hf = new HfTokenizer(json, {});
      const fromJson = tokenizerFromJson(json, "tokenizer.json");
      for (const s of [...SAMPLES, ...texts]) {
        const expected = hf.encode(s, { add_special_tokens: false }).ids;
        expect(ours.encode(s), s).toEqual(expected);
        expect(fromJson.encode(s), s).toEqual(expected);
        expect(ours.text(expected)).toBe(hf.decode(expected));
      }
    }
    // the learned merges do what they are for: "the" and " cat" became single tokens
    expect(ours.decode(ours.encode("the cat"))).toEqual(["the", " cat"]);
  });

  it("reads vocab.json + merges.txt and tokenizer.json from a folder, preferring tokenizer.json", () => {
    const files = trainBpe(["the cat sat on the mat"], 20);
    const dir = tempDir();
    writeFileSync(join(dir, "vocab.json"), JSON.stringify(files.vocab));
    writeFileSync(join(dir, "merges.txt"), mergesTxt(files));
    const a = readTokenizer(dir);
    expect(a.files).toEqual(["vocab.json", "merges.txt"]);
    expect(a.tokenizer.encode("the cat<|endoftext|>")).toEqual(new BpeTokenizer(files).encode("the cat<|endoftext|>"));
    writeFileSync(join(dir, "tokenizer.json"), JSON.stringify(gpt2TokenizerJson(files)));
    expect(readTokenizer(dir).files).toEqual(["tokenizer.json"]);
  });

  it("reads the word-level tokenizer.json of an export back as the built-in tokenizer", () => {
    const { tokenizer } = readModel();
    const back = tokenizerFromJson(JSON.parse(JSON.stringify(wordLevelTokenizerJson(tokenizer.vocab))), "tokenizer.json");
    expect(back.vocab).toEqual(tokenizer.vocab);
    expect(back.encode("The cat sat on the mat.")).toEqual(tokenizer.encode("The cat sat on the mat."));
  });

  it("refuses bad tokenizer files and text it cannot encode, naming the file, field and value", () => {
    const err = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        return (e as Error).message;
      }
      throw new Error("no error");
    };
    const noBytes = new BpeTokenizer({ vocab: { a: 0, b: 1 }, merges: [] }, "vocab.json");
    expect(err(() => noBytes.encode("abc"))).toBe('prompt: expected text vocab.json can encode, got "c" in "abc", which has no token in its vocabulary');
    expect(err(() => handMade().encode("", "props.prompt"))).toMatch(/^props\.prompt: expected some text/);
    expect(err(() => parseMerges("#version: 0.2\na b\nabc\n", "merges.txt"))).toBe('merges.txt: line 3: expected two symbols separated by one space, e.g. "Ġ t", got "abc"');
    expect(err(() => tokenizerFromJson({ model: { type: "Unigram" } }, "tokenizer.json"))).toMatch(/^tokenizer\.json: model\.type: expected "BPE".*got "Unigram"$/);
    expect(err(() => tokenizerFromJson({ model: { type: "BPE", vocab: {}, merges: [] }, pre_tokenizer: { type: "Metaspace" } }, "tokenizer.json"))).toMatch(/^tokenizer\.json: pre_tokenizer: expected a "ByteLevel"/);
    expect(err(() => tokenizerFromJson({ model: { type: "BPE", vocab: { a: -1 }, merges: [] } }, "t.json"))).toMatch(/^t\.json: model\.vocab\["a"\]: expected a whole-number id/);
    const dir = tempDir();
    mkdirSync(join(dir, "m"));
    writeFileSync(join(dir, "m", "vocab.json"), "{}");
    expect(err(() => readTokenizer(join(dir, "m")))).toMatch(/expected a tokenizer: tokenizer\.json, or vocab\.json and merges\.txt, got none of them \(vocab\.json without merges\.txt\)$/);
  });
});
