// The model's parameters: one flat buffer with named views, in a fixed order (also the file order).

import type { ModelConfig } from "./config.js";
import type { Rng } from "./random.js";
import { Carver, type FloatCtor, type Floats } from "./tensor.js";

export interface LayerParams {
  ln1w: Floats; // (C)
  ln1b: Floats; // (C)
  qkvw: Floats; // (3C, C)  rows: Wq, Wk, Wv, each (C, C), heads side by side
  qkvb: Floats; // (3C)
  attprojw: Floats; // (C, C)
  attprojb: Floats; // (C)
  ln2w: Floats; // (C)
  ln2b: Floats; // (C)
  fcw: Floats; // (4C, C)
  fcb: Floats; // (4C)
  fcprojw: Floats; // (C, 4C)
  fcprojb: Floats; // (C)
}

export interface Params {
  config: ModelConfig;
  data: Floats; // every parameter, flat
  wte: Floats; // (V, C) token embedding, also the unembedding (tied) unless lmHead is set
  lmHead?: Floats; // (V, C) the unembedding of a checkpoint that does not tie it (config.untiedHead)
  wpe: Floats; // (T_max, C) learned position embedding
  layers: LayerParams[];
  lnfw: Floats; // (C)
  lnfb: Floats; // (C)
}

/** [name, shape] of every parameter tensor, in buffer order. */
export function paramShapes(c: ModelConfig): [string, number[]][] {
  const C = c.dModel;
  const shapes: [string, number[]][] = [
    ["wte", [c.vocabSize, C]],
    ["wpe", [c.contextLength, C]],
  ];
  for (let l = 0; l < c.nLayer; l++) {
    shapes.push(
      [`l${l}.ln1w`, [C]],
      [`l${l}.ln1b`, [C]],
      [`l${l}.qkvw`, [3 * C, C]],
      [`l${l}.qkvb`, [3 * C]],
      [`l${l}.attprojw`, [C, C]],
      [`l${l}.attprojb`, [C]],
      [`l${l}.ln2w`, [C]],
      [`l${l}.ln2b`, [C]],
      [`l${l}.fcw`, [4 * C, C]],
      [`l${l}.fcb`, [4 * C]],
      [`l${l}.fcprojw`, [C, 4 * C]],
      [`l${l}.fcprojb`, [C]],
    );
  }
  shapes.push(["lnfw", [C]], ["lnfb", [C]]);
  if (c.untiedHead) shapes.push(["lmHead", [c.vocabSize, C]]);
  return shapes;
}

export function paramCount(c: ModelConfig): number {
  return paramShapes(c).reduce((n, [, s]) => n + s.reduce((a, b) => a * b, 1), 0);
}

/** Named views over a flat buffer laid out as paramShapes says. */
export function viewParams(config: ModelConfig, data: Floats): Params {
  if (data.length !== paramCount(config)) {
    throw new Error(`parameter buffer has ${data.length} floats, the config needs ${paramCount(config)}`);
  }
  const C = config.dModel;
  const cv = new Carver(data);
  const wte = cv.take(config.vocabSize * C);
  const wpe = cv.take(config.contextLength * C);
  const layers: LayerParams[] = [];
  for (let l = 0; l < config.nLayer; l++) {
    layers.push({
      ln1w: cv.take(C),
      ln1b: cv.take(C),
      qkvw: cv.take(3 * C * C),
      qkvb: cv.take(3 * C),
      attprojw: cv.take(C * C),
      attprojb: cv.take(C),
      ln2w: cv.take(C),
      ln2b: cv.take(C),
      fcw: cv.take(4 * C * C),
      fcb: cv.take(4 * C),
      fcprojw: cv.take(4 * C * C),
      fcprojb: cv.take(C),
    });
  }
  const lnfw = cv.take(C);
  const lnfb = cv.take(C);
  return { config, data, wte, wpe, layers, lnfw, lnfb, ...(config.untiedHead ? { lmHead: cv.take(config.vocabSize * C) } : {}) };
}

export function allocParams(config: ModelConfig, ctor: FloatCtor = Float32Array): Params {
  return viewParams(config, new ctor(paramCount(config)));
}

/**
 * GPT-2 initialisation: normal(0, std) for matrices, std/sqrt(2·nLayer) for the
 * projections that write into the residual stream, zero biases, unit LayerNorm gains.
 */
export function initParams(config: ModelConfig, rng: Rng, std: number, ctor: FloatCtor = Float32Array): Params {
  const p = allocParams(config, ctor);
  const fill = (a: Floats, s: number) => {
    for (let i = 0; i < a.length; i++) a[i] = rng.normal() * s;
  };
  const residStd = std / Math.sqrt(2 * config.nLayer);
  fill(p.wte, std);
  fill(p.wpe, std);
  if (p.lmHead) fill(p.lmHead, std);
  for (const L of p.layers) {
    L.ln1w.fill(1);
    L.ln2w.fill(1);
    fill(L.qkvw, std);
    fill(L.attprojw, residStd);
    fill(L.fcw, std);
    fill(L.fcprojw, residStd);
  }
  p.lnfw.fill(1);
  return p;
}
