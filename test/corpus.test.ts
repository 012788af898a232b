// The generated language: required sentences occur, held-out pairs never do, probes depend on the noun.
import { describe, expect, it } from "vitest";
import {
  ADJECTIVES, ANIMALS, COLOURS, copyProbeSet, heldOutCopyPairs, heldOutPairs, probeSet, sampleWords, sentence, THINGS, vocabulary,
} from "../src/model/corpus.js";
import { Rng } from "../src/model/random.js";

const sentences = (n: number, seed = 1) => {
  const rng = new Rng(seed);
  return Array.from({ length: n }, () => sentence(rng).join(" "));
};

describe("corpus", () => {
  const sample = sentences(30000);
  const text = new Set(sample);

  it("contains the patterns the storyboard and probes rely on", () => {
    for (const s of [
      "the cat sat on the mat .",
      "the dog sat on the rug .",
      "count one two three four .",
      "the sky is blue .",
      "the frog was hungry so it ate the fly .",
      "anna has a red ball . anna likes the red ball .",
    ]) expect(text.has(s), s).toBe(true);
    expect(sample.some((s) => /^the (big|small|old|happy|sleepy|young) (big|small|old|happy|sleepy|young) \w+ /.test(s))).toBe(true);
    // passages with two and three things, where the colour picks which one comes back
    for (const n of [2, 3]) {
      const passage = new RegExp(`^(\\w+) has a \\w+ \\w+ \\.( \\1 has a \\w+ \\w+ \\.){${n - 1}} \\1 likes the \\w+ \\w+ \\.$`);
      expect(sample.some((s) => passage.test(s)), `${n} things`).toBe(true);
    }
  });

  it("never puts an adjective on an object, nor a held-out adjective on its noun", () => {
    const held = heldOutPairs();
    expect(held.length).toBeGreaterThanOrEqual(20);
    const nouns = new Set<string>(ANIMALS.map((a) => a.noun));
    for (const s of sample) {
      const words = s.split(" ");
      words.forEach((w, i) => {
        if ((ADJECTIVES as readonly string[]).includes(w)) {
          const noun = words.slice(i + 1).find((x) => !(ADJECTIVES as readonly string[]).includes(x));
          expect(nouns.has(noun ?? ""), s).toBe(true);
          expect(held.some(([a, n]) => a === w && n === noun), s).toBe(false);
          expect(words.slice(0, i).every((x) => x === "the" || (ADJECTIVES as readonly string[]).includes(x)), s).toBe(true);
        }
      });
    }
  });

  it("never puts a held-out colour and thing in one passage, and copy passages copy what was had", () => {
    const held = heldOutCopyPairs();
    expect(held).toHaveLength(16);
    expect(held).toContainEqual(["red", "kite"]);
    expect(new Set(held.map(([c, t]) => `${c} ${t}`)).size).toBe(16);
    let copies = 0;
    for (const s of sample) {
      const words = s.split(" ");
      for (const [c, t] of held) expect(words.includes(c) && words.includes(t), s).toBe(false);
      const likes = words.indexOf("likes");
      if (likes < 0) continue;
      copies++;
      const [colour, thing] = words.slice(likes + 2, likes + 4);
      expect(COLOURS as readonly string[]).toContain(colour);
      expect(words.slice(0, likes).join(" "), s).toContain(`a ${colour} ${thing} .`);
    }
    expect(copies).toBeGreaterThan(1000);
  });

  it("has a copy probe for every held-out colour and thing and several names", () => {
    const probes = copyProbeSet();
    expect(probes).toHaveLength(4 * heldOutCopyPairs().length);
    expect(probes).toContainEqual(expect.objectContaining({ prompt: "anna has a red kite . anna likes the red", answer: "kite" }));
    for (const p of probes) {
      const w = p.prompt.split(" ");
      expect(w[p.firstColour]).toBe(w[p.secondColour]);
      expect(p.secondColour).toBe(w.length - 1);
      expect(w[p.thing]).toBe(p.answer);
      expect(THINGS as readonly string[]).toContain(p.answer);
      expect(heldOutCopyPairs()).toContainEqual([w[p.firstColour], p.answer]);
    }
    expect(new Set(probes.map((p) => p.prompt.split(" ")[0])).size).toBeGreaterThanOrEqual(4);
  });

  it("has a probe for every held-out pair whose answer is the noun's own fact", () => {
    const probes = probeSet();
    expect(probes.length).toBe(3 * heldOutPairs().length);
    for (const { prompt, answer } of probes) {
      const noun = prompt.split(" ").find((w) => ANIMALS.some((a) => a.noun === w));
      const a = ANIMALS.find((x) => x.noun === noun);
      expect([a?.place, a?.food]).toContain(answer);
    }
  });

  it("uses only vocabulary words, and samples have the asked length", () => {
    const vocab = new Set(vocabulary());
    for (const s of sample.slice(0, 2000)) for (const w of s.split(" ")) expect(vocab.has(w), w).toBe(true);
    expect(sampleWords(new Rng(2), 33)).toHaveLength(33);
    expect(vocabulary()).toEqual([...vocabulary()].sort());
  });
});
