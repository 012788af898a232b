// `abacus render`: validates props, bundles once, renders an MP4 with a progress bar, writes it atomically.

import { basename, join, relative } from "node:path";
import { InputError } from "../errors.js";
import { bundleOrReuse, renderVideo, writeRenderRecord } from "../render/render.js";
import { findBrowser } from "../render/browser.js";
import { browserExecutable, OUT_DIR, VIDEO } from "../render/settings.js";
import { durationInFrames, type VideoProps } from "../engine/props.js";
import { medianReadingRate, READ, type TimedCue } from "../engine/cues.js";
import { sidecarPaths, subtitleCues, toSrt, toVtt, TRACK_LANGUAGE } from "../subtitles/subtitles.js";
import { writeFileAtomic } from "../util/files.js";
import { intOption, parse } from "./args.js";
import { Progress } from "./progress.js";
import { glArg, guarded, outputArg, propsForBundle, scaleArg, validateJob } from "./render-args.js";

export const usage = `Usage: abacus render [CompositionId] [--props FILE|JSON] [--out FILE] [--frames A-B]
                     [--chunks N] [--scale S] [--concurrency N] [--gl BACKEND]
                     [--subtitles both|sidecar|track|none] [--model DIR]

Renders a composition (default LLMExplainer; see \`abacus compositions\`) to H.264 MP4 (yuv420p, bt709). The props
are validated before anything starts; the video is written to a temporary file and
renamed into place only when complete, with a JSON record of how it was made beside it.

  --props FILE|JSON  props; a value starting with "{" is JSON, anything else a file
  --out FILE         output (default out/<CompositionId>.mp4)
  --frames A-B       render only frames A to B (inclusive)
  --chunks N         render N frame ranges separately (as Remotion Lambda does) and join
                     them without re-encoding: the same video, in pieces
  --scale S          scale the output size (e.g. 0.5)
  --concurrency N    browser tabs rendering in parallel (default 1)
  --gl BACKEND       WebGL backend: swangle (default, no GPU needed), angle-egl (GPU), ...
  --subtitles MODE   with captions on: X.srt and X.vtt beside X.mp4 (sidecar), a soft subtitle
                     track in the MP4 (track, mov_text), or both (default); none when captions
                     are off
  --model DIR        draw a Hugging Face GPT-2 checkpoint (config.json, model.safetensors,
                     tokenizer.json or vocab.json + merges.txt) instead of the built-in model;
                     the prompt is any text its tokenizer encodes. It runs once, here; the
                     browser replays what it recorded

Ctrl-C or SIGTERM stops the browser and encoder, removes every temporary file and
leaves an existing output untouched; the exit code is then 130 or 143.`;

export function frameRangeArg(value: unknown, total: number): [number, number] | null {
  if (value === undefined) return null;
  const m = /^(\d+)-(\d+)$/.exec(String(value));
  const a = m ? Number(m[1]) : NaN;
  const b = m ? Number(m[2]) : NaN;
  if (!m || a > b || b >= total) throw new InputError("--frames", `A-B with 0 <= A <= B <= ${total - 1}`, JSON.stringify(value));
  return [a, b];
}

export const SUBTITLE_MODES = ["both", "sidecar", "track", "none"] as const;
export type SubtitleMode = (typeof SUBTITLE_MODES)[number];

/** --subtitles: both by default when captions are on; with captions off only none (there is nothing to write). */
export function subtitlesArg(value: unknown, captions: VideoProps["captions"]): SubtitleMode {
  if (value === undefined) return captions === "off" ? "none" : "both";
  if (!(SUBTITLE_MODES as readonly string[]).includes(String(value))) throw new InputError("--subtitles", `one of ${SUBTITLE_MODES.join(", ")}`, JSON.stringify(value));
  if (captions === "off" && value !== "none") throw new InputError("--subtitles", '"none" while props.captions is "off" (there are no captions to write)', JSON.stringify(value));
  return value as SubtitleMode;
}

/** A note on stderr when the captions change faster than most people read: and the length at which they would not. */
function readingNote(cues: TimedCue[], props: VideoProps, lang: "en" | "zh"): void {
  const rate = medianReadingRate(cues, props.fps);
  const comfortable = READ[lang];
  if (rate <= comfortable) return;
  const seconds = Math.min(120, Math.ceil((props.durationInSeconds * rate) / comfortable));
  console.error(`note: at ${props.durationInSeconds} s the captions change at a median ${rate.toFixed(0)} characters per second; about ${comfortable} reads comfortably (durationInSeconds ${seconds})`);
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    props: { type: "string" },
    out: { type: "string" },
    frames: { type: "string" },
    scale: { type: "string" },
    concurrency: { type: "string" },
    gl: { type: "string" },
    model: { type: "string" },
    chunks: { type: "string" },
    subtitles: { type: "string" },
  }, true);
  const job = validateJob(positionals, values.props, values.model);
  const total = durationInFrames(job.props);
  const frameRange = frameRangeArg(values.frames, total);
  const scale = scaleArg(values.scale);
  const concurrency = intOption(values.concurrency, "--concurrency", 1, 64, 1);
  const chunks = intOption(values.chunks, "--chunks", 1, 1000, 1);
  const gl = glArg(values.gl);
  const out = outputArg(values.out, join(OUT_DIR, `${job.id}.mp4`), [".mp4"]);
  const subtitles = subtitlesArg(values.subtitles, job.props.captions);
  const lang = job.props.captions === "off" ? null : job.props.captions;
  const cues = subtitleCues(job.cues, job.props.fps, frameRange ?? undefined);
  const track = lang && (subtitles === "both" || subtitles === "track") ? { cues, language: TRACK_LANGUAGE[lang] } : undefined;
  browserExecutable(); // find (and if needed unpack) the browser before the progress bar starts
  if (lang) readingNote(job.cues, job.props, lang);

  return guarded("render", async (guard) => {
    const bundling = new Progress("bundling", 100, 25);
    const bundle = await bundleOrReuse((p) => bundling.update(Math.round(p)), guard);
    try {
      guard.check();
      const frames = frameRange ? frameRange[1] - frameRange[0] + 1 : total;
      const progress = new Progress("rendering", frames, 10);
      const result = await renderVideo({
        serveUrl: bundle.serveUrl, compositionId: job.id, props: propsForBundle(job, bundle.serveUrl), out, frameRange, chunks, scale, concurrency, gl, guard, subtitleTrack: track,
        onProgress: (p) => progress.update(p.renderedFrames, `frames rendered, ${p.encodedFrames} encoded`),
      });
      const sidecars = lang && (subtitles === "both" || subtitles === "sidecar") ? sidecarPaths(out) : null;
      if (sidecars) {
        writeFileAtomic(sidecars.srt, toSrt(cues));
        writeFileAtomic(sidecars.vtt, toVtt(cues, lang!));
      }
      const record = writeRenderRecord(out, {
        composition: job.id, props: job.props, traceHash: job.traceHash, weightsSha256: job.model.weightsSha256, ...job.record,
        frames: result.frames, frameRange, chunks, fps: result.fps, width: result.width, height: result.height,
        codec: VIDEO.codec, x264Preset: VIDEO.x264Preset, pixelFormat: VIDEO.pixelFormat, colorSpace: VIDEO.colorSpace, gl, browser: findBrowser().source,
        subtitles: {
          mode: subtitles, cues: sidecars || track ? cues.length : 0,
          files: sidecars ? [basename(sidecars.srt), basename(sidecars.vtt)] : [],
          track: track ? { codec: "mov_text", language: track.language } : null,
        },
      });
      const written = [out, ...(sidecars ? [sidecars.srt, sidecars.vtt] : []), record].map((p) => relative(process.cwd(), p));
      console.log(`wrote ${written.slice(0, -1).join(", ")} (${result.frames} frames, ${result.width}x${result.height}, ${result.fps} fps${track ? `, subtitle track ${track.language}` : ""}) and ${written[written.length - 1]}`);
    } finally {
      bundle.cleanup();
    }
  });
}
