// The registry's saved defaultProps: read as the Studio reads them, and layered under --props for the CLI.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { EXPLAINERS } from "../src/explainers/index.js";
import { REGISTRY_FILE, registryDefaults } from "../src/render/registry.js";
import { withSavedDefaults as layered } from "../src/engine/props.js";
import { LLM_DEFAULTS as DEFAULT_PROPS, LLM_FIELD_DOCS as FIELD_DOCS, parseLlmProps as parseProps } from "../src/explainers/llm/props.js";

const withSavedDefaults = (json: unknown, saved: () => Record<string, unknown>, source: string) => layered(parseProps, json, saved, source);
import { tempDir } from "./helpers.js";

/** The one field with no default: without it, the explainer's own title in the captions' language (a saved one would not follow the language). */
const OPTIONAL = "title";

describe("registry defaults", () => {
  it("reads LLMExplainer's inline defaultProps: every field, all valid", () => {
    const saved = registryDefaults("LLMExplainer");
    expect(Object.keys(saved).sort()).toEqual(Object.keys(FIELD_DOCS).filter((k) => k !== OPTIONAL).sort());
    expect(() => parseProps(saved)).not.toThrow();
  });

  it("reads every explainer's inline defaultProps: every field of its schema, equal to the schema's defaults", () => {
    for (const ex of EXPLAINERS) {
      const saved = registryDefaults(ex.id);
      expect(Object.keys(saved).sort(), ex.id).toEqual(Object.keys(ex.fieldDocs).filter((k) => k !== OPTIONAL).sort());
      expect(ex.parse(saved), ex.id).toEqual(ex.defaults);
    }
  });

  it("gives {} for a composition whose defaults are not an inline literal (Blank)", () => {
    expect(registryDefaults("Blank")).toEqual({});
  });

  it("reads what the Studio would have saved", () => {
    const dir = tempDir();
    const file = join(dir, "AbacusRoot.tsx");
    writeFileSync(file, readFileSync(REGISTRY_FILE, "utf8").replace(/prompt: "[^"]*"/, 'prompt: "the frog was hungry so it ate the"'));
    expect(registryDefaults("LLMExplainer", file).prompt).toBe("the frog was hungry so it ate the");
    rmSync(dir, { recursive: true });
  });
});

describe("props over saved defaults over the schema's", () => {
  const source = "compositions/AbacusRoot.tsx: LLMExplainer defaultProps";

  it("takes each field from the first layer that has it", () => {
    const props = withSavedDefaults({ theme: "dark" }, () => ({ theme: "pastel", prompt: "count one two", fps: 24 }), source);
    expect(props).toEqual({ ...DEFAULT_PROPS, theme: "dark", prompt: "count one two", fps: 24 });
    expect(withSavedDefaults({}, () => ({}), source)).toEqual(DEFAULT_PROPS);
  });

  it("names where a bad value came from", () => {
    // the user's layer is checked before the saved one is even read
    expect(() => withSavedDefaults({ fps: 5 }, () => { throw new Error("read the registry"); }, source)).toThrow(/^props\.fps: expected an integer from 10 to 120, got 5$/);
    expect(() => withSavedDefaults({}, () => ({ prompt: "the zebra" }), source)).toThrow(
      /^compositions\/AbacusRoot\.tsx: LLMExplainer defaultProps\.prompt: expected only words from the model's vocabulary .*, got unknown word "zebra"/,
    );
  });
});
