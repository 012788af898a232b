// Word-level tokenizer: lower-cases, splits punctuation into tokens, maps words to ids.

import { InputError, show } from "../errors.js";

const PUNCTUATION = /([.,!?;:])/g;
const IS_PUNCTUATION = /^[.,!?;:]$/;

/** Splits text into lower-case words and punctuation marks. */
export function splitWords(text: string): string[] {
  return text.toLowerCase().replace(PUNCTUATION, " $1 ").split(/\s+/).filter((w) => w.length > 0);
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

/** What a model's tokenizer gives explainers: each id's text as shown, ids of a text, and back. */
export interface TextTokenizer {
  readonly vocab: readonly string[];
  readonly size: number;
  /** Token ids of `text`; throws InputError naming `field` for text it cannot encode. */
  encode(text: string, field?: string): number[];
  /** Each id's text as shown. */
  decode(ids: readonly number[]): string[];
  /** The text the ids spell (what a later forward pass reads as its prompt). */
  text(ids: readonly number[]): string;
}

/** The text of word `id`; a padded vocabulary's ids past the tokenizer's have none of their own and show as <id>. */
export const wordOf = (vocab: readonly string[], id: number): string => vocab[id] ?? `<${id}>`;

/** The text of every id of a model's vocabulary (padding included). */
export const vocabWords = (model: { tokenizer: TextTokenizer; config: { vocabSize: number } }): string[] =>
  Array.from({ length: model.config.vocabSize }, (_, id) => wordOf(model.tokenizer.vocab, id));

export class Tokenizer implements TextTokenizer {
  private readonly ids: Map<string, number>;

  constructor(readonly vocab: readonly string[]) {
    this.ids = new Map(vocab.map((w, i) => [w, i]));
    if (this.ids.size !== vocab.length) throw new Error("vocabulary has duplicate words");
  }

  get size(): number {
    return this.vocab.length;
  }

  has(word: string): boolean {
    return this.ids.has(word);
  }

  /** The known words closest in spelling to `word` (edit distance, then alphabetical). */
  suggest(word: string, count = 3): string[] {
    return [...this.vocab]
      .map((w) => [w, editDistance(word, w)] as const)
      .sort((x, y) => x[1] - y[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, count)
      .map(([w]) => w);
  }

  /** Token ids of `text`; throws InputError naming every unknown word with suggestions. */
  encode(text: string, field = "prompt"): number[] {
    const words = splitWords(text);
    if (words.length === 0 || words.every((w) => IS_PUNCTUATION.test(w))) throw new InputError(field, "at least one word", show(text));
    const unknown = [...new Set(words.filter((w) => !this.ids.has(w)))];
    if (unknown.length > 0) {
      const hints = unknown.map((w) => `"${w}" (did you mean ${this.suggest(w).map((s) => `"${s}"`).join(", ")}?)`);
      throw new InputError(
        field,
        `only words from the model's vocabulary (see \`abacus vocab\`)`,
        `unknown word${unknown.length > 1 ? "s" : ""} ${hints.join(", ")}`,
      );
    }
    return words.map((w) => this.ids.get(w) as number);
  }

  decode(ids: readonly number[]): string[] {
    return ids.map((id) => wordOf(this.vocab, id));
  }

  /** The words joined by spaces: encoding it gives the same ids back. */
  text(ids: readonly number[]): string {
    return this.decode(ids).join(" ");
  }
}
