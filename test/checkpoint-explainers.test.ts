// Every explainer drawn from a user's checkpoint: built in node through a recording, replayed from its tape (as a render tab does) frame for frame, and refused when the model is too wide to draw.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCheckpoint } from "../src/checkpoint/load.js";
import { parseForModel } from "../src/engine/props.js";
import { hashScene } from "../src/engine/scene-hash.js";
import { sceneStateAt } from "../src/engine/scene-state.js";
import { videoCues } from "../src/engine/cues.js";
import { InputError } from "../src/errors.js";
import { EXPLAINERS } from "../src/explainers/index.js";
import { recording, replaying, TapeSchema } from "../src/model/tape.js";
import { makeCheckpoint } from "./checkpoint-fixture.js";
import { tempDir } from "./helpers.js";

const root = tempDir("abacus-ckpt-ex-");
const ckpt = loadCheckpoint(makeCheckpoint(join(root, "tiny")));
const PROMPT = "The cat sat on the mat. The dog";

describe("explainers from a checkpoint", () => {
  for (const ex of EXPLAINERS) {
    it(`${ex.id}: builds from the checkpoint, and its tape replays the same frames and captions without the weights`, () => {
      const props = parseForModel(ex.parse, { prompt: PROMPT, captions: "en", durationInSeconds: 8 });
      const rec = recording(ckpt);
      const live = ex.context(props, rec.source);
      const tape = TapeSchema.parse(JSON.parse(JSON.stringify(rec.tape())));
      expect(tape.traces.length).toBeGreaterThanOrEqual(1);
      const again = ex.context(props, replaying(tape));
      const total = live.timeline.durationInFrames;
      for (const f of [0, Math.floor(total / 3), Math.floor((2 * total) / 3), total - 1]) {
        expect(hashScene(sceneStateAt(ex, again, f)), `frame ${f}`).toBe(hashScene(sceneStateAt(ex, live, f)));
      }
      expect(videoCues(again, "en")).toEqual(videoCues(live, "en"));
      expect(ex.traceHash(again)).toBe(ex.traceHash(live));
      // the words on screen are the tokenizer's, spaces kept: " cat", not the built-in "cat"
      expect(live.words.tokens.slice(0, 3).join("")).toBe(PROMPT.slice(0, live.words.tokens.slice(0, 3).join("").length));
    });
  }

  it("refuses a model too wide to draw, naming its size, and a prompt its tokenizer cannot encode", () => {
    const wide = loadCheckpoint(makeCheckpoint(join(root, "wide"), { dModel: 128, nHead: 4 }));
    const ex = EXPLAINERS[0];
    const props = parseForModel(ex.parse, { prompt: PROMPT });
    expect(() => ex.context(props, wide)).toThrow(InputError);
    expect(() => ex.context(props, wide)).toThrow(/--model: expected a model the explainers can draw so far: n_embd at most 64.*got n_embd 128, vocab_size 407, n_layer 2/);
    expect(() => parseForModel(ex.parse, { prompt: "" })).toThrow(/props\.prompt: expected some text for the model's tokenizer, got ""/);
    expect(() => parseForModel(ex.parse, { prompt: PROMPT, modelTape: "../x.json" })).toThrow(/props\.modelTape: expected abacus-tapes\/<16 hex digits>\.json/);
    expect(() => parseForModel(ex.parse, { prompt: PROMPT, fps: 7 })).toThrow(/props\.fps: expected an integer from 10 to 120, got 7/);
  });
});
