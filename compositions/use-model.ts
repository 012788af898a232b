// Loads the shipped weights and manifest through staticFile (assets/ is the public dir), holding the render until ready.
import { useEffect, useState } from "react";
import { cancelRender, continueRender, delayRender, staticFile } from "remotion";
import { decodeWeights, type LoadedModel, parseManifest } from "../src/model/weights.js";

export function useModel(): LoadedModel | null {
  const [model, setModel] = useState<LoadedModel | null>(null);
  const [handle] = useState(() => delayRender("Loading the model weights (model.json, model.bin)"));
  useEffect(() => {
    let live = true;
    Promise.all([
      fetch(staticFile("model.json")).then((r) => r.json()),
      fetch(staticFile("model.bin")).then((r) => r.arrayBuffer()),
    ])
      .then(([json, bytes]) => {
        if (!live) return;
        setModel(decodeWeights(parseManifest(json, "model.json"), new Uint8Array(bytes), "model.bin"));
        continueRender(handle);
      })
      .catch((err) => cancelRender(err));
    return () => {
      live = false;
    };
  }, [handle]);
  return model;
}
