// End to end with the real browser: CLI renders, frame accuracy, determinism, truth in pixels, bad props.
// All tests share one bundle (ABACUS_SERVE_URL for the CLI).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { videoCues } from "../src/engine/cues.js";
import { project } from "../src/engine/project.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { LLMExplainer } from "../src/explainers/llm/explainer.js";
import { valueColor } from "../src/layout/palette.js";
import { readModel } from "../src/model/files.js";
import { type Bundle, bundleProject, renderStills } from "../src/render/render.js";
import { abacus, listDir, ROOT, tempDir } from "./helpers.js";
import { makeCheckpoint } from "./checkpoint-fixture.js";
import { packets, pngPixels, probe, psnr, sample, streams, videoFrames } from "./media.js";
import { parseSrt, parseVtt } from "./subtitle-parse.js";

const SMALL = { width: 320, height: 176, durationInSeconds: 6, fps: 10 };
let bundle: Bundle;
let dir: string;

function cli(args: string[]) {
  const saved = process.env.ABACUS_SERVE_URL;
  process.env.ABACUS_SERVE_URL = bundle.serveUrl;
  try {
    return abacus(args);
  } finally {
    if (saved === undefined) delete process.env.ABACUS_SERVE_URL;
    else process.env.ABACUS_SERVE_URL = saved;
  }
}

beforeAll(async () => {
  bundle = await bundleProject();
  dir = tempDir("abacus-e2e-");
}, 300_000);

afterAll(() => bundle?.cleanup());

describe("rendering with the real browser", () => {
  it("renders a small flagship MP4 with the CLI: exact frames, duration, size, H.264 yuv420p bt709", () => {
    const out = join(dir, "small.mp4");
    const r = cli(["render", "--props", JSON.stringify(SMALL), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const p = probe(out);
    expect(p).toMatchObject({ frames: 60, width: 320, height: 176, codec: "h264", pixFmt: "yuv420p", colorSpace: "bt709", fps: "10/1" });
    expect(p.duration).toBeCloseTo(6, 2);
    const record = JSON.parse(readFileSync(join(dir, "small.json"), "utf8"));
    expect(record).toMatchObject({ composition: "LLMExplainer", frames: 60, remotionVersion: "4.0.527" });
    expect(record.traceHash).toMatch(/^[0-9a-f]{64}$/);
    expect(listDir(dir)).toEqual(["small.json", "small.mp4"]);
  });

  it("is frame-accurate: a still of frame N matches frame N of the MP4 better than N-1 and N+1", async () => {
    const props = LLMExplainer.parse(SMALL);
    const frames = [5, 25];
    const stills = frames.map((n) => ({ frame: n, out: join(dir, `accuracy-${n}.png`) }));
    await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, stills });
    const decoded = videoFrames(join(dir, "small.mp4"), Math.max(...frames) + 1, 320, 176);
    for (const [i, n] of frames.entries()) {
      const still = pngPixels(stills[i].out, 320, 176);
      const same = psnr(still, decoded[n]);
      const neighbours = Math.max(psnr(still, decoded[n - 1]), psnr(still, decoded[n + 1]));
      // measured here: 43.0 vs 39.6 dB at frame 5, 31.9 vs 28.3 dB at frame 25 (JPEG frames, H.264)
      expect(same, `frame ${n}`).toBeGreaterThan(28);
      expect(same - neighbours, `frame ${n}: ${same.toFixed(1)} dB against ${neighbours.toFixed(1)} dB`).toBeGreaterThan(1.5);
    }
  });

  it("renders the same still byte for byte twice, and another prompt differently", async () => {
    const props = LLMExplainer.parse(SMALL);
    const stills = [{ frame: 40, out: join(dir, "det-a.png") }, { frame: 40, out: join(dir, "det-b.png") }];
    await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, stills });
    await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props: LLMExplainer.parse({ ...SMALL, prompt: "the dog sat on the" }), stills: [{ frame: 40, out: join(dir, "det-dog.png") }] });
    const a = readFileSync(stills[0].out);
    expect(a.equals(readFileSync(stills[1].out))).toBe(true);
    expect(a.equals(readFileSync(join(dir, "det-dog.png")))).toBe(false);
  });

  it("shows the trace's values in pixels: cube colours at the end of the attention and output beats", async () => {
    const props = LLMExplainer.parse({ width: 960, height: 540 });
    const ctx = LLMExplainer.context(props, readModel());
    const end = (id: string) => {
      const b = ctx.timeline.beats.find((x) => x.id === id)!;
      return b.from + b.durationInFrames - 1;
    };
    const frames = [end("attention"), end("output")];
    await renderStills({ serveUrl: bundle.serveUrl, compositionId: "LLMExplainer", props, stills: frames.map((f) => ({ frame: f, out: join(dir, `truth-${f}.png`) })) });
    const checks: [number, string][] = [[frames[0], "att"], [frames[0], "resid1"], [frames[1], "lnf"], [frames[1], "bars"]];
    for (const [frame, blockId] of checks) {
      const img = pngPixels(join(dir, `truth-${frame}.png`), 960, 540);
      const state = sceneStateAt(LLMExplainer, ctx, frame);
      const b = state.blocks.find((x) => x.id === blockId)!;
      const data = ctx.trace.tensors[b.tensor!].data;
      let checked = 0;
      for (let k = 0; k < b.count; k += 3) {
        if (b.scales[3 * k] <= 0 || b.scales[3 * k + 1] < 1.5 * ctx.layout.cube * 0.5) continue;
        const p = project(state.camera, [b.positions[3 * k], b.positions[3 * k + 1], b.positions[3 * k + 2]], 960, 540);
        if (p.x < 3 || p.y < 3 || p.x > 956 || p.y > 536) continue;
        const got = sample(img, p.x, p.y);
        const want = valueColor(ctx.theme, data[b.index[k]], ctx.scales[b.tensor!]);
        for (let c = 0; c < 3; c++) expect(Math.abs(got[c] - want[c]), `${blockId} cube ${k} channel ${c} at frame ${frame}`).toBeLessThan(0.06);
        checked++;
      }
      expect(checked, blockId).toBeGreaterThanOrEqual(blockId === "bars" ? 1 : 5);
    }
  });

  it("renders a still with `abacus still`, and with Remotion's own CLI through remotion.config.ts", () => {
    const ours = join(dir, "cli-still.png");
    const r = cli(["still", "--frame", "30", "--props", JSON.stringify(SMALL), "--out", ours]);
    expect(r.code, r.stderr).toBe(0);
    const theirs = join(dir, "remotion-still.png");
    const remotion = spawnSync(process.execPath, [join(ROOT, "node_modules/@remotion/cli/remotion-cli.js"), "still", "LLMExplainer", theirs, "--frame=30", `--props=${JSON.stringify(SMALL)}`, "--log=error"], { cwd: ROOT, encoding: "utf8" });
    expect(remotion.status, remotion.stderr).toBe(0);
    // the same settings (browser, GL backend) through both paths: the same pixels
    expect(psnr(pngPixels(ours, 320, 176), pngPixels(theirs, 320, 176))).toBeGreaterThan(40);
  });

  it("rejects bad props with exit 2 before a browser starts, leaving an existing output untouched", () => {
    const out = join(dir, "keep.mp4");
    writeFileSync(out, "previous render");
    for (const props of ['{"fps": 1000}', '{"prompt": "the zebra ran"}', '{"width": 321}', '{"nope": 1}', "{bad json"]) {
      const r = cli(["render", "--props", props, "--out", out]);
      expect(r.code, props).toBe(2);
      expect(r.stderr).toMatch(/^abacus render: (props\.\w+|--props): expected .+, got .+/);
      expect(r.stderr).not.toMatch(/bundling|rendering/);
    }
    const unknown = cli(["render", "NoSuchVideo", "--out", out]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('composition: expected one of LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop, Blank, got "NoSuchVideo"');
    expect(readFileSync(out, "utf8")).toBe("previous render");
    expect(existsSync(join(dir, "keep.json"))).toBe(false);
  });
});

describe("subtitles", () => {
  it("writes X.srt, X.vtt and a mov_text track with the caption cues; chunked the same; the video stream unchanged", () => {
    const props = { ...SMALL, captions: "en" };
    const run = (name: string, extra: string[]) => {
      const r = cli(["render", "--props", JSON.stringify(props), "--out", join(dir, name), ...extra]);
      expect(r.code, r.stderr).toBe(0);
      return join(dir, name);
    };
    const whole = run("subs.mp4", []);
    const pieces = run("subs-chunked.mp4", ["--chunks", "3"]);
    const plain = run("subs-none.mp4", ["--subtitles", "none"]);
    const ctx = LLMExplainer.context(LLMExplainer.parse(props), readModel());
    const cues = videoCues(ctx, "en");
    const srt = parseSrt(readFileSync(join(dir, "subs.srt"), "utf8"));
    expect(srt).toEqual(cues.map((c) => ({ startMs: Math.round(c.from * 100), endMs: Math.round((c.to + 1) * 100), text: c.text })));
    expect(parseVtt(readFileSync(join(dir, "subs.vtt"), "utf8"))).toEqual(srt);
    for (const ext of [".srt", ".vtt"]) expect(readFileSync(join(dir, `subs-chunked${ext}`)).equals(readFileSync(join(dir, `subs${ext}`))), ext).toBe(true);
    expect(existsSync(join(dir, "subs-none.srt")) || existsSync(join(dir, "subs-none.vtt"))).toBe(false);

    for (const file of [whole, pieces]) {
      expect(streams(file).map((s) => [s.codec_type, s.codec_name, s.tags?.language])).toEqual([["video", "h264", "und"], ["subtitle", "mov_text", "eng"]]);
      expect(probe(file)).toMatchObject({ frames: 60 });
      expect(probe(file).duration).toBeCloseTo(6, 2);
      // the track's text samples (2 bytes of length, then UTF-8) at the cues' times; empty ones fill the gaps
      const shown = packets(file, "s:0").filter((p) => Number(p.size) > 2);
      expect(shown.map((p) => [Math.round(Number(p.pts_time) * 1000), Math.round(Number(p.duration_time) * 1000), Number(p.size)]))
        .toEqual(srt.map((c) => [c.startMs, c.endMs - c.startMs, 2 + Buffer.byteLength(c.text)]));
    }
    expect(streams(plain).map((s) => s.codec_type)).toEqual(["video"]);
    expect(packets(whole, "v:0")).toEqual(packets(plain, "v:0"));
    const record = JSON.parse(readFileSync(join(dir, "subs.json"), "utf8"));
    expect(record.subtitles).toEqual({ mode: "both", cues: cues.length, files: ["subs.srt", "subs.vtt"], track: { codec: "mov_text", language: "eng" } });
    expect(JSON.parse(readFileSync(join(dir, "subs-none.json"), "utf8")).subtitles).toEqual({ mode: "none", cues: 0, files: [], track: null });
  }, 600_000);
});

describe("every other explainer in the browser", () => {
  for (const ex of EXPLAINERS.filter((e) => e.id !== "LLMExplainer")) {
    it(`${ex.id}: a small MP4 with exact frames and duration, and the same still twice`, async () => {
      const out = join(dir, `${ex.id}.mp4`);
      const r = cli(["render", ex.id, "--props", JSON.stringify(SMALL), "--out", out]);
      expect(r.code, r.stderr).toBe(0);
      const p = probe(out);
      expect(p).toMatchObject({ frames: 60, width: 320, height: 176, codec: "h264", fps: "10/1" });
      expect(p.duration).toBeCloseTo(6, 2);
      const record = JSON.parse(readFileSync(join(dir, `${ex.id}.json`), "utf8"));
      expect(record).toMatchObject({ composition: ex.id, frames: 60 });
      expect(record.traceHash).toMatch(/^[0-9a-f]{64}$/);
      const props = ex.parse(SMALL);
      const stills = [{ frame: 33, out: join(dir, `${ex.id}-a.png`) }, { frame: 33, out: join(dir, `${ex.id}-b.png`) }];
      await renderStills({ serveUrl: bundle.serveUrl, compositionId: ex.id, props, stills });
      expect(readFileSync(stills[0].out).equals(readFileSync(stills[1].out))).toBe(true);
      // the frame shows the scene: not just the background
      const px = pngPixels(stills[0].out, 320, 176).data;
      let coloured = 0;
      for (let i = 0; i < px.length; i += 3) if (Math.max(px[i], px[i + 1], px[i + 2]) - Math.min(px[i], px[i + 1], px[i + 2]) > 40) coloured++;
      expect(coloured / (px.length / 3), "share of strongly coloured pixels").toBeGreaterThan(0.01);
    }, 300_000);
  }
});

describe("a user's checkpoint in the browser", () => {
  it("renders NextTokenLoop from a GPT-2 checkpoint the test makes: exact frames, the model and its window in the record, the steps run in node", () => {
    // 128 wide with 1500 ids: drawn through a window of 48 dimensions, the bars from each step's top k
    const model = makeCheckpoint(join(dir, "tiny-gpt2"), { seed: 21, dModel: 128, nHead: 4, vocabSize: 1500 });
    const out = join(dir, "ckpt", "loop.mp4");
    const props = { ...SMALL, prompt: "The cat sat on the mat. The dog" };
    const r = cli(["render", "NextTokenLoop", "--model", model, "--props", JSON.stringify(props), "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    const p = probe(out);
    expect(p).toMatchObject({ frames: 60, width: 320, height: 176, codec: "h264", fps: "10/1" });
    expect(p.duration).toBeCloseTo(6, 2);
    const record = JSON.parse(readFileSync(join(dir, "ckpt", "loop.json"), "utf8"));
    const config = JSON.parse(readFileSync(join(model, "config.json"), "utf8"));
    const sha = createHash("sha256").update(readFileSync(join(model, "model.safetensors"))).digest("hex");
    expect(record.model).toEqual({ folder: "tiny-gpt2", config, weightsFile: "model.safetensors", weightsSha256: sha, tokenizerFiles: ["tokenizer.json"] });
    expect(record.weightsSha256).toBe(sha);
    expect(record.props.prompt).toBe(props.prompt);
    expect(record.props.modelTape).toBeUndefined();
    expect(record.steps.length).toBeGreaterThanOrEqual(1);
    expect(record.windows.stream.dims).toHaveLength(48);
    expect(record.windows.stream.of).toBe(128);
    // the tape went into the bundle, not beside the video
    expect(listDir(join(dir, "ckpt"))).toEqual(["loop.json", "loop.mp4"]);
    // the frame draws the checkpoint's blocks and words: a good share of it is not the background (its corner)
    const frame = videoFrames(out, 45, 320, 176)[45].data;
    let drawn = 0;
    for (let i = 0; i < frame.length; i += 3) if (Math.abs(frame[i] - frame[0]) + Math.abs(frame[i + 1] - frame[1]) + Math.abs(frame[i + 2] - frame[2]) > 30) drawn++;
    expect(drawn / (frame.length / 3), "share of pixels unlike the background").toBeGreaterThan(0.03);
  }, 300_000);
});
