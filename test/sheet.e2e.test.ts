// `abacus sheet` end to end: a real contact sheet of a small video (size from the PNG header, tiles that are the
// beats' middle frames, labels drawn), and bad input that exits 2 before rendering, writing nothing.
import { execFile, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { propsSummary, sheetColumns, sheetFrames, sheetLayout, tileSize } from "../compositions/ContactSheet/layout.js";
import { durationInFrames } from "../src/engine/props.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { readModel } from "../src/model/files.js";
import { type Bundle, bundleProject, renderStills } from "../src/render/render.js";
import { BIN, listDir, ROOT, tempDir as makeTempDir } from "./helpers.js";
import { pngPixels, psnr, type Rgb } from "./media.js";

const SMALL = { width: 640, height: 360, durationInSeconds: 6, fps: 10 };

/** Temporary folders, all removed when the file's tests are done. */
const made: string[] = [];
const tempDir = (prefix: string) => {
  const d = makeTempDir(prefix);
  made.push(d);
  return d;
};
afterAll(() => {
  for (const d of made) {
    rmSync(d, { recursive: true, force: true });
  }
});

function sheetCli(args: string[], env: NodeJS.ProcessEnv = {}) {
  const tmp = tempDir("abacus-sheet-tmp-");
  const r = spawnSync(process.execPath, [BIN, "sheet", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TMPDIR: tmp, ...env }, timeout: 240_000 });
  // (tsx keeps its compile cache in the temporary folder: not ours)
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, leftovers: listDir(tmp).filter((f) => !f.startsWith("tsx-")) };
}

/** The same, asynchronously: the bad-input cases run side by side. */
function sheetCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ReturnType<typeof sheetCli>> {
  const tmp = tempDir("abacus-sheet-tmp-");
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, "sheet", ...args], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TMPDIR: tmp, ...env }, timeout: 120_000 }, (_err, stdout, stderr) => {
      resolve({ code: child.exitCode, stdout, stderr, leftovers: listDir(tmp).filter((f) => !f.startsWith("tsx-")) });
    });
  });
}

/** Width and height from the PNG's IHDR chunk (the first chunk, right after the 8-byte signature). */
function pngSize(file: string): { width: number; height: number } {
  const b = readFileSync(file);
  expect(b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), "PNG signature").toBe(true);
  expect(b.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function crop(img: Rgb, r: { x: number; y: number; width: number; height: number }): Rgb {
  const data = Buffer.alloc(r.width * r.height * 3);
  for (let y = 0; y < r.height; y++) img.data.copy(data, y * r.width * 3, ((r.y + y) * img.width + r.x) * 3, ((r.y + y) * img.width + r.x + r.width) * 3);
  return { width: r.width, height: r.height, data };
}

/** Standard deviation of the luminance, 0..255. */
function lumaStd(img: Rgb): number {
  let s = 0;
  let s2 = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const v = 0.2126 * img.data[3 * i] + 0.7152 * img.data[3 * i + 1] + 0.0722 * img.data[3 * i + 2];
    s += v;
    s2 += v * v;
  }
  return Math.sqrt(Math.max(0, s2 / n - (s / n) ** 2));
}

describe("abacus sheet with the real browser", () => {
  let bundle: Bundle;
  let dir: string;
  beforeAll(async () => {
    bundle = await bundleProject();
    dir = tempDir("abacus-sheet-e2e-");
  }, 300_000);
  afterAll(() => bundle?.cleanup());

  it("writes one PNG: every beat's middle frame as a labelled tile, in a grid sized by the layout", async () => {
    const out = join(dir, "sheet", "small.png");
    const r = sheetCli(["--props", JSON.stringify(SMALL), "--out", out], { ABACUS_SERVE_URL: bundle.serveUrl });
    expect(r.code, r.stderr).toBe(0);
    expect(r.leftovers, "no temporary files").toEqual([]);
    expect(listDir(join(dir, "sheet")), "only the sheet: no partial file, no tiles").toEqual(["small.png"]);

    // the tiles and the size the layout gives for these props
    const props = LLMExplainer.parse(SMALL);
    const frames = sheetFrames(LLMExplainer.context(props, readModel()).timeline.beats);
    expect(frames).toHaveLength(7);
    expect(r.stderr).toContain(`tiles 7/7 (100%) append (frame ${frames[6].frame})`);
    expect(r.stderr).toMatch(/sheet 1\/1/);
    const tile = tileSize(640, 360);
    const layout = sheetLayout({ summary: propsSummary(props, durationInFrames(props)), tileWidth: tile.width, tileHeight: tile.height, columns: sheetColumns(7, 640, 360), tiles: frames });
    const size = pngSize(out);
    expect(size).toEqual({ width: layout.width, height: layout.height });
    expect(r.stdout).toMatch(new RegExp(`^wrote .*small\\.png \\(7 tiles of 640x360, ${layout.width}x${layout.height}, [\\d.]+ MB\\)\\n$`));

    const img = pngPixels(out, size.width, size.height);
    const tiles = layout.cells.map((c) => crop(img, c.tile));
    for (const [i, t] of tiles.entries()) expect(lumaStd(t), `tile ${i} (${frames[i].beat}) is not blank`).toBeGreaterThan(4);
    for (const [i, c] of layout.cells.entries()) expect(lumaStd(crop(img, c.label)), `label ${i} is drawn`).toBeGreaterThan(8);
    for (let i = 1; i < tiles.length; i++) expect(psnr(tiles[i - 1], tiles[i]), `tiles ${i - 1} and ${i} differ`).toBeLessThan(30);

    // a tile is the still of its beat's middle frame, drawn 1:1
    const refs = [2, 5].map((i) => ({ i, frame: frames[i].frame, out: join(dir, `ref-${frames[i].frame}.png`) }));
    await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, stills: refs });
    for (const ref of refs) {
      const still = pngPixels(ref.out, 640, 360);
      const own = psnr(tiles[ref.i], still);
      const others = Math.max(...tiles.filter((_, j) => j !== ref.i).map((t) => psnr(t, still)));
      expect(own, `tile ${ref.i} against frame ${ref.frame}`).toBeGreaterThan(40);
      expect(own - others, `tile ${ref.i}: ${own.toFixed(1)} dB against ${others.toFixed(1)} dB`).toBeGreaterThan(10);
    }
  });
});

describe("abacus sheet: bad input exits 2 before rendering and writes nothing", () => {
  const fixtures = tempDir("abacus-sheet-bad-");
  const aFile = join(fixtures, "a-file.txt");
  writeFileSync(aFile, "not a folder");
  const readOnly = join(fixtures, "read-only");
  mkdirSync(readOnly);
  chmodSync(readOnly, 0o555);
  const asRoot = process.getuid?.() === 0; // root writes into a read-only folder anyway
  const known = "LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop";

  /** [name, args (OUT is replaced by a fresh output path), message] */
  const CASES: [string, string[], RegExp][] = [
    ["unknown composition", ["NoSuchVideo"], new RegExp(`composition: expected one of ${known}, got "NoSuchVideo"`)],
    ["the Blank composition", ["Blank"], new RegExp(`composition: expected an explainer with beats, one of ${known}, got "Blank" \\(the benchmark floor has no beats\\)`)],
    ["the sheet composition itself", ["ContactSheet"], new RegExp(`composition: expected an explainer with beats, one of ${known}, got "ContactSheet" \\(the contact sheet itself\\)`)],
    ["two compositions", ["LLMExplainer", "MatMulAbacus"], /expected at most one composition id, got 2/],
    ["unknown option", ["--frame", "3"], /Unknown option '--frame'/],
    ["a bad prop", ["--props", '{"fps": 5}'], /props\.fps: expected an integer from 10 to 120, got 5/],
    ["a prop the model cannot show", ["MatMulAbacus", "--props", '{"head": 4}'], /props\.head: expected an integer from 0 to 3, got 4/],
    ["an unknown word", ["AttentionHead", "--props", '{"prompt": "the zebra"}'], /props\.prompt: expected only words from the model's vocabulary .*, got unknown word "zebra"/],
    ["malformed inline props", ["--props", '{"fps": }'], /--props: expected valid JSON, got /],
    ["a missing props file", ["--props", join(fixtures, "nope.json")], /--props: expected a readable file, got ".*nope\.json": no such file/],
    ["an output that is not a PNG", ["--out", "OUT/sheet.jpg"], /--out: expected a file name ending in \.png, got ".*sheet\.jpg"/],
    ["an output under a file", ["--out", `${aFile}/sheet.png`], /--out: expected a path in a folder that exists or can be created, and is writable, got .*\((ENOTDIR|EEXIST)\)/],
    ["an output where no folder can be created", ["--out", "/sys/abacus/sheet.png"], /--out: expected a path in a folder that exists or can be created, and is writable, got .*\((EPERM|EROFS|EACCES|ENOENT)\)/],
    ...(asRoot ? [] : [["an output in a read-only folder", ["--out", join(readOnly, "sheet.png")], /--out: expected a path in a folder that exists or can be created, and is writable, got .*\(EACCES\)/] as [string, string[], RegExp]]),
  ];

  afterAll(() => chmodSync(readOnly, 0o755));
  for (const [name, args, message] of CASES) {
    it.concurrent(name, async ({ expect }) => {
      const out = tempDir("abacus-sheet-out-");
      const previous = join(out, "sheet.png");
      writeFileSync(previous, "previous sheet");
      const full = args.map((a) => a.replace("OUT", out));
      if (!full.includes("--out")) full.push("--out", previous);
      // no browser and no bundle may be needed to say no: a serve URL that cannot work proves it
      const r = await sheetCliAsync(full, { ABACUS_SERVE_URL: join(out, "no-bundle-here") });
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^abacus sheet: /);
      expect(r.stderr, "no progress: nothing started").not.toMatch(/^(bundling|tiles|sheet) \d/m);
      expect(r.stdout).toBe("");
      expect(listDir(out), "nothing written").toEqual(["sheet.png"]);
      expect(readFileSync(previous, "utf8")).toBe("previous sheet");
      expect(r.leftovers, "no temporary files, no browser profile").toEqual([]);
    });
  }

  it("is listed by `abacus --help` and explains itself with --help", () => {
    const help = spawnSync(process.execPath, [BIN, "--help"], { cwd: ROOT, encoding: "utf8" });
    expect(help.stdout).toMatch(/^ {2}sheet +a contact sheet/m);
    const r = sheetCli(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: abacus sheet \[CompositionId\] \[--props FILE\|JSON\] \[--out FILE\]/);
    expect(r.stdout).toContain("out/<CompositionId>-sheet.png");
  });
});
