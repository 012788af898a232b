// The bad-input matrix: every case exits with its documented code and a message naming the field,
// the expected and the actual value; nothing is written and nothing is left behind or running.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, listDir, ROOT, tempDir } from "./helpers.js";
import { type FixtureOptions, makeCheckpoint } from "./checkpoint-fixture.js";

const fixtures = tempDir("abacus-bad-fixtures-");
const file = (name: string, content: string | Buffer) => {
  writeFileSync(join(fixtures, name), content);
  return join(fixtures, name);
};
const malformed = file("malformed.json", '{"fps": 30,');
const aDirectory = join(fixtures, "a-directory.json");
mkdirSync(aDirectory);
const wrongHash = join(fixtures, "wrong-hash");
mkdirSync(wrongHash);
copyFileSync(join(ROOT, "assets/model.json"), join(wrongHash, "model.json"));
const bytes = readFileSync(join(ROOT, "assets/model.bin"));
writeFileSync(join(wrongHash, "model.bin"), Buffer.concat([bytes.subarray(0, 8), Buffer.from([bytes[8] ^ 0x40]), bytes.subarray(9)]));
const truncated = join(fixtures, "truncated");
mkdirSync(truncated);
copyFileSync(join(ROOT, "assets/model.json"), join(truncated, "model.json"));
writeFileSync(join(truncated, "model.bin"), bytes.subarray(0, bytes.length - 4));
const badTrace = file("trace.json", JSON.stringify({ schemaVersion: 1 }));

// GPT-2 checkpoints, each broken in one way
const ckpt = (name: string, o: FixtureOptions = {}) => makeCheckpoint(join(fixtures, name), o);
const good = ckpt("good");
const editJson = (dir: string, name: string, edit: (j: Record<string, unknown>) => void) => {
  const j = JSON.parse(readFileSync(join(dir, name), "utf8"));
  edit(j);
  writeFileSync(join(dir, name), JSON.stringify(j));
  return dir;
};
const onlyBin = join(fixtures, "only-bin");
mkdirSync(onlyBin);
copyFileSync(join(good, "config.json"), join(onlyBin, "config.json"));
writeFileSync(join(onlyBin, "pytorch_model.bin"), "not really");
const llama = editJson(ckpt("llama"), "config.json", (j) => (j.model_type = "llama"));
const shorterContext = editJson(ckpt("shorter"), "config.json", (j) => (j.n_positions = 16)); // wpe is (32, 16) in the file
const moreLayers = editJson(ckpt("more-layers"), "config.json", (j) => (j.n_layer = 3)); // h.2.* are not in the file
/** model.safetensors with its header edited (length re-written). */
const editHeader = (dir: string, edit: (h: Record<string, { dtype: string; shape: number[]; data_offsets: number[] }>) => void) => {
  const buf = readFileSync(join(dir, "model.safetensors"));
  const n = Number(buf.readBigUInt64LE(0));
  const header = JSON.parse(buf.toString("utf8", 8, 8 + n));
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  writeFileSync(join(dir, "model.safetensors"), Buffer.concat([len, json, buf.subarray(8 + n)]));
  return dir;
};
const f64 = editHeader(ckpt("f64"), (h) => (h["transformer.wte.weight"].dtype = "F64"));
const truncatedSt = ckpt("truncated-st");
writeFileSync(join(truncatedSt, "model.safetensors"), readFileSync(join(truncatedSt, "model.safetensors")).subarray(0, 5000));
const headerPastEnd = ckpt("header-past-end");
const hp = readFileSync(join(headerPastEnd, "model.safetensors"));
hp.writeBigUInt64LE(BigInt(hp.length), 0);
writeFileSync(join(headerPastEnd, "model.safetensors"), hp);
const noTilde = ckpt("no-tilde", { tokenizer: "vocab.json" });
editJson(noTilde, "vocab.json", (j) => delete j["~"]);
const deep = ckpt("deep", { nLayer: 49 });
const notEmpty = join(fixtures, "not-empty");
mkdirSync(notEmpty);
writeFileSync(join(notEmpty, "keep.txt"), "mine");
const longPrompt = Array.from({ length: 40 }, () => "cat").join(" ");

const props = (p: unknown) => ["render", "--props", JSON.stringify(p)];
const prompt = (text: string) => props({ prompt: text });

/** [name, args (OUT is replaced by a fresh output path), exit code, message] */
const CASES: [string, string[], number, RegExp][] = [
  // CLI arguments
  ["unknown command", ["paint"], 2, /unknown command "paint"; expected one of/],
  ["unknown option", ["render", "--colour", "red"], 2, /Unknown option '--colour'/],
  ["option without its value", ["render", "--props"], 2, /--props/],
  ["unknown composition", ["render", "NoSuchVideo"], 2, /composition: expected one of LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop, Blank, got "NoSuchVideo"/],
  ["unknown composition for storyboard", ["storyboard", "NoSuchVideo"], 2, /composition: expected one of LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop, got "NoSuchVideo"/],
  ["scene without a frame", ["scene", "MatMulAbacus"], 2, /--frame: expected a frame number, got none/],
  ["scene frame past the end", ["scene", "MatMulAbacus", "--frame", "360"], 2, /--frame: expected an integer from 0 to 359, got "360"/],
  ["two compositions", ["render", "LLMExplainer", "Blank"], 2, /expected at most one composition id, got 2/],
  ["scale zero", ["render", "--scale", "0"], 2, /--scale: expected a number greater than 0, at most 16, got "0"/],
  ["scale not a number", ["render", "--scale", "big"], 2, /--scale: expected a number greater than 0, at most 16, got "big"/],
  ["concurrency zero", ["render", "--concurrency", "0"], 2, /--concurrency: expected an integer from 1 to 64, got "0"/],
  ["chunks zero", ["render", "--chunks", "0"], 2, /--chunks: expected an integer from 1 to 1000, got "0"/],
  ["frames reversed", ["render", "--frames", "10-5"], 2, /--frames: expected A-B with 0 <= A <= B <= 539, got "10-5"/],
  ["frames past the end", ["render", "--frames", "0-540"], 2, /--frames: expected A-B with 0 <= A <= B <= 539, got "0-540"/],
  ["unknown gl backend", ["render", "--gl", "metal"], 2, /--gl: expected one of swangle, angle-egl, .*, got "metal"/],
  ["unknown subtitles mode", [...props({ captions: "en" }), "--subtitles", "fr"], 2, /--subtitles: expected one of both, sidecar, track, none, got "fr"/],
  ["subtitles without captions", ["render", "--subtitles", "both"], 2, /--subtitles: expected "none" while props\.captions is "off" \(there are no captions to write\), got "both"/],
  ["narration in an unknown format", ["narrate", "--format", "pdf"], 2, /--format: expected one of text, srt, vtt, json, got "pdf"/],
  ["narration of an unknown composition", ["narrate", "NoSuchVideo"], 2, /composition: expected one of LLMExplainer, MatMulAbacus, AttentionHead, NextTokenLoop, got "NoSuchVideo"/],
  ["narration with bad props", ["narrate", "--props", '{"captions":"fr"}'], 2, /props\.captions: expected one of "off", "en", "zh", got "fr"/],
  ["still frame past the end", ["still", "--frame", "540"], 2, /--frame: expected an integer from 0 to 539, got "540"/],
  ["output that is not an mp4", ["render", "--out", "OUTDIR/video.gif"], 2, /--out: expected a file name ending in \.mp4, got/],
  ["output under a file", ["render", "--out", `${malformed}/video.mp4`], 2, /--out: expected a path in a folder that exists or can be created, and is writable, got .*\((ENOTDIR|EEXIST)\)/],
  ["output where no folder can be created", ["render", "--out", "/sys/abacus/video.mp4"], 2, /--out: expected a path in a folder that exists or can be created, and is writable, got .*\((EPERM|EROFS|EACCES|ENOENT)\)/],
  // props: every field
  ["prompt of the wrong type", props({ prompt: 7 }), 2, /props\.prompt: expected a prompt of words from the model's vocabulary, got 7/],
  ["theme unknown", props({ theme: "neon" }), 2, /props\.theme: expected one of "pastel", "dark", got "neon"/],
  ["captions unknown", props({ captions: "fr" }), 2, /props\.captions: expected one of "off", "en", "zh", got "fr"/],
  ["fps as a string", props({ fps: "30" }), 2, /props\.fps: expected an integer from 10 to 120, got "30"/],
  ["fps out of range", props({ fps: 240 }), 2, /props\.fps: expected an integer from 10 to 120, got 240/],
  ["duration too short", props({ durationInSeconds: 2 }), 2, /props\.durationInSeconds: expected a number from 6 to 120, got 2/],
  ["title too long", props({ title: "x".repeat(81) }), 2, /props\.title: expected a string of at most 80 characters.*, got "x{40,}/],
  ["title not a string", props({ title: 7 }), 2, /props\.title: expected a string of at most 80 characters.*, got 7/],
  ["odd width", props({ width: 1279 }), 2, /props\.width: expected an even integer from 160 to 3840, got 1279/],
  ["height too large", props({ height: 4320 }), 2, /props\.height: expected an even integer from 90 to 2160, got 4320/],
  ["focusLayer past the model", props({ focusLayer: 2 }), 2, /props\.focusLayer: expected an integer from 0 to 1, got 2/],
  ["focusHead negative", props({ focusHead: -1 }), 2, /props\.focusHead: expected an integer from 0 to nLayer - 1|props\.focusHead: expected an integer from 0 to nHead - 1, got -1/],
  ["topK too large", props({ topK: 50 }), 2, /props\.topK: expected an integer from 1 to 10, got 50/],
  ["unknown field", props({ colour: "red" }), 2, /props\.colour: expected one of the known fields \(.*\), got an unknown field/],
  ["props not an object", ["render", "--props", "[1, 2]"], 2, /props: expected a JSON object of props, got \[1,2\]/],
  ["props null", ["render", "--props", "null"], 2, /--props: expected a readable file, got "null": no such file/],
  // each explainer's own props
  ["MatMulAbacus layer past the model", ["render", "MatMulAbacus", "--props", '{"layer": 2}'], 2, /props\.layer: expected an integer from 0 to 1, got 2/],
  ["MatMulAbacus head past the model", ["still", "MatMulAbacus", "--props", '{"head": 4}'], 2, /props\.head: expected an integer from 0 to 3, got 4/],
  ["MatMulAbacus token past the prompt", ["render", "MatMulAbacus", "--props", '{"token": 9}'], 2, /props\.token: expected an index from 0 to 4 \(the prompt has 5 tokens\) or "last", got 9/],
  ["MatMulAbacus operand unknown", ["render", "MatMulAbacus", "--props", '{"operand": "o"}'], 2, /props\.operand: expected one of "q", "k", "v", got "o"/],
  ["AttentionHead head past the model", ["render", "AttentionHead", "--props", '{"head": 4}'], 2, /props\.head: expected an integer from 0 to 3, got 4/],
  ["AttentionHead focus token past the prompt", ["render", "AttentionHead", "--props", '{"focusToken": 10}'], 2, /props\.focusToken: expected an index from 0 to 9 \(the prompt has 10 tokens\) or "last", got 10/],
  ["NextTokenLoop steps zero", ["render", "NextTokenLoop", "--props", '{"steps": 0}'], 2, /props\.steps: expected an integer from 1 to 8, got 0/],
  ["NextTokenLoop steps nine", ["render", "NextTokenLoop", "--props", '{"steps": 9}'], 2, /props\.steps: expected an integer from 1 to 8, got 9/],
  ["NextTokenLoop negative temperature", ["render", "NextTokenLoop", "--props", '{"temperature": -0.5}'], 2, /props\.temperature: expected a number from 0 \(greedy\) to 2, got -0\.5/],
  ["a field of another explainer", ["render", "MatMulAbacus", "--props", '{"focusHead": 1}'], 2, /props\.focusHead: expected one of the known fields \(.*operand.*\), got an unknown field/],
  // prompt content
  ["empty prompt", prompt(""), 2, /props\.prompt: expected at least one word, got ""/],
  ["whitespace prompt", prompt("  \t "), 2, /props\.prompt: expected at least one word, got " {2}\\t "/],
  ["only punctuation", prompt("... !"), 2, /props\.prompt: expected at least one word, got "\.\.\. !"/],
  ["prompt longer than the context", prompt(Array(40).fill("the cat").join(" ")), 2, /props\.prompt: expected at most 32 tokens \(the model's context\), got 80 tokens/],
  ["unknown words", prompt("the zebra sat on the sofa"), 2, /props\.prompt: expected only words from the model's vocabulary .*, got unknown words "zebra" \(did you mean .*\), "sofa" \(did you mean/],
  ["Chinese", prompt("猫坐在垫子上"), 2, /props\.prompt: .*unknown word "猫坐在垫子上"/],
  ["emoji", prompt("the 🐈 sat"), 2, /props\.prompt: .*unknown word "🐈"/],
  // files
  ["props file missing", ["render", "--props", join(fixtures, "nope.json")], 2, /--props: expected a readable file, got ".*nope\.json": no such file/],
  ["props file is a folder", ["render", "--props", aDirectory], 2, /--props: expected a readable file, got ".*a-directory\.json": a directory/],
  ["props file malformed", ["render", "--props", malformed], 2, /--props: expected valid JSON, got ".*malformed\.json": /],
  ["inline props malformed", ["render", "--props", '{"fps": }'], 2, /--props: expected valid JSON, got /],
  ["weights with a wrong hash", ["trace", "--prompt", "the cat", "--weights", join(wrongHash, "model.bin")], 2, /--weights: expected sha256 [0-9a-f]{64} \(from its manifest\), got sha256 [0-9a-f]{64}/],
  ["truncated weights", ["trace", "--prompt", "the cat", "--weights", join(truncated, "model.bin")], 2, /--weights: expected 120576 bytes \(float32 × 30144 parameters\), got 120572 bytes/],
  ["trace file failing the schema", ["trace", "--check", badTrace], 2, /trace\.json\.schemaVersion: expected a valid trace, got /],
  // GPT-2 checkpoints (--model): the file or field, the expected and the actual value
  ["checkpoint folder missing", ["trace", "--model", join(fixtures, "nope"), "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /--model: expected a checkpoint folder \(config\.json, model\.safetensors, tokenizer files\), got ".*nope": no such folder/],
  ["checkpoint with only pytorch_model.bin", ["trace", "--model", onlyBin, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /--model .*only-bin: expected model\.safetensors, got only pytorch_model\.bin\. Convert it once .*safe_serialization=True/],
  ["checkpoint that is not GPT-2", ["trace", "--model", llama, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /config\.json: model_type: expected "gpt2", got "llama"/],
  ["checkpoint with an unsupported dtype", ["trace", "--model", f64, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /model\.safetensors: transformer\.wte\.weight\.dtype: expected one of F32, F16, BF16, got "F64"/],
  ["checkpoint tensor of the wrong shape", ["trace", "--model", shorterContext, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /model\.safetensors: transformer\.wpe\.weight shape: expected \[16,16\], got \[32,16\]/],
  ["checkpoint tensor missing", ["trace", "--model", moreLayers, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /model\.safetensors: transformer\.h\.2\.ln_1\.weight: expected a tensor of shape \[16\], got none/],
  ["truncated safetensors", ["trace", "--model", truncatedSt, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /model\.safetensors: transformer\.\S+\.data_offsets: expected 0 <= begin <= end <= \d+ \(the data's length\), got \[\d+,\d+\]/],
  ["safetensors header length past the end", ["trace", "--model", headerPastEnd, "--prompt", "Hi", "--out", "OUTDIR/t.json"], 2, /model\.safetensors: header length: expected at most \d+ \(the bytes after it\), got \d+/],
  ["prompt longer than n_positions", ["trace", "--model", good, "--prompt", longPrompt, "--out", "OUTDIR/t.json"], 2, /prompt: expected at most 32 tokens \(the model's context\), got 80 tokens/],
  ["text the tokenizer cannot encode", ["trace", "--model", noTilde, "--prompt", "a~b", "--out", "OUTDIR/t.json"], 2, /prompt: expected text vocab\.json can encode, got "~" in "a~b", which has no token in its vocabulary/],
  ["a checkpoint deeper than the explainers draw (GPT-2 XL's 48 layers)", ["render", "NextTokenLoop", "--model", deep, "--props", '{"prompt":"Hi"}'], 2, /--model: expected a model this explainer can draw so far: n_layer at most 48, got n_embd 16, vocab_size 407, n_layer 49/],
  ["a checkpoint prompt past its context in a render", ["render", "LLMExplainer", "--model", good, "--props", JSON.stringify({ prompt: longPrompt })], 2, /props\.prompt: expected at most 32 tokens \(the model's context\), got 80 tokens/],
  ["a checkpoint for Blank", ["render", "Blank", "--model", good], 2, /--model: expected an explainer \(Blank draws no model\)/],
  ["export in an unknown format", ["export", "--format", "onnx", "OUTDIR/m"], 2, /--format: expected "hf" \(a Hugging Face GPT-2 checkpoint\), got "onnx"/],
  ["export into a folder with files", ["export", "--format", "hf", notEmpty], 2, /DIR: expected a new or empty folder, got ".*not-empty" holds keep\.txt/],
];

describe("bad input", () => {
  it("has at least 25 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(25));

  for (const [name, args, code, message] of CASES) {
    it(name, () => {
      const out = tempDir("abacus-bad-out-");
      const tmp = tempDir("abacus-bad-tmp-");
      const full = args.map((a) => a.replace("OUTDIR", out));
      const needsOut = (full[0] === "render" || full[0] === "still") && !full.includes("--out");
      if (needsOut) full.push("--out", join(out, full[0] === "render" ? "video.mp4" : "still.png"));
      const r = spawnSync(process.execPath, [BIN, ...full], { cwd: ROOT, encoding: "utf8", env: { ...process.env, TMPDIR: tmp }, timeout: 60_000 });
      expect(r.status, r.stderr).toBe(code);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/^abacus( \w+)?: /);
      expect(r.stdout).toBe("");
      expect(listDir(out), "nothing written").toEqual([]);
      // (tsx keeps its compile cache in the temporary folder: not ours)
      expect(listDir(tmp).filter((f) => !f.startsWith("tsx-")), "no temporary files, no browser profile").toEqual([]);
    });
  }
});
