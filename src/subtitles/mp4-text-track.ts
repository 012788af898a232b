// Adds a soft subtitle track (3GPP timed text, "tx3g", which ffmpeg calls mov_text) to an MP4, leaving its other tracks' bytes as they are.
//
// The file is rewritten as: the boxes before moov, a new moov (the old one with one more trak, and
// the other traks' chunk offsets moved by however much moov grew), the boxes after it, and a new
// mdat holding the subtitle samples. Timing is in milliseconds (the track's timescale is 1000).

import type { SubtitleCue } from "./subtitles.js";

interface Box {
  type: string;
  start: number;
  size: number;
  header: number;
}

/** The boxes in buf[from, to), each with its type, position, size and header length. */
function boxes(buf: Buffer, from: number, to: number): Box[] {
  const out: Box[] = [];
  let p = from;
  while (p + 8 <= to) {
    let size = buf.readUInt32BE(p);
    let header = 8;
    if (size === 1) {
      size = Number(buf.readBigUInt64BE(p + 8));
      header = 16;
    } else if (size === 0) {
      throw new Error(`not an MP4 this can read: box ${buf.toString("latin1", p + 4, p + 8)} at ${p} runs to the end of the file (size 0)`);
    }
    if (size < header || p + size > to) throw new Error(`not an MP4 this can read: box at ${p} of size ${size} runs past ${to}`);
    out.push({ type: buf.toString("latin1", p + 4, p + 8), start: p, size, header });
    p += size;
  }
  return out;
}

const u8 = (n: number) => Buffer.from([n & 0xff]);
const u16 = (n: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
const i16 = (n: number) => { const b = Buffer.alloc(2); b.writeInt16BE(n); return b; };
const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n >>> 0); return b; };
const zeros = (n: number) => Buffer.alloc(n);
const box = (type: string, ...body: Buffer[]) => {
  const content = Buffer.concat(body);
  return Buffer.concat([u32(8 + content.length), Buffer.from(type, "latin1"), content]);
};
const fullBox = (type: string, version: number, flags: number, ...body: Buffer[]) => box(type, u8(version), u8(flags >> 16), u16(flags & 0xffff), ...body);
const MATRIX = Buffer.concat([0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000].map(u32));

/** ISO 639-2/T code packed as mdhd stores it: three 5-bit letters. */
function packLanguage(code: string): number {
  if (!/^[a-z]{3}$/.test(code)) throw new Error(`not a three-letter language code: ${code}`);
  return [...code].reduce((acc, ch) => (acc << 5) | (ch.charCodeAt(0) - 0x60), 0);
}

/**
 * The track's samples: one per cue, and an empty one for each gap, covering 0 … endMs (the movie's
 * length: a player stretches a track's last sample to the end, so the last cue must not be it).
 */
function samples(cues: readonly SubtitleCue[], endMs: number): { duration: number; data: Buffer }[] {
  const out: { duration: number; data: Buffer }[] = [];
  let t = 0;
  for (const c of cues) {
    if (c.startMs < t || c.endMs <= c.startMs) throw new Error(`subtitle cues must be in order and not overlap: ${c.startMs}–${c.endMs} after ${t}`);
    if (c.startMs > t) out.push({ duration: c.startMs - t, data: u16(0) });
    const text = Buffer.from(c.text, "utf8");
    out.push({ duration: c.endMs - c.startMs, data: Buffer.concat([u16(text.length), text]) });
    t = c.endMs;
  }
  if (endMs > t) out.push({ duration: endMs - t, data: u16(0) });
  return out;
}

/** A tx3g sample entry: bottom-centred white text, no box, one font (as ffmpeg's mov_text encoder writes). */
function tx3gEntry(): Buffer {
  const font = Buffer.from("Sans-Serif", "latin1");
  return box("tx3g",
    zeros(6), u16(1), // reserved, data reference index
    u32(0), u8(1), u8(0xff), u32(0), // display flags; horizontal: centre; vertical: bottom; background rgba
    i16(0), i16(0), i16(0), i16(0), // default text box
    u16(0), u16(0), u16(1), u8(0), u8(18), u32(0xffffffff), // style: chars 0–0, font 1, plain, 18 px, white
    box("ftab", u16(1), u16(1), u8(font.length), font));
}

function textTrak(trackId: number, movieTimescale: number, list: { duration: number; data: Buffer }[], language: string, dataOffset: number): Buffer {
  const durationMs = list.reduce((s, x) => s + x.duration, 0);
  const movieDuration = Math.round((durationMs * movieTimescale) / 1000);
  const stts: [number, number][] = [];
  for (const s of list) {
    const last = stts[stts.length - 1];
    if (last && last[1] === s.duration) last[0]++;
    else stts.push([1, s.duration]);
  }
  const stbl = box("stbl",
    fullBox("stsd", 0, 0, u32(1), tx3gEntry()),
    fullBox("stts", 0, 0, u32(stts.length), ...stts.flatMap(([n, d]) => [u32(n), u32(d)])),
    fullBox("stsc", 0, 0, u32(1), u32(1), u32(list.length), u32(1)),
    fullBox("stsz", 0, 0, u32(0), u32(list.length), ...list.map((s) => u32(s.data.length))),
    fullBox("stco", 0, 0, u32(1), u32(dataOffset)));
  const minf = box("minf", fullBox("nmhd", 0, 0), box("dinf", fullBox("dref", 0, 0, u32(1), fullBox("url ", 0, 1))), stbl);
  const hdlrName = Buffer.from("SubtitleHandler\0", "latin1");
  const mdia = box("mdia",
    fullBox("mdhd", 0, 0, u32(0), u32(0), u32(1000), u32(durationMs), u16(packLanguage(language)), u16(0)),
    fullBox("hdlr", 0, 0, u32(0), Buffer.from("sbtl", "latin1"), zeros(12), hdlrName),
    minf);
  const tkhd = fullBox("tkhd", 0, 0x3, u32(0), u32(0), u32(trackId), u32(0), u32(movieDuration), zeros(8), u16(0), u16(0), u16(0), u16(0), MATRIX, u32(0), u32(0));
  return box("trak", tkhd, mdia);
}

/** The payload bytes of every stco / co64 box under `b` (recursing into containers), for offset fixes. */
function chunkOffsetBoxes(buf: Buffer, b: Box, out: Box[] = []): Box[] {
  const CONTAINERS = new Set(["moov", "trak", "mdia", "minf", "stbl", "edts"]);
  if (b.type === "stco" || b.type === "co64") out.push(b);
  else if (CONTAINERS.has(b.type)) for (const c of boxes(buf, b.start + b.header, b.start + b.size)) chunkOffsetBoxes(buf, c, out);
  return out;
}

/**
 * The MP4 in `mp4` with a timed-text subtitle track of `cues` (tagged with ISO 639-2/T `language`)
 * added. The video's samples are the same bytes; only their offsets in the file move.
 */
export function withTextTrack(mp4: Buffer, cues: readonly SubtitleCue[], language: string): Buffer {
  const top = boxes(mp4, 0, mp4.length);
  const moovBox = top.find((b) => b.type === "moov");
  if (!moovBox) throw new Error("not an MP4 this can read: no moov box");
  const moov = Buffer.from(mp4.subarray(moovBox.start, moovBox.start + moovBox.size));
  if (moovBox.header !== 8) throw new Error("not an MP4 this can read: a 64-bit moov box");
  const local: Box = { ...moovBox, start: 0 };
  const kids = boxes(moov, 8, moov.length);
  const mvhd = kids.find((b) => b.type === "mvhd");
  if (!mvhd) throw new Error("not an MP4 this can read: no mvhd box");
  const v1 = moov[mvhd.start + 8] === 1;
  const timescale = moov.readUInt32BE(mvhd.start + 8 + 4 + (v1 ? 16 : 8));
  const at = mvhd.start + 8 + 4 + (v1 ? 20 : 12);
  const movieMs = Math.round(((v1 ? Number(moov.readBigUInt64BE(at)) : moov.readUInt32BE(at)) * 1000) / timescale);
  const list = samples(cues, movieMs);
  const nextIdAt = mvhd.start + mvhd.size - 4;
  const trackId = moov.readUInt32BE(nextIdAt);
  moov.writeUInt32BE(trackId + 1, nextIdAt);

  // the trak's size does not depend on its data offset, so build it once to learn the growth
  const grow = textTrak(trackId, timescale, list, language, 0).length;
  const before = moovBox.start;
  const after = mp4.length - (moovBox.start + moovBox.size);
  const dataOffset = before + moov.length + grow + after + 8;
  if (dataOffset > 0xffffffff) throw new Error(`a video of ${mp4.length} bytes is past what a 32-bit subtitle chunk offset can point into (4 GiB)`);
  for (const b of chunkOffsetBoxes(moov, local)) {
    const n = moov.readUInt32BE(b.start + b.header + 4);
    for (let i = 0; i < n; i++) {
      if (b.type === "stco") {
        const at = b.start + b.header + 8 + 4 * i;
        const o = moov.readUInt32BE(at);
        if (o > moovBox.start) moov.writeUInt32BE(o + grow, at);
      } else {
        const at = b.start + b.header + 8 + 8 * i;
        const o = moov.readBigUInt64BE(at);
        if (o > BigInt(moovBox.start)) moov.writeBigUInt64BE(o + BigInt(grow), at);
      }
    }
  }
  moov.writeUInt32BE(moov.length + grow, 0);
  const trak = textTrak(trackId, timescale, list, language, dataOffset);
  const data = Buffer.concat(list.map((s) => s.data));
  return Buffer.concat([
    mp4.subarray(0, before), moov, trak, mp4.subarray(moovBox.start + moovBox.size), u32(8 + data.length), Buffer.from("mdat", "latin1"), data,
  ]);
}
