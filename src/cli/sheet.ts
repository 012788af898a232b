// `abacus sheet`: a contact sheet, one PNG with the middle frame of every beat, each tile labelled with its beat and frame.

import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { InputError } from "../errors.js";
import { EXPLAINERS, explainerById } from "../explainers/index.js";
import { durationInFrames } from "../engine/props.js";
import { bundleOrReuse, partialPath, renderStills } from "../render/render.js";
import { BLANK, DEFAULT_COMPOSITION } from "../render/compositions.js";
import { browserExecutable, OUT_DIR } from "../render/settings.js";
import {
  CONTACT_SHEET_ID, type ContactSheetProps, propsSummary, sheetColumns, sheetFrames, sheetLayout, tileScale, tileSize,
} from "../../compositions/ContactSheet/layout.js";
import { parse, UsageError } from "./args.js";
import { MODEL_OPTION } from "./explainer-arg.js";
import { Progress } from "./progress.js";
import { glArg, guarded, outputArg, propsForBundle, validateJob } from "./render-args.js";

export const usage = `Usage: abacus sheet [CompositionId] [--props FILE|JSON] [--out FILE] [--gl BACKEND] [--model DIR]

Writes a contact sheet of an explainer (default LLMExplainer): one PNG with the middle
frame of every beat (from + floor(length / 2)), each tile labelled with its beat and
frame, under a title with the composition id and its props (default
out/<CompositionId>-sheet.png). Tiles are about 960×540 pixels (half size for 1080p,
at most the video's size), in rows of at most 3 (landscape) or 5 (portrait) tiles.
Props, composition and output are checked before anything renders; the PNG is written
to a temporary file and renamed into place when complete.

  --props FILE|JSON  props; a value starting with "{" is JSON, anything else a file
  --out FILE         output PNG (default out/<CompositionId>-sheet.png)
  --gl BACKEND       WebGL backend: swangle (default, no GPU needed), angle-egl (GPU), ...
${MODEL_OPTION}`;

/** The explainer to make a sheet of: Blank and the sheet itself have no beats; an unknown id lists the known ones. */
export function sheetCompositionArg(positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected at most one composition id, got ${positionals.length}: ${positionals.join(" ")}`);
  const id = positionals[0] ?? DEFAULT_COMPOSITION;
  const known = `one of ${EXPLAINERS.map((e) => e.id).join(", ")}`;
  if (id === BLANK.id) throw new InputError("composition", `an explainer with beats, ${known}`, `"${id}" (the benchmark floor has no beats)`);
  if (id === CONTACT_SHEET_ID) throw new InputError("composition", `an explainer with beats, ${known}`, `"${id}" (the contact sheet itself)`);
  if (!explainerById(id)) throw new InputError("composition", known, JSON.stringify(id));
  return id;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    props: { type: "string" },
    out: { type: "string" },
    gl: { type: "string" },
    model: { type: "string" },
  }, true);
  const id = sheetCompositionArg(positionals);
  const job = validateJob([id], values.props, values.model);
  const gl = glArg(values.gl);
  const out = outputArg(values.out, join(OUT_DIR, `${id}-sheet.png`), [".png"]);
  const explainer = explainerById(id)!;
  const frames = sheetFrames(explainer.context(job.props, job.model).timeline.beats);
  const { width, height } = job.props;
  const tile = tileSize(width, height);
  browserExecutable(); // find (and if needed unpack) the browser before the progress starts

  let sheetSize = { width: 0, height: 0 };
  const code = await guarded("sheet", async (guard) => {
    const bundling = new Progress("bundling", 100, 25);
    const bundle = await bundleOrReuse((p) => bundling.update(Math.round(p)), guard);
    try {
      guard.check();
      // the guard's private temporary folder: removed with it, on a signal too
      const dir = mkdtempSync(join(tmpdir(), "abacus-sheet-"));
      const stills = frames.map((f, i) => ({ frame: f.frame, out: join(dir, `${String(i).padStart(2, "0")}-${f.beat}.png`) }));
      const tiles = new Progress("tiles", stills.length, 1);
      tiles.update(0, `middle frames of ${stills.length} beats at scale ${tileScale(width, height).toFixed(3)}`);
      await renderStills({
        serveUrl: bundle.serveUrl, compositionId: id, props: propsForBundle(job, bundle.serveUrl), stills, scale: tileScale(width, height), gl,
        onStill: (done) => tiles.update(done, `${frames[done - 1].beat} (frame ${frames[done - 1].frame})`),
      });
      guard.check();
      const sheet: ContactSheetProps = {
        title: `${id} · the middle frame of each of its ${frames.length} beats`,
        summary: propsSummary(job.props, durationInFrames(job.props)),
        tileWidth: tile.width,
        tileHeight: tile.height,
        columns: sheetColumns(frames.length, width, height),
        tiles: frames.map((f, i) => ({ ...f, src: `data:image/png;base64,${readFileSync(stills[i].out).toString("base64")}` })),
      };
      const layout = sheetLayout(sheet);
      sheetSize = { width: layout.width, height: layout.height };
      const composing = new Progress("sheet", 1);
      composing.update(0, `${layout.width}x${layout.height}`);
      const untrack = guard.track(partialPath(out));
      try {
        await renderStills({ serveUrl: bundle.serveUrl, compositionId: CONTACT_SHEET_ID, props: sheet, stills: [{ frame: 0, out }], gl });
      } finally {
        untrack();
      }
      composing.update(1, `${layout.width}x${layout.height}`);
    } finally {
      bundle.cleanup();
    }
  });
  if (code !== 0) return code;
  const mb = statSync(out).size / 1e6;
  console.log(`wrote ${relative(process.cwd(), out)} (${frames.length} tiles of ${tile.width}x${tile.height}, ${sheetSize.width}x${sheetSize.height}, ${mb.toFixed(1)} MB)`);
  return 0;
}
