// Loads the model a video draws through staticFile, holding the render until ready: the shipped weights and manifest (assets/ is the public dir), or a checkpoint's tape that `abacus render --model` wrote into the bundle.
import { useEffect, useState } from "react";
import { cancelRender, continueRender, delayRender, staticFile } from "remotion";
import type { ModelSource } from "../src/model/source.js";
import { replaying, TapeSchema } from "../src/model/tape.js";
import { decodeWeights, parseManifest } from "../src/model/weights.js";

const shipped = () =>
  Promise.all([
    fetch(staticFile("model.json")).then((r) => r.json()),
    fetch(staticFile("model.bin")).then((r) => r.arrayBuffer()),
  ]).then(([json, bytes]) => decodeWeights(parseManifest(json, "model.json"), new Uint8Array(bytes), "model.bin"));

const fromTape = (tape: string) =>
  fetch(staticFile(tape))
    .then((r) => {
      if (!r.ok) throw new Error(`the model tape ${tape} is not in the bundle (HTTP ${r.status})`);
      return r.json();
    })
    .then((json) => replaying(TapeSchema.parse(json)));

export function useModel(tape?: string): ModelSource | null {
  const [model, setModel] = useState<ModelSource | null>(null);
  const [handle] = useState(() => delayRender(tape ? `Loading the model tape ${tape}` : "Loading the model weights (model.json, model.bin)"));
  useEffect(() => {
    let live = true;
    (tape ? fromTape(tape) : shipped())
      .then((m) => {
        if (!live) return;
        setModel(m);
        continueRender(handle);
      })
      .catch((err) => cancelRender(err));
    return () => {
      live = false;
    };
  }, [handle, tape]);
  return model;
}
