// The `abacus` command end to end: help, vocab, trace, and bad input (exit 2, clear message, nothing written).
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { abacus, listDir, ROOT, tempDir } from "./helpers.js";

describe("abacus CLI", () => {
  it("prints help for the command and each subcommand with exit 0", () => {
    const top = abacus(["--help"]);
    expect(top.code).toBe(0);
    const commands = [...top.stdout.matchAll(/^ {2}(\S+)( +)\S/gm)];
    expect(commands.map((m) => m[1])).toEqual(expect.arrayContaining(["render", "compositions", "storyboard", "trace", "export", "bench"]));
    // every name stands apart from its summary, the longest ones too
    for (const m of commands) expect(m[2].length, m[1]).toBeGreaterThanOrEqual(2);
    for (const cmd of ["trace", "train", "vocab", "heads"]) {
      expect(top.stdout).toContain(cmd);
      const r = abacus([cmd, "--help"]);
      expect(r.code, cmd).toBe(0);
      expect(r.stdout).toContain(`Usage: abacus ${cmd}`);
    }
  });

  it("vocab lists the words, one per line", () => {
    const r = abacus(["vocab"]);
    expect(r.code).toBe(0);
    const words = r.stdout.trim().split("\n");
    expect(words).toContain("cat");
    expect(words).toContain("mat");
    expect(words.length).toBeGreaterThan(100);
  });

  it("heads prints every head's scores and role, as a table and as the manifest's JSON", () => {
    const json = abacus(["heads", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const heads = JSON.parse(json.stdout);
    expect(heads).toEqual(JSON.parse(readFileSync(join(ROOT, "assets/model.json"), "utf8")).heads);
    expect(heads).toHaveLength(8);
    expect(Object.keys(heads[0])).toEqual(expect.arrayContaining(["layer", "head", "previousToken", "induction", "role"]));
    const table = abacus(["heads"]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^layer\s+head\s+previous\s+induction/);
    expect(lines).toHaveLength(9);
    const induction = heads.find((h: { role: string }) => h.role === "induction");
    expect(lines[1 + 4 * induction.layer + induction.head]).toMatch(new RegExp(`${(100 * induction.induction).toFixed(1)}%.*induction$`));
  });

  it("trace prints the trace JSON with tokens, next, topk and hash", () => {
    const r = abacus(["trace", "--prompt", "The cat sat on the", "--top", "3"]);
    expect(r.code, r.stderr).toBe(0);
    const t = JSON.parse(r.stdout);
    expect(t.schemaVersion).toBe(2);
    expect(t.tokens).toEqual(["the", "cat", "sat", "on", "the"]);
    expect(t.next.token).toBe("mat");
    expect(t.topk).toHaveLength(3);
    expect(t.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(t.model.dModel).toBe(32);
  });

  it("trace --out writes the file atomically and --check validates it", () => {
    const dir = tempDir();
    const file = join(dir, "t.json");
    expect(abacus(["trace", "--prompt", "the sky is", "--out", file]).code).toBe(0);
    expect(listDir(dir)).toEqual(["t.json"]);
    const ok = abacus(["trace", "--check", file]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/^ok [0-9a-f]{64} "the sky is" -> "blue"/);
  });

  const bad: [string, string[], RegExp][] = [
    ["empty prompt", ["trace", "--prompt", ""], /prompt: expected at least one word, got ""/],
    ["whitespace prompt", ["trace", "--prompt", "   "], /prompt: expected at least one word/],
    ["prompt longer than the context", ["trace", "--prompt", Array(33).fill("the").join(" ")], /prompt: expected at most 32 tokens \(the model's context\), got 33 tokens/],
    ["unknown words", ["trace", "--prompt", "the kat sat on the"], /unknown word "kat" \(did you mean "cat"/],
    ["missing --prompt", ["trace"], /--prompt: expected a prompt/],
    ["bad --top", ["trace", "--prompt", "the cat", "--top", "0"], /--top: expected an integer from 1 to \d+, got "0"/],
    ["unknown option", ["trace", "--prompt", "the cat", "--colour", "red"], /Unknown option '--colour'/],
    ["unknown command", ["frobnicate"], /unknown command "frobnicate"/],
    ["bad --steps", ["train", "--steps=-5"], /--steps: expected an integer from 1 to 1000000, got "-5"/],
    ["non-numeric --seed", ["train", "--seed", "abc"], /--seed: expected an integer from 0 to 4294967295, got "abc"/],
    ["missing weights", ["trace", "--prompt", "the cat", "--weights", "/nonexistent/model.bin"], /--weights \(manifest\): expected a readable file, got "\/nonexistent\/model.json": no such file/],
  ];
  for (const [name, args, message] of bad) {
    it(`exits 2 on ${name}`, () => {
      const dir = tempDir();
      const r = abacus([...args, ...(args[0] === "trace" && !args.includes("--out") ? ["--out", join(dir, "t.json")] : [])], dir);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(listDir(dir)).toEqual([]);
    });
  }

  it("exits 2 when the weights do not match their manifest's sha256, writing nothing", () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, "assets/model.json"), join(dir, "model.json"));
    const bytes = readFileSync(join(ROOT, "assets/model.bin"));
    bytes[100] ^= 1;
    writeFileSync(join(dir, "model.bin"), bytes);
    const r = abacus(["trace", "--prompt", "the cat", "--weights", join(dir, "model.bin"), "--out", join(dir, "t.json")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weights: expected sha256 [0-9a-f]{64} \(from its manifest\), got sha256 [0-9a-f]{64}/);
    expect(listDir(dir)).toEqual(["model.bin", "model.json"]);
  });

  it("exits 2 on a truncated weights file", () => {
    const dir = tempDir();
    copyFileSync(join(ROOT, "assets/model.json"), join(dir, "model.json"));
    writeFileSync(join(dir, "model.bin"), readFileSync(join(ROOT, "assets/model.bin")).subarray(0, 1000));
    const r = abacus(["vocab", "--weights", join(dir, "model.bin")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--weights: expected \d+ bytes \(float32 × \d+ parameters\), got 1000 bytes/);
  });

  it("exits 2 on a trace file that fails the schema, or was edited", () => {
    const dir = tempDir();
    const file = join(dir, "t.json");
    writeFileSync(file, JSON.stringify({ schemaVersion: 1, tokens: "nope" }));
    const r = abacus(["trace", "--check", file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/t\.json\./);
    writeFileSync(file, "{ not json");
    expect(abacus(["trace", "--check", file]).stderr).toMatch(/--check: expected valid JSON/);
    expect(abacus(["trace", "--prompt", "the cat sat", "--out", file]).code).toBe(0);
    const t = JSON.parse(readFileSync(file, "utf8"));
    t.next.p = 0.5;
    writeFileSync(file, JSON.stringify(t));
    const edited = abacus(["trace", "--check", file]);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toMatch(/hash: expected [0-9a-f]{64}, got [0-9a-f]{64}\. The trace was modified/);
  });
});
