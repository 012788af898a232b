// Rendering that holds: chunks equal the whole, interrupts leave nothing behind, concurrent renders coexist.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { descendants } from "../src/render/interrupt.js";
import { type Bundle, bundleProject, chunkRanges, renderPngSequence } from "../src/render/render.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { BIN, listDir, ROOT, tempDir } from "./helpers.js";
import { probe } from "./media.js";

const SMALL = JSON.stringify({ width: 320, height: 176, durationInSeconds: 6, fps: 10 });
let bundle: Bundle;

beforeAll(async () => {
  bundle = await bundleProject();
}, 300_000);
afterAll(() => bundle?.cleanup());

interface Run {
  pid: number;
  stderr: () => string;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts `abacus` with its own TMPDIR; shared bundle unless `fresh`. */
function start(args: string[], tmp: string, fresh = false): Run {
  const env: NodeJS.ProcessEnv = { ...process.env, TMPDIR: tmp };
  if (fresh) delete env.ABACUS_SERVE_URL;
  else env.ABACUS_SERVE_URL = bundle.serveUrl;
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let err = "";
  child.stderr.on("data", (d) => (err += d));
  child.stdout.resume();
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  return { pid: child.pid!, stderr: () => err, done };
}

const untilText = async (run: Run, re: RegExp, ms: number) => {
  for (let waited = 0; waited < ms; waited += 100) {
    if (re.test(run.stderr())) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${re}: ${run.stderr()}`);
};

/** Processes that still run (zombies, already dead and waiting to be reaped, do not count). */
const running = (pids: number[]) =>
  pids.filter((p) => {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, "utf8");
      return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
    } catch {
      return false;
    }
  });

const ours = (dir: string) => readdirSync(dir).filter((f) => !f.startsWith("tsx-")); // tsx's compile cache is not ours

describe("chunked rendering", () => {
  it("splits ranges into near-equal contiguous pieces", () => {
    expect(chunkRanges([0, 59], 3)).toEqual([[0, 19], [20, 39], [40, 59]]);
    expect(chunkRanges([10, 16], 3)).toEqual([[10, 11], [12, 13], [14, 16]]);
    expect(chunkRanges([0, 1], 5)).toEqual([[0, 0], [1, 1]]);
  });

  it("renders the same PNG frames, byte for byte, in pieces as in one piece", async () => {
    const props = LLMExplainer.parse(JSON.parse(SMALL));
    const whole = tempDir("abacus-whole-");
    const pieces = tempDir("abacus-pieces-");
    await renderPngSequence({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, frameRange: [10, 39], dir: whole });
    for (const r of chunkRanges([10, 39], 3)) await renderPngSequence({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, frameRange: r, dir: pieces });
    const names = listDir(whole);
    expect(names).toHaveLength(30);
    expect(listDir(pieces)).toEqual(names);
    for (const n of names) expect(readFileSync(join(pieces, n)).equals(readFileSync(join(whole, n))), n).toBe(true);
  });

  it("joins --chunks into one MP4 with the exact frame count and duration, leaving no temporary files", async () => {
    const tmp = tempDir("abacus-tmp-");
    const out = tempDir("abacus-out-");
    const run = start(["render", "--props", SMALL, "--chunks", "3", "--out", join(out, "c.mp4")], tmp);
    const { code } = await run.done;
    expect(code, run.stderr()).toBe(0);
    const p = probe(join(out, "c.mp4"));
    expect(p.frames).toBe(60);
    expect(p.duration).toBeCloseTo(6, 2);
    expect(listDir(out)).toEqual(["c.json", "c.mp4"]);
    expect(ours(tmp)).toEqual([]);
  });
});

describe("interrupts", () => {
  for (const [signal, code, fresh] of [["SIGINT", 130, true], ["SIGTERM", 143, false]] as const) {
    it(`${signal} after frames were rendered: exit ${code}, nothing written or left behind, no child alive`, async () => {
      const tmp = tempDir("abacus-tmp-");
      const out = tempDir("abacus-out-");
      writeFileSync(join(out, "v.mp4"), "the previous render");
      const run = start(["render", "--props", SMALL, "--out", join(out, "v.mp4")], tmp, fresh);
      await untilText(run, /rendering [1-9]\d*\/60/, 240_000);
      const children = descendants(run.pid);
      expect(children.length).toBeGreaterThan(0);
      process.kill(run.pid, signal);
      const exit = await run.done;
      expect(exit.code, run.stderr()).toBe(code);
      expect(readFileSync(join(out, "v.mp4"), "utf8")).toBe("the previous render");
      expect(listDir(out)).toEqual(["v.mp4"]);
      expect(ours(tmp), "temporary files and bundle removed").toEqual([]);
      expect(running(children), "browser, compositor and encoder ended").toEqual([]);
    });
  }
});

describe("concurrent renders", () => {
  it("two renders started together, each with its own bundle, both succeed", async () => {
    const tmp = tempDir("abacus-tmp-");
    const out = tempDir("abacus-out-");
    const a = start(["render", "--props", SMALL, "--out", join(out, "a.mp4")], tmp, true);
    const b = start(["render", "--props", JSON.stringify({ ...JSON.parse(SMALL), prompt: "the dog sat on the" }), "--out", join(out, "b.mp4")], tmp, true);
    const [ra, rb] = await Promise.all([a.done, b.done]);
    expect(ra.code, a.stderr()).toBe(0);
    expect(rb.code, b.stderr()).toBe(0);
    expect(probe(join(out, "a.mp4")).frames).toBe(60);
    expect(probe(join(out, "b.mp4")).frames).toBe(60);
    expect(readFileSync(join(out, "a.mp4")).equals(readFileSync(join(out, "b.mp4")))).toBe(false);
    expect(ours(tmp)).toEqual([]);
  });
});
