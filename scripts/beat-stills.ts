// Renders a still of every beat of an explainer (at its middle and end) into out/stills/<Id>/, to look at.
// Usage: npx tsx scripts/beat-stills.ts [CompositionId] [props JSON] [scale] [dir]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { ExplainerContext } from "../src/engine/explainer.js";
import { requireExplainer } from "../src/explainers/index.js";
import { readModel } from "../src/model/files.js";
import { bundleOrReuse, renderStills } from "../src/render/render.js";
import { OUT_DIR } from "../src/render/settings.js";

const ex = requireExplainer(process.argv[2] ?? "LLMExplainer");
const props = ex.parse(JSON.parse(process.argv[3] ?? "{}"));
const scale = Number(process.argv[4] ?? 0.5);
const ctx: ExplainerContext = ex.context(props, readModel());
const dir = process.argv[5] ?? join(OUT_DIR, "stills", ex.id);
mkdirSync(dir, { recursive: true });
const stills = ctx.timeline.beats.flatMap((b) => [
  { frame: b.from + Math.floor(b.durationInFrames / 2), out: join(dir, `${b.id}-mid.png`) },
  { frame: b.from + b.durationInFrames - 1, out: join(dir, `${b.id}-end.png`) },
]);
const bundle = await bundleOrReuse();
try {
  await renderStills({ serveUrl: bundle.serveUrl, compositionId: ex.id, props, stills, scale });
  for (const s of stills) console.log(s.frame, s.out);
} finally {
  bundle.cleanup();
}
