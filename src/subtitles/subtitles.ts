// Subtitles from a video's caption cues: times in whole milliseconds from whole frames, as SubRip (.srt) and WebVTT (.vtt).

import type { TimedCue } from "../engine/cues.js";
import type { CaptionLanguage } from "../engine/explainer.js";

export interface SubtitleCue {
  /** Start and end in milliseconds from the first rendered frame: frame ÷ fps, rounded to the millisecond. */
  startMs: number;
  endMs: number;
  text: string;
}

/** The ISO 639-2/T code a subtitle track is tagged with (what an MP4's mdhd box and players read). */
export const TRACK_LANGUAGE: Record<CaptionLanguage, string> = { en: "eng", zh: "zho" };

/** Milliseconds at the start of frame `frame` (counted from `first`). */
export const frameMs = (frame: number, fps: number, first = 0) => Math.round(((frame - first) * 1000) / fps);

/**
 * The cues shown in frames [a, b] (the whole video by default), clipped to it and timed from
 * frame a: a cue from frame f to frame g (inclusive) runs from f ÷ fps to (g + 1) ÷ fps.
 */
export function subtitleCues(cues: readonly TimedCue[], fps: number, range?: [number, number]): SubtitleCue[] {
  const [a, b] = range ?? [0, Infinity];
  return cues
    .filter((c) => c.to >= a && c.from <= b)
    .map((c) => ({ startMs: frameMs(Math.max(c.from, a), fps, a), endMs: frameMs(Math.min(c.to, b) + 1, fps, a), text: c.text }));
}

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** "HH:MM:SS<sep>mmm". */
export function timestamp(ms: number, sep: "," | "."): string {
  const h = Math.floor(ms / 3_600_000);
  const m = Math.floor((ms % 3_600_000) / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${pad(h)}:${pad(m)}:${pad(s)}${sep}${pad(ms % 1000, 3)}`;
}

/** A cue's text on one line: no line breaks inside a cue, and nothing a subtitle format would read as markup or a cue's end. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, " ").replace(/-->/g, "→");

export function toSrt(cues: readonly SubtitleCue[]): string {
  return cues.map((c, i) => `${i + 1}\n${timestamp(c.startMs, ",")} --> ${timestamp(c.endMs, ",")}\n${oneLine(c.text)}\n`).join("\n");
}

export function toVtt(cues: readonly SubtitleCue[], lang: CaptionLanguage): string {
  const escape = (t: string) => oneLine(t).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = cues.map((c, i) => `${i + 1}\n${timestamp(c.startMs, ".")} --> ${timestamp(c.endMs, ".")}\n${escape(c.text)}\n`).join("\n");
  return `WEBVTT\nLanguage: ${lang}\n\n${body}`;
}

/** X.srt and X.vtt beside X.mp4: the same base name, the extension replaced. */
export const sidecarPaths = (video: string) => {
  const base = video.replace(/\.[^./]+$/, "");
  return { srt: `${base}.srt`, vtt: `${base}.vtt` };
};
