// Caption cues in whole frames: each beat's cues (from its chapter) placed at their clips, covering the beat exactly once.

import type { CaptionLanguage, ExplainerContext } from "./explainer.js";
import type { CaptionPart } from "./scene-types.js";

/** One caption line of a beat; `at` names the beat's clip it starts with (the first cue starts with the beat). */
export interface CaptionCue {
  parts: CaptionPart[];
  at?: string;
}

export interface TimedCue {
  beat: string;
  beatIndex: number;
  /** First and last frame (inclusive) the cue is shown. */
  from: number;
  to: number;
  parts: CaptionPart[];
  text: string;
}

export const cueText = (parts: readonly CaptionPart[]) => parts.map((p) => p.text).join("");

/** Reading speed a cue is given time for (characters per second; Chinese characters carry more), and the least time any cue stays. */
export const READ = { en: 20, zh: 9, minSeconds: 1 };

/** Frames a viewer needs to read a cue's text. */
export const readFrames = (text: string, lang: CaptionLanguage, fps: number) => Math.ceil(fps * Math.max(READ.minSeconds, text.length / READ[lang]));

/**
 * The cues of beat `beatIndex`, each from its clip's first frame to the frame before the next cue.
 * A cue too short to read starts earlier, as far as the cue before it keeps a second (or its own
 * reading time, if shorter); a cue left no frame at all is dropped.
 */
export function beatCues(ctx: Pick<ExplainerContext, "chapters" | "timeline">, beatIndex: number, lang: CaptionLanguage): TimedCue[] {
  const beat = ctx.timeline.beats[beatIndex];
  const end = beat.from + beat.durationInFrames - 1;
  const chapter = ctx.chapters[beatIndex];
  const placed: { from: number; parts: CaptionPart[] }[] = [];
  let clipStart = -Infinity;
  for (const [i, cue] of (chapter.caption(ctx as ExplainerContext, lang) as CaptionCue[]).entries()) {
    let from = beat.from;
    if (i > 0) {
      const clip = cue.at === undefined ? undefined : ctx.timeline.clips[`${chapter.id}.${cue.at}`];
      if (!clip) throw new Error(`caption cue ${i} of ${chapter.id} needs the clip it starts with: got ${JSON.stringify(cue.at)}`);
      if (clip.start < clipStart) throw new Error(`caption cue ${i} of ${chapter.id} starts at clip ${cue.at}, before the cue before it`);
      clipStart = clip.start;
      from = Math.round(clip.start);
    }
    // at short lengths two clips can round to one frame: the earlier cue keeps it
    const last = placed[placed.length - 1];
    if (last && from <= last.from) continue;
    if (from > end) continue;
    placed.push({ from, parts: cue.parts });
  }
  const fps = ctx.timeline.fps;
  const need = placed.map((c) => readFrames(cueText(c.parts), lang, fps));
  let next = end + 1;
  for (let i = placed.length - 1; i >= 1; i--) {
    const floor = placed[i - 1].from + Math.min(need[i - 1], Math.ceil(fps * READ.minSeconds));
    const from = Math.max(floor, Math.min(placed[i].from, next - need[i]));
    if (from >= next) placed.splice(i, 1);
    else next = placed[i].from = from;
  }
  return placed.map((c, i) => ({
    beat: beat.id, beatIndex, from: c.from, to: i + 1 < placed.length ? placed[i + 1].from - 1 : end, parts: c.parts, text: cueText(c.parts),
  }));
}

const cache = new WeakMap<object, Partial<Record<CaptionLanguage, TimedCue[]>>>();

/** Every cue of the video in frame order (computed once per context and language). */
export function videoCues(ctx: Pick<ExplainerContext, "chapters" | "timeline">, lang: CaptionLanguage): TimedCue[] {
  const byLang = cache.get(ctx) ?? {};
  cache.set(ctx, byLang);
  return (byLang[lang] ??= ctx.timeline.beats.flatMap((_, i) => beatCues(ctx, i, lang)));
}

/**
 * The cue shown at `frame` and its opacity: the caption fades in at its beat's start and out at its
 * end (over at most a quarter of the cue); between two cues of a beat the text changes in place.
 */
export function cueAt(cues: readonly TimedCue[], frame: number, fadeFrames: number): { cue: TimedCue; opacity: number } | null {
  const i = cues.findIndex((c) => frame >= c.from && frame <= c.to);
  if (i < 0) return null;
  const cue = cues[i];
  const fade = Math.max(1, Math.min(fadeFrames, (cue.to - cue.from + 1) / 4));
  const opensBeat = cues[i - 1]?.beatIndex !== cue.beatIndex;
  const closesBeat = cues[i + 1]?.beatIndex !== cue.beatIndex;
  const fadeIn = opensBeat ? (frame - cue.from) / fade : 1;
  const fadeOut = closesBeat ? (cue.to - frame) / fade : 1;
  return { cue, opacity: Math.max(0, Math.min(1, fadeIn, fadeOut)) };
}

/** Every cue's text, joined: what the fonts of a captioned video must cover. */
export const captionsText = (ctx: Pick<ExplainerContext, "chapters" | "timeline">, lang: CaptionLanguage) => videoCues(ctx, lang).map((c) => c.text).join(" ");

/** The median reading rate of the cues, in characters per second of the time each is shown (0 without cues). */
export function medianReadingRate(cues: readonly TimedCue[], fps: number): number {
  const rates = cues.map((c) => c.text.length / ((c.to - c.from + 1) / fps)).sort((a, b) => a - b);
  if (rates.length === 0) return 0;
  const mid = rates.length >> 1;
  return rates.length % 2 ? rates[mid] : (rates[mid - 1] + rates[mid]) / 2;
}
