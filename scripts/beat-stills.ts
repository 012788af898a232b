// Renders a still of every beat (at its middle and end) into out/stills/, to look at what the video shows.
// Usage: npx tsx scripts/beat-stills.ts [props JSON] [scale]
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { readModel } from "../src/model/files.js";
import { bundleProject, renderStills } from "../src/render/render.js";
import { OUT_DIR } from "../src/render/settings.js";
import { makeContext } from "../src/story/context.js";
import { parseProps } from "../src/story/props.js";

const props = parseProps(JSON.parse(process.argv[2] ?? "{}"));
const scale = Number(process.argv[3] ?? 0.5);
const ctx = makeContext(props, readModel());
const dir = join(OUT_DIR, "stills");
mkdirSync(dir, { recursive: true });
const stills = ctx.timeline.beats.flatMap((b) => [
  { frame: b.from + Math.floor(b.durationInFrames / 2), out: join(dir, `${b.id}-mid.png`) },
  { frame: b.from + b.durationInFrames - 1, out: join(dir, `${b.id}-end.png`) },
]);
const bundle = await bundleProject();
try {
  await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, stills, scale });
  for (const s of stills) console.log(s.frame, s.out);
} finally {
  bundle.cleanup();
}
