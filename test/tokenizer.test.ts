// Word-level tokenizer: splitting, round trips, and error messages that name unknown words.
import { describe, expect, it } from "vitest";
import { vocabulary } from "../src/model/corpus.js";
import { splitWords, Tokenizer } from "../src/model/tokenizer.js";
import { InputError } from "../src/errors.js";

const tok = new Tokenizer(vocabulary());

describe("tokenizer", () => {
  it("lower-cases and splits punctuation off words", () => {
    expect(splitWords("The Cat  sat.On the mat!")).toEqual(["the", "cat", "sat", ".", "on", "the", "mat", "!"]);
  });

  it("round-trips known text", () => {
    const ids = tok.encode("the cat sat on the mat .");
    expect(ids).toHaveLength(7);
    expect(tok.decode(ids).join(" ")).toBe("the cat sat on the mat .");
  });

  it("rejects unknown words, naming each once with suggestions", () => {
    let err: unknown;
    try {
      tok.encode("the kat sat on the matt , kat");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(InputError);
    const e = err as InputError;
    expect(e.field).toBe("prompt");
    expect(e.message).toContain('"kat" (did you mean "cat"');
    expect(e.message).toContain('"matt" (did you mean "mat"');
    expect(e.message).toContain('","');
    expect(e.message.match(/"kat"/g)).toHaveLength(1);
  });

  it("rejects empty and whitespace-only text", () => {
    expect(() => tok.encode("")).toThrow(/prompt: expected at least one word, got ""/);
    expect(() => tok.encode("   \n")).toThrow(InputError);
  });

  it("rejects other scripts and emoji as unknown words", () => {
    expect(() => tok.encode("猫 sat")).toThrow(/unknown word "猫"/);
    expect(() => tok.encode("the 🐱")).toThrow(/unknown word "🐱"/);
  });
});
