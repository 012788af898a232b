// The MP4 timed-text writer on hand-built files: moov before and after mdat, chunk offsets moved, samples where stco says.
import { describe, expect, it } from "vitest";
import { withTextTrack } from "../src/subtitles/mp4-text-track.js";

const u32 = (n: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(n); return b; };
const box = (type: string, ...body: Buffer[]) => { const c = Buffer.concat(body); return Buffer.concat([u32(8 + c.length), Buffer.from(type, "latin1"), c]); };
const full = (type: string, ...body: Buffer[]) => box(type, u32(0), ...body);

/** mvhd (version 0, timescale 1000, duration 3000 ms, next track id 2). */
const mvhd = () => full("mvhd", u32(0), u32(0), u32(1000), u32(3000), u32(0x00010000), Buffer.alloc(2 + 10 + 36 + 24), u32(2));
/** A one-track movie whose stco points at `offsets`. */
const moov = (offsets: number[]) => box("moov", mvhd(), box("trak", box("mdia", box("minf", box("stbl", full("stco", u32(offsets.length), ...offsets.map(u32)))))));

/** The top-level boxes of a file: type and start. */
function top(buf: Buffer): { type: string; start: number; size: number }[] {
  const out = [];
  for (let p = 0; p < buf.length; p += buf.readUInt32BE(p)) out.push({ type: buf.toString("latin1", p + 4, p + 8), start: p, size: buf.readUInt32BE(p) });
  return out;
}

/** Every stco's offsets in file order, found by their tag (these files hold nothing else that spells it). */
function stcoOffsets(buf: Buffer): number[][] {
  const out: number[][] = [];
  for (let p = buf.indexOf("stco"); p >= 0; p = buf.indexOf("stco", p + 4)) {
    const n = buf.readUInt32BE(p + 8);
    out.push(Array.from({ length: n }, (_, i) => buf.readUInt32BE(p + 12 + 4 * i)));
  }
  return out;
}

const ftyp = box("ftyp", Buffer.from("isom"), u32(0));
const payload = Buffer.from("VIDEO-CHUNK-A|VIDEO-CHUNK-B");
const cues = [{ startMs: 500, endMs: 1500, text: "“the” looks most at “on”" }, { startMs: 1500, endMs: 2000, text: "第 二" }];

describe("withTextTrack", () => {
  for (const layout of ["moov first", "moov last"] as const) {
    it(`adds a tx3g track and keeps the video's samples where its offsets point (${layout})`, () => {
      // mdat payload starts after its 8-byte header; chunk B 14 bytes later
      const build = (moovFirst: boolean) => {
        const mdatAt = ftyp.length + (moovFirst ? moov([0, 0]).length : 0);
        const m = moov([mdatAt + 8, mdatAt + 8 + 14]);
        return moovFirst ? Buffer.concat([ftyp, m, box("mdat", payload)]) : Buffer.concat([ftyp, box("mdat", payload), m]);
      };
      const src = build(layout === "moov first");
      const out = withTextTrack(src, cues, "eng");
      expect(top(out).map((b) => b.type)).toEqual(layout === "moov first" ? ["ftyp", "moov", "mdat", "mdat"] : ["ftyp", "mdat", "moov", "mdat"]);
      const [video, text] = stcoOffsets(out);
      expect(out.toString("latin1", video[0], video[0] + 13)).toBe("VIDEO-CHUNK-A");
      expect(out.toString("latin1", video[1], video[1] + 13)).toBe("VIDEO-CHUNK-B");
      // samples: a gap (0–500), the two cues, and an empty one to the movie's end (2000–3000)
      const texts: string[] = [];
      let p = text[0];
      for (let i = 0; i < 4; i++) {
        const n = out.readUInt16BE(p);
        texts.push(out.toString("utf8", p + 2, p + 2 + n));
        p += 2 + n;
      }
      expect(texts).toEqual(["", cues[0].text, cues[1].text, ""]);
      expect(p).toBe(out.length);
      // mvhd's next track id, its last field, moves on from 2 to 3
      const next = out.indexOf("mvhd") - 4 + out.readUInt32BE(out.indexOf("mvhd") - 4) - 4;
      expect(out.readUInt32BE(next)).toBe(3);
      // the new trak: track id 2, language "eng" packed in mdhd, handler sbtl, a tx3g entry
      expect(out.includes("tx3g")).toBe(true);
      expect(out.includes("sbtl")).toBe(true);
      const mdhd = out.indexOf("mdhd");
      expect(out.readUInt32BE(mdhd + 4 + 12)).toBe(1000);
      expect(out.readUInt32BE(mdhd + 4 + 16)).toBe(3000);
      const lang = out.readUInt16BE(mdhd + 4 + 20);
      expect(String.fromCharCode(((lang >> 10) & 31) + 0x60, ((lang >> 5) & 31) + 0x60, (lang & 31) + 0x60)).toBe("eng");
    });
  }

  it("refuses what it cannot rewrite: no moov, overlapping cues, a box running to the end of the file", () => {
    expect(() => withTextTrack(Buffer.concat([ftyp, box("mdat", payload)]), cues, "eng")).toThrow(/no moov/);
    const ok = Buffer.concat([ftyp, moov([0]), box("mdat", payload)]);
    expect(() => withTextTrack(ok, [cues[1], cues[0]], "eng")).toThrow(/in order/);
    const open = Buffer.concat([ftyp, moov([0]), u32(0), Buffer.from("mdat"), payload]);
    expect(() => withTextTrack(open, cues, "eng")).toThrow(/size 0/);
  });
});
