// The composition registry: one <Composition> per explainer, each with its schema, its default props
// written inline (so the Studio can save edits here) and calculateMetadata; and the Blank floor.
import React from "react";
import { Composition } from "remotion";
import { VideoPropsSchema } from "../src/engine/props.js";
import { AttentionHeadPropsSchema } from "../src/explainers/attention-head/props.js";
import { LlmPropsSchema } from "../src/explainers/llm/props.js";
import { MatMulPropsSchema } from "../src/explainers/matmul/props.js";
import { NextTokenPropsSchema } from "../src/explainers/next-token/props.js";
import { Blank } from "./Blank/Blank.js";
import { calculateContactSheetMetadata, CONTACT_SHEET_DEFAULTS, ContactSheet } from "./ContactSheet/ContactSheet.js";
import { CONTACT_SHEET_ID } from "./ContactSheet/layout.js";
import { AttentionHeadComposition, LLMExplainerComposition, MatMulAbacusComposition, NextTokenLoopComposition } from "./components.js";
import { calculateExplainerMetadata } from "./metadata.js";

export const AbacusRoot: React.FC = () => (
  <>
    <Composition
      id="LLMExplainer"
      component={LLMExplainerComposition}
      schema={LlmPropsSchema}
      defaultProps={{
        prompt: "the cat sat on the",
        theme: "pastel" as const,
        captions: "off" as const,
        fps: 30,
        durationInSeconds: 18,
        width: 1920,
        height: 1080,
        focusLayer: 0,
        focusHead: 0,
        topK: 5,
      }}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={540}
    />
    <Composition
      id="MatMulAbacus"
      component={MatMulAbacusComposition}
      schema={MatMulPropsSchema}
      defaultProps={{
        prompt: "the cat sat on the",
        theme: "pastel" as const,
        captions: "off" as const,
        fps: 30,
        durationInSeconds: 12,
        width: 1920,
        height: 1080,
        layer: 0,
        head: 0,
        operand: "q" as const,
        token: "last" as const,
      }}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={360}
    />
    <Composition
      id="AttentionHead"
      component={AttentionHeadComposition}
      schema={AttentionHeadPropsSchema}
      defaultProps={{
        prompt: "anna has a red kite . anna likes the red",
        theme: "pastel" as const,
        captions: "off" as const,
        fps: 30,
        durationInSeconds: 15,
        width: 1920,
        height: 1080,
        layer: 1,
        head: 1,
        focusToken: "last" as const,
      }}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={450}
    />
    <Composition
      id="NextTokenLoop"
      component={NextTokenLoopComposition}
      schema={NextTokenPropsSchema}
      defaultProps={{
        prompt: "the cat was tired so it",
        theme: "pastel" as const,
        captions: "off" as const,
        fps: 30,
        durationInSeconds: 16,
        width: 1920,
        height: 1080,
        steps: 5,
        temperature: 0,
        seed: 0,
        topK: 5,
      }}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={480}
    />
    <Composition
      id="Blank"
      component={Blank}
      schema={VideoPropsSchema}
      defaultProps={VideoPropsSchema.parse({})}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={540}
    />
    <Composition
      id={CONTACT_SHEET_ID}
      component={ContactSheet}
      defaultProps={CONTACT_SHEET_DEFAULTS}
      calculateMetadata={calculateContactSheetMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={1}
    />
  </>
);
