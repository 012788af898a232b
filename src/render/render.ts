// Node-API rendering: bundle once, then render videos and stills, writing to temporary files renamed into place.

import { mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { bundle } from "@remotion/bundler";
import {
  type HeadlessBrowser, makeCancelSignal, openBrowser, renderFrames, renderMedia, RenderInternals, renderStill, selectComposition,
} from "@remotion/renderer";
import { VERSION } from "remotion/version";
import type { VideoProps } from "../engine/props.js";
import type { InterruptGuard } from "./interrupt.js";
import { writeFileAtomic } from "../util/files.js";
import { withTextTrack } from "../subtitles/mp4-text-track.js";
import type { SubtitleCue } from "../subtitles/subtitles.js";
import {
  browserExecutable, chromiumOptions, ENTRY_POINT, type GlBackend, glBackend, PUBLIC_DIR, VIDEO, webpackOverride,
} from "./settings.js";

export interface Bundle {
  serveUrl: string;
  /** Removes the bundle folder. */
  cleanup(): void;
}

/** Bundles the compositions once into a fresh temporary folder (removed by cleanup, or by the guard on a signal). */
export async function bundleProject(onProgress?: (percent: number) => void, guard?: InterruptGuard): Promise<Bundle> {
  const outDir = mkdtempSync(join(tmpdir(), "abacus-bundle-"));
  const untrack = guard?.track(outDir);
  const cleanup = () => {
    rmSync(outDir, { recursive: true, force: true });
    untrack?.();
  };
  try {
    const serveUrl = await bundle({ entryPoint: ENTRY_POINT, publicDir: PUBLIC_DIR, webpackOverride, outDir, onProgress });
    return { serveUrl, cleanup };
  } catch (err) {
    cleanup();
    throw err;
  }
}

/**
 * The bundle to render from: ABACUS_SERVE_URL (a bundle built earlier, e.g. shared by a
 * test suite or a batch of renders) or a fresh one.
 */
export async function bundleOrReuse(onProgress?: (percent: number) => void, guard?: InterruptGuard): Promise<Bundle> {
  const reuse = process.env.ABACUS_SERVE_URL;
  if (reuse) return { serveUrl: reuse, cleanup: () => {} };
  return bundleProject(onProgress, guard);
}

/** A temporary name beside `out`, with the same extension, for a file that is renamed into place when complete. */
export function partialPath(out: string): string {
  const name = basename(out);
  const dot = name.lastIndexOf(".");
  const ext = dot > 0 ? name.slice(dot) : "";
  return join(dirname(out), `.${name}.${process.pid}.partial${ext}`);
}

export interface VideoJob {
  serveUrl: string;
  compositionId: string;
  props: VideoProps;
  out: string;
  frameRange?: [number, number] | null;
  /** Render this many frame ranges with separate renderMedia calls and join them without re-encoding. */
  chunks?: number;
  scale?: number;
  concurrency?: number;
  gl?: GlBackend;
  onProgress?: (p: { renderedFrames: number; encodedFrames: number; totalFrames: number }) => void;
  guard?: InterruptGuard;
  /** A soft subtitle track to add (timed from the first rendered frame), tagged with an ISO 639-2/T language. */
  subtitleTrack?: { cues: SubtitleCue[]; language: string };
}

export interface VideoResult {
  frames: number;
  fps: number;
  width: number;
  height: number;
}

/** Splits [a, b] into n contiguous ranges whose lengths differ by at most one frame. */
export function chunkRanges([a, b]: [number, number], n: number): [number, number][] {
  const total = b - a + 1;
  const count = Math.max(1, Math.min(n, total));
  return Array.from({ length: count }, (_, i) => {
    const from = a + Math.floor((i * total) / count);
    const to = a + Math.floor(((i + 1) * total) / count) - 1;
    return [from, to] as [number, number];
  });
}

/** Joins MP4 pieces without re-encoding (ffmpeg's concat demuxer, stream copy). */
async function joinChunks(pieces: string[], out: string, dir: string, cancelSignal: ReturnType<typeof makeCancelSignal>["cancelSignal"]): Promise<void> {
  const list = join(dir, "chunks.txt");
  writeFileSync(list, pieces.map((p) => `file '${p.replace(/'/g, "'\\''")}'`).join("\n") + "\n");
  await RenderInternals.callFf({
    bin: "ffmpeg",
    args: ["-y", "-v", "error", "-f", "concat", "-safe", "0", "-i", list, "-c", "copy", "-movflags", "+faststart", out],
    indent: false,
    logLevel: "error",
    binariesDirectory: null,
    cancelSignal,
  });
}

export async function renderVideo(job: VideoJob): Promise<VideoResult> {
  const gl = job.gl ?? glBackend();
  const { cancelSignal, cancel } = makeCancelSignal();
  const uncancel = job.guard?.cancellable(cancel);
  const common = {
    serveUrl: job.serveUrl,
    inputProps: job.props,
    browserExecutable: browserExecutable(),
    chromiumOptions: chromiumOptions(gl),
    logLevel: "error" as const,
  };
  const tmp = partialPath(job.out);
  const untrack = job.guard?.track(tmp);
  const pieceDir = mkdtempSync(join(dirname(job.out), `.${basename(job.out)}.${process.pid}.chunks-`));
  const untrackDir = job.guard?.track(pieceDir);
  try {
    const composition = await selectComposition({ ...common, id: job.compositionId });
    job.guard?.check();
    const range = job.frameRange ?? [0, composition.durationInFrames - 1];
    const totalFrames = range[1] - range[0] + 1;
    const ranges = job.chunks && job.chunks > 1 ? chunkRanges(range, job.chunks) : [range];
    const pieces: string[] = [];
    let done = 0;
    for (const [i, r] of ranges.entries()) {
      const piece = ranges.length === 1 ? tmp : join(pieceDir, `chunk-${String(i).padStart(4, "0")}.mp4`);
      await renderMedia({
        ...common,
        composition,
        codec: VIDEO.codec,
        pixelFormat: VIDEO.pixelFormat,
        colorSpace: VIDEO.colorSpace,
        imageFormat: VIDEO.imageFormat,
        jpegQuality: VIDEO.jpegQuality,
        x264Preset: VIDEO.x264Preset,
        outputLocation: piece,
        overwrite: true,
        frameRange: ranges.length === 1 && !job.frameRange ? null : r,
        scale: job.scale ?? 1,
        concurrency: job.concurrency ?? 1,
        cancelSignal,
        onProgress: (p) => job.onProgress?.({ renderedFrames: done + p.renderedFrames, encodedFrames: done + p.encodedFrames, totalFrames }),
      });
      job.guard?.check();
      done += r[1] - r[0] + 1;
      pieces.push(piece);
    }
    if (ranges.length > 1) await joinChunks(pieces, tmp, pieceDir, cancelSignal);
    job.guard?.check();
    if (job.subtitleTrack) writeFileSync(tmp, withTextTrack(readFileSync(tmp), job.subtitleTrack.cues, job.subtitleTrack.language));
    renameSync(tmp, job.out);
    return {
      frames: totalFrames,
      fps: composition.fps,
      width: Math.round(composition.width * (job.scale ?? 1)),
      height: Math.round(composition.height * (job.scale ?? 1)),
    };
  } finally {
    rmSync(tmp, { force: true });
    rmSync(pieceDir, { recursive: true, force: true });
    untrack?.();
    untrackDir?.();
    uncancel?.();
  }
}

/** Renders frames [a, b] as a lossless PNG sequence into `dir` (element-NNN.png), for comparisons. */
export async function renderPngSequence(job: { serveUrl: string; compositionId: string; props: VideoProps; frameRange: [number, number]; dir: string }): Promise<void> {
  const common = { serveUrl: job.serveUrl, inputProps: job.props, browserExecutable: browserExecutable(), chromiumOptions: chromiumOptions(), logLevel: "error" as const };
  const composition = await selectComposition({ ...common, id: job.compositionId });
  await renderFrames({
    ...common,
    composition,
    imageFormat: "png",
    outputDir: job.dir,
    frameRange: job.frameRange,
    onStart: () => undefined,
    onFrameUpdate: () => undefined,
    concurrency: 1,
  });
}

export interface StillsJob {
  serveUrl: string;
  compositionId: string;
  /** A video's props, or another composition's (the contact sheet's). */
  props: VideoProps | Record<string, unknown>;
  /** Frame number and output PNG path of each still. */
  stills: { frame: number; out: string }[];
  scale?: number;
  gl?: GlBackend;
  /** Called after each still is written, with the number written so far. */
  onStill?: (done: number) => void;
}

/** Renders PNG stills with one browser; each file appears complete or not at all. */
export async function renderStills(job: StillsJob): Promise<void> {
  const gl = job.gl ?? glBackend();
  const browser: HeadlessBrowser = await openBrowser("chrome", {
    browserExecutable: browserExecutable(),
    chromiumOptions: chromiumOptions(gl),
    logLevel: "error",
  });
  try {
    const common = { serveUrl: job.serveUrl, inputProps: job.props, puppeteerInstance: browser, browserExecutable: browserExecutable(), chromiumOptions: chromiumOptions(gl), logLevel: "error" as const };
    const composition = await selectComposition({ ...common, id: job.compositionId });
    for (const [i, s] of job.stills.entries()) {
      const tmp = partialPath(s.out);
      try {
        await renderStill({ ...common, composition, frame: s.frame, output: tmp, imageFormat: "png", overwrite: true, scale: job.scale ?? 1 });
        renameSync(tmp, s.out);
      } finally {
        rmSync(tmp, { force: true });
      }
      job.onStill?.(i + 1);
    }
  } finally {
    await browser.close({ silent: true });
  }
}

/** The record written beside each video: how it was made. */
export function writeRenderRecord(out: string, record: Record<string, unknown>): string {
  const path = out.replace(/\.[^./]+$/, "") + ".json";
  writeFileAtomic(path, JSON.stringify({ remotionVersion: VERSION, ...record }, null, 2) + "\n");
  return path;
}
