// The contact sheet's rules without a browser: the middle-frame rule, tile sizes, the grid, labels, title lines, the layout.
import { describe, expect, it } from "vitest";
import {
  middleFrame, propsSummary, sheetColumns, sheetFrames, sheetLayout, tileLabel, tileScale, tileSize, wrapParts,
} from "../compositions/ContactSheet/layout.js";
import { calculateContactSheetMetadata, CONTACT_SHEET_DEFAULTS } from "../compositions/ContactSheet/ContactSheet.js";
import { durationInFrames } from "../src/engine/props.js";
import type { TimelineBeat } from "../src/engine/timeline.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { readModel } from "../src/model/files.js";

const model = readModel();

describe("the middle frame of a beat", () => {
  it("is from + floor(length / 2)", () => {
    expect(middleFrame({ from: 0, durationInFrames: 60 })).toBe(30);
    expect(middleFrame({ from: 135, durationInFrames: 120 })).toBe(195);
    expect(middleFrame({ from: 10, durationInFrames: 7 })).toBe(13);
    expect(middleFrame({ from: 5, durationInFrames: 1 })).toBe(5);
  });

  it("gives the flagship's tiles with its default props: one per beat, in order", () => {
    const ctx = LLMExplainer.context(LLMExplainer.defaults, model);
    expect(sheetFrames(ctx.timeline.beats)).toEqual([
      { beat: "tokens", frame: 30 }, { beat: "embed", frame: 97 }, { beat: "attention", frame: 195 }, { beat: "mlp", frame: 300 },
      { beat: "depth", frame: 375 }, { beat: "output", frame: 442 }, { beat: "append", frame: 510 },
    ]);
  });

  it("lies inside its beat for every explainer, at default and short lengths", () => {
    for (const ex of EXPLAINERS) {
      for (const json of [{}, { durationInSeconds: 6, fps: 10 }]) {
        const props = ex.parse(json);
        const beats: TimelineBeat[] = ex.context(props, model).timeline.beats;
        const frames = sheetFrames(beats);
        expect(frames.map((f) => f.beat), ex.id).toEqual(beats.map((b) => b.id));
        for (const [i, b] of beats.entries()) {
          expect(frames[i].frame, `${ex.id} ${b.id}`).toBeGreaterThanOrEqual(b.from);
          expect(frames[i].frame, `${ex.id} ${b.id}`).toBeLessThan(b.from + b.durationInFrames);
        }
        expect(frames.at(-1)!.frame).toBeLessThan(durationInFrames(props));
      }
    }
  });
});

describe("tiles", () => {
  it("are about 960×540: half size at 1080p, portrait for portrait videos, never larger than the video", () => {
    expect(tileScale(1920, 1080)).toBe(0.5);
    expect(tileSize(1920, 1080)).toEqual({ width: 960, height: 540 });
    expect(tileSize(1080, 1920)).toEqual({ width: 540, height: 960 });
    expect(tileSize(3840, 2160)).toEqual({ width: 960, height: 540 });
    expect(tileSize(1280, 720)).toEqual({ width: 960, height: 540 });
    expect(tileScale(640, 360)).toBe(1);
    expect(tileSize(640, 360)).toEqual({ width: 640, height: 360 });
    expect(tileSize(160, 90)).toEqual({ width: 160, height: 90 });
  });

  it("are labelled with their beat and frame", () => {
    expect(tileLabel({ beat: "attention", frame: 195 })).toBe("attention · frame 195");
  });
});

describe("the grid", () => {
  it("has at most 3 columns for landscape videos and 5 for portrait ones, rows as even as can be", () => {
    const landscape = (n: number) => sheetColumns(n, 1920, 1080);
    const portrait = (n: number) => sheetColumns(n, 1080, 1920);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(landscape)).toEqual([1, 2, 3, 2, 3, 3, 3, 3, 3, 3]);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map(portrait)).toEqual([1, 2, 3, 4, 5, 3, 4, 4, 5, 5]);
    expect(sheetColumns(7, 1080, 1080)).toBe(3);
    expect(sheetColumns(0, 1920, 1080)).toBe(1);
  });

  const sheet = (n: number, tileWidth = 960, tileHeight = 540, columns = sheetColumns(n, tileWidth, tileHeight)) => ({
    summary: ['"the cat sat on the"', "1920×1080", "30 fps"], tileWidth, tileHeight, columns, tiles: Array.from({ length: n }, () => null),
  });

  it("is sized from the tiles: 7 tiles of 960×540 give 3 columns and 3 rows", () => {
    const l = sheetLayout(sheet(7));
    expect(l.gap).toBe(24);
    expect(l.width).toBe(3 * 960 + 4 * 24);
    expect(l.cells).toHaveLength(7);
    expect(new Set(l.cells.map((c) => c.tile.x)).size).toBe(3);
    expect(new Set(l.cells.map((c) => c.tile.y)).size).toBe(3);
    expect(l.height).toBe(2 * Math.ceil((l.cells[6].label.y + l.cells[6].label.height + l.gap) / 2)); // rounded up to even
    expect(l.width % 2).toBe(0);
    expect(l.height % 2).toBe(0);
  });

  it("puts every tile and its label inside the sheet, below the title, without overlaps; each label right under its tile", () => {
    for (const [n, w, h] of [[7, 960, 540], [5, 960, 540], [10, 540, 960], [7, 540, 960], [1, 160, 90], [8, 640, 360]]) {
      const l = sheetLayout(sheet(n, w, h));
      const rects = l.cells.flatMap((c) => [c.tile, c.label]);
      const headerBottom = l.summaryY + l.summaryLines.length * l.summaryPx * l.lineHeight;
      for (const c of l.cells) {
        expect(c.tile).toMatchObject({ width: w, height: h });
        expect(c.label.x).toBe(c.tile.x);
        expect(c.label.y).toBe(c.tile.y + c.tile.height);
        expect(c.label.height).toBeGreaterThan(l.labelPx);
        expect(c.tile.y).toBeGreaterThanOrEqual(headerBottom);
      }
      for (const r of rects) {
        expect(r.x).toBeGreaterThanOrEqual(l.gap);
        expect(r.y).toBeGreaterThanOrEqual(l.gap);
        expect(r.x + r.width).toBeLessThanOrEqual(l.width - l.gap);
        expect(r.y + r.height).toBeLessThanOrEqual(l.height - l.gap);
      }
      for (const [i, a] of rects.entries()) {
        for (const b of rects.slice(i + 1)) {
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${n} tiles of ${w}x${h}: ${JSON.stringify(a)} and ${JSON.stringify(b)}`).toBe(true);
        }
      }
    }
  });

  it("scales its text with the tiles, never below half size", () => {
    expect(sheetLayout(sheet(7, 960, 540)).labelPx).toBe(26);
    expect(sheetLayout(sheet(7, 540, 960)).labelPx).toBe(26);
    expect(sheetLayout(sheet(7, 160, 90)).labelPx).toBe(13);
  });

  it("gives Remotion its size through calculateMetadata: one frame", () => {
    const props = { ...CONTACT_SHEET_DEFAULTS, tiles: Array.from({ length: 7 }, (_, i) => ({ src: "", beat: `b${i}`, frame: i })) };
    const l = sheetLayout(props);
    expect(calculateContactSheetMetadata({ props })).toEqual({ width: l.width, height: l.height, fps: 30, durationInFrames: 1 });
  });
});

describe("the title", () => {
  it("summarises the props: prompt, size, fps, length, then every other field", () => {
    const parts = propsSummary(LLMExplainer.defaults, 540);
    expect(parts).toEqual([
      '"the cat sat on the"', "1920×1080", "30 fps", "18 s (540 frames)", "theme pastel", "captions off", "focusLayer 0", "focusHead 0", "topK 5",
    ]);
  });

  it("quotes strings with spaces and leaves out fields that are not set", () => {
    expect(propsSummary({ prompt: "the cat", theme: "dark", title: "My video", note: undefined, fps: 24 }, 240)).toEqual(['"the cat"', "24 fps", "theme dark", 'title "My video"']);
  });

  it("wraps the summary at parts, each line within the budget", () => {
    const parts = ["aaaa", "bbbb", "cccc", "dddd"];
    expect(wrapParts(parts, 100)).toEqual(["aaaa · bbbb · cccc · dddd"]);
    expect(wrapParts(parts, 11)).toEqual(["aaaa · bbbb", "cccc · dddd"]);
    expect(wrapParts(parts, 3)).toEqual(["aaaa", "bbbb", "cccc", "dddd"]);
    expect(wrapParts([], 10)).toEqual([]);
    // a part longer than a line breaks between its words
    expect(wrapParts(["x", '"the cat sat on the mat"', "30 fps"], 12)).toEqual(['x · "the cat', "sat on the", 'mat"', "30 fps"]);
  });

  it("takes as many lines as a long prompt needs on a narrow sheet, and the tiles move down", () => {
    const long = Array(16).fill("the cat sat on the mat").join(" ");
    const base = { tileWidth: 540, tileHeight: 960, columns: 1, tiles: [null] };
    const short = sheetLayout({ ...base, summary: ['"the cat"'] });
    const wrapped = sheetLayout({ ...base, summary: [JSON.stringify(long), "1080×1920", "30 fps", "18 s (540 frames)"] });
    expect(short.summaryLines).toHaveLength(1);
    expect(wrapped.summaryLines.length).toBeGreaterThan(2);
    const budget = Math.floor((wrapped.width - 2 * wrapped.gap) / (wrapped.summaryPx * 0.58));
    for (const line of wrapped.summaryLines) expect(line.length).toBeLessThanOrEqual(budget);
    expect(wrapped.summaryLines.join(" ")).toContain("the cat sat on the mat the cat");
    expect(wrapped.cells[0].tile.y).toBeGreaterThan(short.cells[0].tile.y);
  });
});
