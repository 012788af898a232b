// The composition registry: one <Composition> per explainer, each with its schema, its default props
// written inline (so the Studio can save edits here) and calculateMetadata; and the Blank floor.
import React from "react";
import { Composition } from "remotion";
import { VideoPropsSchema } from "../src/engine/props.js";
import { LlmPropsSchema } from "../src/explainers/llm/props.js";
import { Blank } from "./Blank/Blank.js";
import { LLMExplainerComposition } from "./components.js";
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
  </>
);
