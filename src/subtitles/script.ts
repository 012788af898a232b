// The narration script of a video: for every beat its frames, times and a paragraph of what it shows, true to the trace.

import { videoCues } from "../engine/cues.js";
import type { CaptionLanguage, ExplainerContext } from "../engine/explainer.js";
import { frameMs } from "./subtitles.js";

export interface ScriptBeat {
  beat: string;
  /** First and last frame of the beat (inclusive). */
  from: number;
  to: number;
  startSeconds: number;
  endSeconds: number;
  /** What the beat shows and means (the chapter's explain), then the facts its captions state. */
  text: string;
}

/** Sentences of one paragraph, joined as the language writes them. */
function paragraph(sentences: string[], lang: CaptionLanguage): string {
  const end = lang === "en" ? /[.!?]$/ : /[。！？]$/;
  return sentences.map((s) => (end.test(s) ? s : s + (lang === "en" ? "." : "。"))).join(lang === "en" ? " " : "");
}

export function videoScript(ctx: Pick<ExplainerContext, "chapters" | "timeline">, lang: CaptionLanguage): ScriptBeat[] {
  const cues = videoCues(ctx, lang);
  const fps = ctx.timeline.fps;
  return ctx.timeline.beats.map((b, i) => {
    const to = b.from + b.durationInFrames - 1;
    const facts = cues.filter((c) => c.beatIndex === i).map((c) => c.text);
    return {
      beat: b.id, from: b.from, to,
      startSeconds: frameMs(b.from, fps) / 1000, endSeconds: frameMs(to + 1, fps) / 1000,
      text: paragraph([ctx.chapters[i].explain[lang], ...facts], lang),
    };
  });
}
