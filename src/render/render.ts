// Node-API rendering: bundle once, then render videos and stills, writing to temporary files renamed into place.

import { mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { bundle } from "@remotion/bundler";
import { type HeadlessBrowser, openBrowser, renderMedia, renderStill, selectComposition } from "@remotion/renderer";
import { VERSION } from "remotion/version";
import type { ExplainerProps } from "../story/props.js";
import { writeFileAtomic } from "../util/files.js";
import {
  browserExecutable, chromiumOptions, ENTRY_POINT, type GlBackend, glBackend, PUBLIC_DIR, VIDEO, webpackOverride,
} from "./settings.js";

export interface Bundle {
  serveUrl: string;
  /** Removes the bundle folder. */
  cleanup(): void;
}

/** Bundles the compositions once into a fresh temporary folder. */
export async function bundleProject(onProgress?: (percent: number) => void): Promise<Bundle> {
  const outDir = mkdtempSync(join(tmpdir(), "abacus-bundle-"));
  try {
    const serveUrl = await bundle({ entryPoint: ENTRY_POINT, publicDir: PUBLIC_DIR, webpackOverride, outDir, onProgress });
    return { serveUrl, cleanup: () => rmSync(outDir, { recursive: true, force: true }) };
  } catch (err) {
    rmSync(outDir, { recursive: true, force: true });
    throw err;
  }
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
  props: ExplainerProps;
  out: string;
  frameRange?: [number, number] | null;
  scale?: number;
  concurrency?: number;
  gl?: GlBackend;
  onProgress?: (p: { renderedFrames: number; encodedFrames: number; totalFrames: number }) => void;
  cancelSignal?: Parameters<typeof renderMedia>[0]["cancelSignal"];
}

export interface VideoResult {
  frames: number;
  fps: number;
  width: number;
  height: number;
}

export async function renderVideo(job: VideoJob): Promise<VideoResult> {
  const gl = job.gl ?? glBackend();
  const common = {
    serveUrl: job.serveUrl,
    inputProps: job.props,
    browserExecutable: browserExecutable(),
    chromiumOptions: chromiumOptions(gl),
    logLevel: "error" as const,
  };
  const composition = await selectComposition({ ...common, id: job.compositionId });
  const [a, b] = job.frameRange ?? [0, composition.durationInFrames - 1];
  const totalFrames = b - a + 1;
  const tmp = partialPath(job.out);
  try {
    await renderMedia({
      ...common,
      composition,
      codec: VIDEO.codec,
      pixelFormat: VIDEO.pixelFormat,
      colorSpace: VIDEO.colorSpace,
      imageFormat: VIDEO.imageFormat,
      jpegQuality: VIDEO.jpegQuality,
      outputLocation: tmp,
      overwrite: true,
      frameRange: job.frameRange ?? null,
      scale: job.scale ?? 1,
      concurrency: job.concurrency ?? 1,
      cancelSignal: job.cancelSignal,
      onProgress: (p) => job.onProgress?.({ renderedFrames: p.renderedFrames, encodedFrames: p.encodedFrames, totalFrames }),
    });
    renameSync(tmp, job.out);
  } finally {
    rmSync(tmp, { force: true });
  }
  return {
    frames: totalFrames,
    fps: composition.fps,
    width: Math.round(composition.width * (job.scale ?? 1)),
    height: Math.round(composition.height * (job.scale ?? 1)),
  };
}

export interface StillsJob {
  serveUrl: string;
  compositionId: string;
  props: ExplainerProps;
  /** Frame number and output PNG path of each still. */
  stills: { frame: number; out: string }[];
  scale?: number;
  gl?: GlBackend;
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
    for (const s of job.stills) {
      const tmp = partialPath(s.out);
      try {
        await renderStill({ ...common, composition, frame: s.frame, output: tmp, imageFormat: "png", overwrite: true, scale: job.scale ?? 1 });
        renameSync(tmp, s.out);
      } finally {
        rmSync(tmp, { force: true });
      }
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
