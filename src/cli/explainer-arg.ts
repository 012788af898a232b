// The optional CompositionId argument of the commands that work on explainers (storyboard, scene, sheet).

import { type AnyExplainer, requireExplainer } from "../explainers/index.js";
import { UsageError } from "./args.js";

export const DEFAULT_EXPLAINER = "LLMExplainer";

export function explainerArg(positionals: string[]): AnyExplainer {
  if (positionals.length > 1) throw new UsageError(`expected at most one composition id, got ${positionals.length}: ${positionals.join(" ")}`);
  return requireExplainer(positionals[0] ?? DEFAULT_EXPLAINER);
}
