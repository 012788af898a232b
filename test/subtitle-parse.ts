// SubRip and WebVTT parsed back, strictly, for tests: what a player would read.

const ms = (h: string, m: string, s: string, f: string) => ((+h * 60 + +m) * 60 + +s) * 1000 + +f;

/** SubRip parsed back, strictly: numbered blocks, "HH:MM:SS,mmm --> HH:MM:SS,mmm", one line of text, a blank line between. */
export function parseSrt(text: string): { startMs: number; endMs: number; text: string }[] {
  const blocks = text.trimEnd().split("\n\n");
  return blocks.map((b, i) => {
    const [n, times, line, ...rest] = b.split("\n");
    const m = /^(\d\d):(\d\d):(\d\d),(\d{3}) --> (\d\d):(\d\d):(\d\d),(\d{3})$/.exec(times ?? "");
    if (n !== String(i + 1) || !m || !line || rest.length) throw new Error(`bad SRT block ${i + 1}: ${JSON.stringify(b)}`);
    return { startMs: ms(m[1], m[2], m[3], m[4]), endMs: ms(m[5], m[6], m[7], m[8]), text: line };
  });
}

/** WebVTT parsed back: the WEBVTT header, then cues with "HH:MM:SS.mmm --> HH:MM:SS.mmm"; entities decoded. */
export function parseVtt(text: string): { startMs: number; endMs: number; text: string }[] {
  const [head, ...blocks] = text.trimEnd().split("\n\n");
  if (!head.startsWith("WEBVTT")) throw new Error("no WEBVTT header");
  return blocks.map((b) => {
    const lines = b.split("\n");
    const at = lines.findIndex((l) => l.includes("-->"));
    const m = /^(\d\d):(\d\d):(\d\d)\.(\d{3}) --> (\d\d):(\d\d):(\d\d)\.(\d{3})$/.exec(lines[at] ?? "");
    if (!m || lines.length !== at + 2) throw new Error(`bad WebVTT cue: ${JSON.stringify(b)}`);
    const t = lines[at + 1].replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
    return { startMs: ms(m[1], m[2], m[3], m[4]), endMs: ms(m[5], m[6], m[7], m[8]), text: t };
  });
}
