// The optional CompositionId argument of the commands that work on explainers (storyboard, scene, bench render).

import { loadCheckpoint } from "../checkpoint/load.js";
import { parseForModel, type VideoProps } from "../engine/props.js";
import { type AnyExplainer, requireExplainer } from "../explainers/index.js";
import { readModel } from "../model/files.js";
import type { ModelSource } from "../model/source.js";
import { DEFAULT_COMPOSITION } from "../render/compositions.js";
import { UsageError } from "./args.js";

export function explainerArg(positionals: string[]): AnyExplainer {
  if (positionals.length > 1) throw new UsageError(`expected at most one composition id, got ${positionals.length}: ${positionals.join(" ")}`);
  return requireExplainer(positionals[0] ?? DEFAULT_COMPOSITION);
}

/** The props and model of a node-only command (storyboard, scene, narrate): the built-in model, or `--model DIR`'s checkpoint with any prompt its tokenizer encodes. */
export function explainerInput(ex: AnyExplainer, propsJson: unknown, modelDir: unknown): { props: VideoProps; model: ModelSource } {
  if (modelDir === undefined) return { props: ex.parse(propsJson), model: readModel() };
  const model = loadCheckpoint(String(modelDir));
  return { props: parseForModel(ex.parse, propsJson), model };
}

export const MODEL_OPTION = `  --model DIR        a Hugging Face GPT-2 checkpoint folder instead of the built-in model`;
