// calculateMetadata for every composition: fps, size and length come from the props.
import { durationInFrames, type VideoProps, VideoPropsSchema } from "../src/engine/props.js";

const FALLBACK = VideoPropsSchema.parse({});

export const calculateExplainerMetadata = <T extends Partial<VideoProps>>({ props }: { props: T }) => {
  const p = { ...FALLBACK, ...props };
  return { fps: p.fps, width: p.width, height: p.height, durationInFrames: durationInFrames(p) };
};
