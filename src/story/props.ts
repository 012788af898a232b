// The flagship's props: a strict zod schema with defaults, and errors that name field, expected and actual.

import { z } from "zod";
import { InputError, show } from "../errors.js";
import { vocabulary } from "../model/corpus.js";
import { splitWords, Tokenizer } from "../model/tokenizer.js";

export const DEFAULT_PROMPT = "the cat sat on the";

const even = (n: number) => n % 2 === 0;

/**
 * The vocabulary the model is trained on (the shipped manifest holds the same words; a test checks):
 * in the schema, so that the Studio's props panel marks a prompt with an unknown word.
 */
const TOKENIZER = new Tokenizer(vocabulary());
const knownWords = (prompt: string) => {
  const words = splitWords(prompt);
  return words.length > 0 && words.every((w) => TOKENIZER.has(w));
};

/** What each field accepts, in words: used in error messages and the README. */
export const FIELD_DOCS = {
  prompt: "a prompt of words from the model's vocabulary",
  theme: 'one of "pastel", "dark"',
  captions: 'one of "off", "en", "zh"',
  fps: "an integer from 10 to 120",
  durationInSeconds: "a number from 6 to 120",
  width: "an even integer from 160 to 3840",
  height: "an even integer from 90 to 2160",
  focusLayer: "an integer from 0 to nLayer - 1",
  focusHead: "an integer from 0 to nHead - 1",
  topK: "an integer from 1 to 10",
} as const;

export const ExplainerPropsSchema = z
  .object({
    prompt: z.string().refine(knownWords, "only words from the model's vocabulary (see `abacus vocab`)").default(DEFAULT_PROMPT),
    theme: z.enum(["pastel", "dark"]).default("pastel"),
    captions: z.enum(["off", "en", "zh"]).default("off"),
    fps: z.number().int().min(10).max(120).default(30),
    durationInSeconds: z.number().min(6).max(120).default(18),
    width: z.number().int().min(160).max(3840).refine(even, "must be even").default(1920),
    height: z.number().int().min(90).max(2160).refine(even, "must be even").default(1080),
    focusLayer: z.number().int().min(0).default(0),
    focusHead: z.number().int().min(0).default(0),
    topK: z.number().int().min(1).max(10).default(5),
  })
  .strict();

export type ExplainerProps = z.infer<typeof ExplainerPropsSchema>;
export type ExplainerPropsInput = z.input<typeof ExplainerPropsSchema>;

export const DEFAULT_PROPS: ExplainerProps = ExplainerPropsSchema.parse({});

export function durationInFrames(p: Pick<ExplainerProps, "fps" | "durationInSeconds">): number {
  return Math.round(p.durationInSeconds * p.fps);
}

/** Validates unknown JSON as props (defaults filled in); throws InputError for the first problem. */
export function parseProps(json: unknown, source = "props"): ExplainerProps {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    throw new InputError(source, "a JSON object of props", show(json));
  }
  const r = ExplainerPropsSchema.safeParse(json);
  if (r.success) return r.data;
  const issue = r.error.issues[0];
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0];
    throw new InputError(`${source}.${key}`, `one of the known fields (${Object.keys(FIELD_DOCS).join(", ")})`, "an unknown field");
  }
  const field = String(issue.path[0]) as keyof typeof FIELD_DOCS;
  const value = (json as Record<string, unknown>)[field];
  // an unknown word: the tokenizer's message names each one with the closest known words
  if (field === "prompt" && typeof value === "string") TOKENIZER.encode(value, `${source}.prompt`);
  throw new InputError(`${source}.${field}`, FIELD_DOCS[field] ?? issue.message, show(value));
}

/**
 * The props a render uses: `json` (the user's) over `saved()` (the defaultProps the Studio saved
 * in the registry) over the schema's defaults. Each layer is validated on its own, the user's
 * first (so a bad --props is reported before the registry is read), and an error names where
 * the bad value came from (`props.…` or `savedSource.…`).
 */
export function withSavedDefaults(json: unknown, saved: () => Record<string, unknown>, savedSource: string): ExplainerProps {
  parseProps(json);
  const defaults = saved();
  parseProps(defaults, savedSource);
  return parseProps({ ...defaults, ...(json as Record<string, unknown>) });
}
