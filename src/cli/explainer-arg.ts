// The optional CompositionId argument of the commands that work on explainers (storyboard, scene, bench render).

import { type AnyExplainer, requireExplainer } from "../explainers/index.js";
import { DEFAULT_COMPOSITION } from "../render/compositions.js";
import { UsageError } from "./args.js";

export function explainerArg(positionals: string[]): AnyExplainer {
  if (positionals.length > 1) throw new UsageError(`expected at most one composition id, got ${positionals.length}: ${positionals.join(" ")}`);
  return requireExplainer(positionals[0] ?? DEFAULT_COMPOSITION);
}
