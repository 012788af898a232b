// calculateMetadata for compositions driven by the explainer props: fps, size and length come from the props.
import type { CalculateMetadataFunction } from "remotion";
import { durationInFrames, type ExplainerProps } from "../src/story/props.js";

export const calculateExplainerMetadata: CalculateMetadataFunction<ExplainerProps> = ({ props }) => ({
  fps: props.fps,
  width: props.width,
  height: props.height,
  durationInFrames: durationInFrames(props),
});
