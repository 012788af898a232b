// `abacus still`: renders one frame of a composition to PNG.

import { join, relative } from "node:path";
import { bundleOrReuse, renderStills } from "../render/render.js";
import { browserExecutable, OUT_DIR } from "../render/settings.js";
import { durationInFrames } from "../engine/props.js";
import { intOption, parse } from "./args.js";
import { glArg, guarded, outputArg, propsForBundle, scaleArg, validateJob } from "./render-args.js";

export const usage = `Usage: abacus still [CompositionId] --frame N [--props FILE|JSON] [--out FILE] [--scale S] [--gl BACKEND] [--model DIR]

Renders frame N of a composition (default LLMExplainer) to a PNG
(default out/<CompositionId>-<N>.png), written atomically. --model DIR draws a GPT-2
checkpoint folder instead of the built-in model (see \`abacus render --help\`).`;

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    frame: { type: "string" },
    props: { type: "string" },
    out: { type: "string" },
    scale: { type: "string" },
    gl: { type: "string" },
    model: { type: "string" },
  }, true);
  const job = validateJob(positionals, values.props, values.model);
  const frame = intOption(values.frame, "--frame", 0, durationInFrames(job.props) - 1, 0);
  const scale = scaleArg(values.scale);
  const gl = glArg(values.gl);
  const out = outputArg(values.out, join(OUT_DIR, `${job.id}-${frame}.png`), [".png"]);
  browserExecutable();
  const code = await guarded("still", async (guard) => {
    const bundle = await bundleOrReuse(undefined, guard);
    try {
      await renderStills({ serveUrl: bundle.serveUrl, compositionId: job.id, props: propsForBundle(job, bundle.serveUrl), stills: [{ frame, out }], scale, gl });
    } finally {
      bundle.cleanup();
    }
  });
  if (code !== 0) return code;
  console.log(`wrote ${relative(process.cwd(), out)}`);
  return 0;
}
