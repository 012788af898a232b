// The props every video has (theme, captions, fps, length, size, prompt), and strict parsing with clear errors.

import { z } from "zod";
import { InputError, show } from "../errors.js";
import { vocabulary } from "../model/corpus.js";
import { splitWords, Tokenizer } from "../model/tokenizer.js";

const even = (n: number) => n % 2 === 0;

/**
 * The vocabulary the model is trained on (the shipped manifest holds the same words; a test checks):
 * in the schema, so that the Studio's props panel marks a prompt with an unknown word.
 */
export const TOKENIZER = new Tokenizer(vocabulary());
const knownWords = (prompt: string) => {
  const words = splitWords(prompt);
  return words.length > 0 && words.every((w) => TOKENIZER.has(w));
};

/** A prompt of known words, with its default. */
export const promptField = (fallback: string) =>
  z.string().refine(knownWords, "only words from the model's vocabulary (see `abacus vocab`)").default(fallback);

/** The longest title line. */
export const TITLE_MAX = 80;

/** The fields every explainer has; only the default length differs. */
export function videoFields(defaultSeconds: number) {
  return {
    // no default here: without one, the explainer's own title in the captions' language
    title: z.string().max(TITLE_MAX).optional(),
    theme: z.enum(["pastel", "dark"]).default("pastel"),
    captions: z.enum(["off", "en", "zh"]).default("off"),
    fps: z.number().int().min(10).max(120).default(30),
    durationInSeconds: z.number().min(6).max(120).default(defaultSeconds),
    width: z.number().int().min(160).max(3840).refine(even, "must be even").default(1920),
    height: z.number().int().min(90).max(2160).refine(even, "must be even").default(1080),
  };
}

/** What the common fields accept, in words: used in error messages and the README. */
export const VIDEO_FIELD_DOCS = {
  title: `a string of at most ${TITLE_MAX} characters, shown during the first beat ("" shows none; default: the explainer's title in the captions' language)`,
  prompt: "a prompt of words from the model's vocabulary",
  theme: 'one of "pastel", "dark"',
  captions: 'one of "off", "en", "zh"',
  fps: "an integer from 10 to 120",
  durationInSeconds: "a number from 6 to 120",
  width: "an even integer from 160 to 3840",
  height: "an even integer from 90 to 2160",
} as const;

export const VideoPropsSchema = z.object(videoFields(18)).strict();
export type VideoProps = z.infer<typeof VideoPropsSchema>;

export function durationInFrames(p: Pick<VideoProps, "fps" | "durationInSeconds">): number {
  return Math.round(p.durationInSeconds * p.fps);
}

/**
 * Validates unknown JSON against a strict props schema (defaults filled in); throws an
 * InputError for the first problem, naming `source.field`, what it accepts and what it got.
 */
export function parseWith<P>(schema: z.ZodType<P>, docs: Record<string, string>, json: unknown, source = "props"): P {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new InputError(source, "a JSON object of props", show(json));
  }
  const r = schema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    throw new InputError(`${source}.${key}`, `one of the known fields (${Object.keys(docs).join(", ")})`, "an unknown field");
  }
  const field = String(issue.path[0]);
  const value = (json as Record<string, unknown>)[field];
  // an unknown word: the tokenizer's message names each one with the closest known words
  if (field === "prompt" && typeof value === "string") TOKENIZER.encode(value, `${source}.prompt`);
  throw new InputError(`${source}.${field}`, docs[field] ?? issue.message, show(value));
}

/** The field a render of a user's checkpoint adds to the props: the tape of its forward passes, in the bundle's public folder. */
export const MODEL_TAPE_FIELD = "modelTape";
/** A prompt the built-in vocabulary accepts: it stands in for a checkpoint's prompt while the other fields are checked. */
const KNOWN_WORD = TOKENIZER.vocab.find((w) => /\p{L}/u.test(w)) as string;
export const MODEL_TAPE_PATTERN = /^abacus-tapes\/[0-9a-f]{16}\.json$/;

/**
 * `parse` for a video of a user's checkpoint: the prompt is any non-empty text (its tokenizer, not
 * the built-in vocabulary, decides what it encodes, when the context is built) and `modelTape`,
 * where present, is kept; every other field is checked as usual.
 */
export function parseForModel<P extends object>(parse: (json: unknown, source?: string) => P, json: unknown, source = "props"): P & { modelTape?: string } {
  if (json === null || typeof json !== "object" || Array.isArray(json)) return parse(json, source);
  const { [MODEL_TAPE_FIELD]: tape, ...rest } = json as Record<string, unknown>;
  if (tape !== undefined && (typeof tape !== "string" || !MODEL_TAPE_PATTERN.test(tape))) throw new InputError(`${source}.${MODEL_TAPE_FIELD}`, "abacus-tapes/<16 hex digits>.json (set by `abacus render --model`)", show(tape));
  const prompt = rest.prompt;
  if (prompt !== undefined && (typeof prompt !== "string" || prompt.length === 0)) throw new InputError(`${source}.prompt`, "some text for the model's tokenizer", show(prompt));
  const parsed = parse(prompt === undefined ? rest : { ...rest, prompt: KNOWN_WORD }, source);
  return { ...parsed, ...(prompt === undefined ? {} : { prompt }), ...(tape === undefined ? {} : { modelTape: tape as string }) };
}

/**
 * The props a render uses: `json` (the user's) over `saved()` (the defaultProps the Studio saved
 * in the registry) over the schema's defaults. Each layer is validated on its own, the user's
 * first (so a bad --props is reported before the registry is read), and an error names where
 * the bad value came from (`props.…` or `savedSource.…`).
 */
export function withSavedDefaults<P>(parse: (json: unknown, source?: string) => P, json: unknown, saved: () => Record<string, unknown>, savedSource: string): P {
  parse(json);
  const defaults = saved();
  parse(defaults, savedSource);
  return parse({ ...defaults, ...(json as Record<string, unknown>) });
}
