// The flagship's props schema: defaults, and errors naming the field, the expected and the actual value.
import { describe, expect, it } from "vitest";
import { InputError } from "../src/errors.js";
import { vocabulary } from "../src/model/corpus.js";
import { durationInFrames } from "../src/engine/props.js";
import { LLM_DEFAULTS as DEFAULT_PROPS, LlmPropsSchema as ExplainerPropsSchema, parseLlmProps as parseProps } from "../src/explainers/llm/props.js";
import { readModel } from "../src/model/files.js";
import { traceForProps } from "../src/explainers/llm/context.js";
import { abacus } from "./helpers.js";

const error = (json: unknown) => {
  try {
    parseProps(json);
  } catch (e) {
    return e as InputError;
  }
  throw new Error("expected an InputError");
};

describe("props", () => {
  it("fills the documented defaults", () => {
    expect(DEFAULT_PROPS).toEqual({
      prompt: "the cat sat on the", theme: "pastel", captions: "off", fps: 30, durationInSeconds: 18,
      width: 1920, height: 1080, focusLayer: 0, focusHead: 0, topK: 5,
    });
    expect(durationInFrames(DEFAULT_PROPS)).toBe(540);
    expect(durationInFrames({ fps: 24, durationInSeconds: 7.3 })).toBe(175);
  });

  const bad: [string, unknown, string, string, string][] = [
    ["wrong type", { fps: "30" }, "props.fps", "an integer from 10 to 120", '"30"'],
    ["too low", { fps: 5 }, "props.fps", "an integer from 10 to 120", "5"],
    ["not an integer", { fps: 29.97 }, "props.fps", "an integer from 10 to 120", "29.97"],
    ["too long", { durationInSeconds: 121 }, "props.durationInSeconds", "a number from 6 to 120", "121"],
    ["too short", { durationInSeconds: 5.9 }, "props.durationInSeconds", "a number from 6 to 120", "5.9"],
    ["odd width", { width: 1921 }, "props.width", "an even integer from 160 to 3840", "1921"],
    ["tiny height", { height: 80 }, "props.height", "an even integer from 90 to 2160", "80"],
    ["unknown theme", { theme: "neon" }, "props.theme", 'one of "pastel", "dark"', '"neon"'],
    ["unknown captions", { captions: "fr" }, "props.captions", 'one of "off", "en", "zh"', '"fr"'],
    ["topK zero", { topK: 0 }, "props.topK", "an integer from 1 to 10", "0"],
    ["negative focusLayer", { focusLayer: -1 }, "props.focusLayer", "an integer from 0 to nLayer - 1", "-1"],
    ["prompt not a string", { prompt: 42 }, "props.prompt", "a prompt of words from the model's vocabulary", "42"],
    ["null field", { theme: null }, "props.theme", 'one of "pastel", "dark"', "null"],
  ];
  for (const [name, json, field, expected, actual] of bad) {
    it(`rejects ${name}`, () => {
      const e = error(json);
      expect(e).toBeInstanceOf(InputError);
      expect([e.field, e.expected, e.actual]).toEqual([field, expected, actual]);
      expect(e.message).toBe(`${field}: expected ${expected}, got ${actual}`);
    });
  }

  it("rejects unknown fields and non-objects", () => {
    expect(error({ colour: "red" }).message).toMatch(/^props\.colour: expected one of the known fields \(title, prompt, theme, .*\), got an unknown field$/);
    expect(error([1, 2]).message).toBe("props: expected a JSON object of props, got [1,2]");
    expect(error("x").message).toBe('props: expected a JSON object of props, got "x"');
  });

  it("rejects a prompt with unknown words in the schema, as the Studio's panel shows it", () => {
    const r = ExplainerPropsSchema.safeParse({ prompt: "the zebra sat on the" });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join("."), i.message])).toEqual([["prompt", "only words from the model's vocabulary (see `abacus vocab`)"]]);
    expect(ExplainerPropsSchema.safeParse({ prompt: "The cat sat on the mat." }).success).toBe(true);
    expect(ExplainerPropsSchema.safeParse({ prompt: "  " }).success).toBe(false);
    // parseProps names each unknown word with the closest known ones
    expect(error({ prompt: "the zebra sat on the sofa" }).message).toMatch(
      /^props\.prompt: expected only words from the model's vocabulary \(see `abacus vocab`\), got unknown words "zebra" \(did you mean .*\), "sofa" \(did you mean .*\)$/,
    );
    expect(error({ prompt: " " }).message).toBe('props.prompt: expected at least one word, got " "');
  });

  it("knows the same words as the shipped model", () => {
    expect(readModel().manifest.vocab).toEqual(vocabulary());
  });

  it("checks model-dependent fields against the model", () => {
    const model = readModel();
    expect(() => traceForProps({ ...DEFAULT_PROPS, focusLayer: 2 }, model)).toThrow("props.focusLayer: expected an integer from 0 to 1, got 2");
    expect(() => traceForProps({ ...DEFAULT_PROPS, focusHead: 4 }, model)).toThrow("props.focusHead: expected an integer from 0 to 3, got 4");
    expect(() => traceForProps({ ...DEFAULT_PROPS, prompt: "the zebra" }, model)).toThrow(/^props\.prompt: .*unknown word "zebra"/);
    expect(() => traceForProps({ ...DEFAULT_PROPS, prompt: " " }, model)).toThrow(/^props\.prompt: expected at least one word/);
  });

  it("makes every CLI command that takes props exit 2 on them", () => {
    for (const props of ['{"fps": 500}', '{"prompt": "hello world"}', '{"width": 1921}', "{oops", "missing.json"]) {
      const r = abacus(["storyboard", "--props", props]);
      expect(r.code, props).toBe(2);
      expect(r.stderr).toMatch(/^abacus storyboard: (props\.\w+|--props): expected .+, got .+/);
    }
  });
});
