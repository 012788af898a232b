// The composition registry: ids, schemas, default props (the flagship's inline, so the Studio can save edits) and metadata.
import React from "react";
import { Composition } from "remotion";
import { DEFAULT_PROPS, ExplainerPropsSchema } from "../src/story/props.js";
import { Blank } from "./Blank/Blank.js";
import { calculateExplainerMetadata } from "./metadata.js";
import { LLMExplainer } from "./LLMExplainer/LLMExplainer.js";

export const AbacusRoot: React.FC = () => (
  <>
    <Composition
      id="LLMExplainer"
      component={LLMExplainer}
      schema={ExplainerPropsSchema}
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
      schema={ExplainerPropsSchema}
      defaultProps={DEFAULT_PROPS}
      calculateMetadata={calculateExplainerMetadata}
      width={1920}
      height={1080}
      fps={30}
      durationInFrames={540}
    />
  </>
);
