// The training language: a seeded generator of simple English sentences, and the held-out probe set.

import type { Rng } from "./random.js";

/** Animals and their fixed facts: where each sits, what it eats, what it says. */
export const ANIMALS = [
  { noun: "cat", place: "mat", food: "fish", sound: "meow" },
  { noun: "dog", place: "rug", food: "bone", sound: "woof" },
  { noun: "bird", place: "branch", food: "seeds", sound: "tweet" },
  { noun: "frog", place: "log", food: "fly", sound: "croak" },
  { noun: "cow", place: "grass", food: "hay", sound: "moo" },
  { noun: "duck", place: "pond", food: "bread", sound: "quack" },
  { noun: "fox", place: "hill", food: "egg", sound: "yip" },
  { noun: "owl", place: "fence", food: "moth", sound: "hoot" },
  { noun: "pig", place: "mud", food: "corn", sound: "oink" },
  { noun: "bee", place: "flower", food: "pollen", sound: "buzz" },
  { noun: "horse", place: "straw", food: "apple", sound: "neigh" },
  { noun: "mouse", place: "box", food: "cheese", sound: "squeak" },
] as const;

export const ADJECTIVES = ["big", "small", "old", "happy", "sleepy", "young"] as const;

export const NUMBERS = [
  "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
] as const;

export const FACTS = [
  ["sky", "blue"], ["grass", "green"], ["sun", "hot"], ["snow", "white"], ["night", "dark"], ["sea", "deep"],
] as const;

export const NAMES = ["anna", "ben", "cara", "dan", "eva", "finn", "gus", "hana"] as const;
export const COLOURS = ["red", "blue", "green", "yellow", "pink", "black", "white", "orange"] as const;
export const THINGS = ["kite", "ball", "hat", "car", "book", "cup", "drum", "boat"] as const;

/**
 * Adjective+noun pairs that never occur in training: animal i never takes
 * adjectives i mod 6 and (i + 3) mod 6. 12 animals × 2 = 24 pairs.
 */
export function heldOutPairs(): [string, string][] {
  const pairs: [string, string][] = [];
  ANIMALS.forEach((a, i) => {
    pairs.push([ADJECTIVES[i % ADJECTIVES.length], a.noun]);
    pairs.push([ADJECTIVES[(i + 3) % ADJECTIVES.length], a.noun]);
  });
  return pairs;
}

const HELD_OUT = new Set(heldOutPairs().map(([adj, noun]) => `${adj} ${noun}`));

/** "the [adj] [adj] noun" with zero to two distinct adjectives, none held out for this noun. */
function subject(rng: Rng, noun: string): string[] {
  const allowed = ADJECTIVES.filter((a) => !HELD_OUT.has(`${a} ${noun}`));
  const n = rng.int(3);
  const adjs: string[] = [];
  while (adjs.length < n) {
    const a = rng.pick(allowed);
    if (!adjs.includes(a)) adjs.push(a);
  }
  return ["the", ...adjs, noun];
}

/** A sentence about an animal and one of its fixed facts. */
function animalSentence(rng: Rng): string[] {
  const a = rng.pick(ANIMALS);
  const s = subject(rng, a.noun);
  switch (rng.int(5)) {
    case 0: return [...s, "sat", "on", "the", a.place, "."];
    case 1: return [...s, "ate", "the", a.food, "."];
    case 2: return [...s, "says", a.sound, "."];
    case 3: return [...s, "was", "hungry", "so", "it", "ate", "the", a.food, "."];
    default: return [...s, "was", "tired", "so", "it", "sat", "on", "the", a.place, "."];
  }
}

/**
 * How often each kind of sentence is drawn, out of their sum. Half are copy passages: the
 * copy needs an induction circuit, which forms only with plenty of them (3 in 20 left none).
 */
export const SENTENCE_MIX = { animal: 6, count: 2, fact: 2, copy: 10 } as const;

/** One sentence (or, for the copy pattern, a passage of several), ending with ".". */
export function sentence(rng: Rng): string[] {
  const m = SENTENCE_MIX;
  let kind = rng.int(m.animal + m.count + m.fact + m.copy);
  if ((kind -= m.animal) < 0) return animalSentence(rng);
  if ((kind -= m.count) < 0) {
    const start = rng.int(NUMBERS.length - 5);
    const len = 3 + rng.int(4);
    return ["count", ...NUMBERS.slice(start, start + len), "."];
  }
  if ((kind -= m.fact) < 0) {
    const [thing, quality] = rng.pick(FACTS);
    return ["the", thing, "is", quality, "."];
  }
  return copyPassage(rng);
}

/**
 * (colour, thing) pairs that never occur together in a training sentence: colour i never
 * meets things i and (i + 3) mod 8. 8 colours × 2 = 16 pairs, "red kite" among them.
 */
export function heldOutCopyPairs(): [string, string][] {
  const pairs: [string, string][] = [];
  COLOURS.forEach((c, i) => {
    pairs.push([c, THINGS[i % THINGS.length]]);
    pairs.push([c, THINGS[(i + 3) % THINGS.length]]);
  });
  return pairs;
}

const HELD_OUT_COPY = new Set(heldOutCopyPairs().map(([c, t]) => `${c} ${t}`));

/** Draws `n` distinct (colour, thing) pairs in which no colour meets a held-out thing. */
function ownedThings(rng: Rng, n: number): [string, string][] {
  for (;;) {
    const owned: [string, string][] = [];
    while (owned.length < n) {
      const c = rng.pick(COLOURS);
      const t = rng.pick(THINGS);
      if (!owned.some(([oc, ot]) => oc === c || ot === t)) owned.push([c, t]);
    }
    if (owned.every(([c]) => owned.every(([, t]) => !HELD_OUT_COPY.has(`${c} ${t}`)))) return owned;
  }
}

/**
 * The copy pattern: someone has one to three coloured things, then likes one of them again.
 * With more than one, only the colour says which thing comes back, so the model has to look up the
 * word that followed that colour earlier (an induction head), not a fixed position.
 */
function copyPassage(rng: Rng): string[] {
  const name = rng.pick(NAMES);
  const owned = ownedThings(rng, 1 + rng.int(3));
  const [colour, thing] = rng.pick(owned);
  const has = owned.flatMap(([c, t]) => [name, "has", "a", c, t, "."]);
  return [...has, name, "likes", "the", colour, thing, "."];
}

/** `length` words: whole sentences from the start, the last one cut where the length ends. */
export function sampleWords(rng: Rng, length: number): string[] {
  const words: string[] = [];
  while (words.length < length) words.push(...sentence(rng));
  return words.slice(0, length);
}

/** Every word the grammar can produce, sorted: the model's vocabulary. */
export function vocabulary(): string[] {
  const words = new Set<string>([
    ".", "the", "sat", "on", "ate", "says", "was", "hungry", "tired", "so", "it", "count", "is", "has", "a", "likes",
  ]);
  for (const a of ANIMALS) for (const w of [a.noun, a.place, a.food, a.sound]) words.add(w);
  for (const list of [ADJECTIVES, NUMBERS, NAMES, COLOURS, THINGS]) for (const w of list) words.add(w);
  for (const f of FACTS) for (const w of f) words.add(w);
  return [...words].sort();
}

export interface Probe {
  prompt: string;
  answer: string;
}

/** For every held-out pair, three prompts whose answer depends on the noun. */
export function probeSet(): Probe[] {
  const probes: Probe[] = [];
  for (const [adj, noun] of heldOutPairs()) {
    const a = ANIMALS.find((x) => x.noun === noun);
    if (!a) throw new Error(`internal: no animal ${noun}`);
    probes.push(
      { prompt: `the ${adj} ${noun} sat on the`, answer: a.place },
      { prompt: `the ${adj} ${noun} ate the`, answer: a.food },
      { prompt: `the ${adj} ${noun} was hungry so it ate the`, answer: a.food },
    );
  }
  return probes;
}

/** A copy probe: the answer is the thing that followed the colour the prompt ends with. */
export interface CopyProbe extends Probe {
  /** Word positions of the first colour, the thing after it, "likes", and the second colour (the last word). */
  firstColour: number;
  thing: number;
  likes: number;
  secondColour: number;
}

/** Names the copy probes use: several per pair, so the copy cannot lean on one name. */
export const COPY_PROBE_NAMES = ["anna", "ben", "eva", "hana"] as const;

/** For every held-out (colour, thing) pair and every probe name: "NAME has a C T . NAME likes the C" → T. */
export function copyProbeSet(): CopyProbe[] {
  const probes: CopyProbe[] = [];
  for (const [colour, thing] of heldOutCopyPairs()) {
    for (const name of COPY_PROBE_NAMES) {
      probes.push({
        prompt: `${name} has a ${colour} ${thing} . ${name} likes the ${colour}`,
        answer: thing,
        firstColour: 3,
        thing: 4,
        likes: 7,
        secondColour: 9,
      });
    }
  }
  return probes;
}
