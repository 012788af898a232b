// Node-only: reading and writing the shipped model (assets/model.bin + assets/model.json).

import { dirname, extname, join } from "node:path";
import { findRepoRoot } from "../util/repo-root.js";
import { readInput, readJson, writeFileAtomic } from "../util/files.js";
import { decodeWeights, encodeWeights, type LoadedModel, type Manifest, MANIFEST_VERSION, parseManifest } from "./weights.js";
import { sha256 } from "../util/sha256.js";
import type { Params } from "./params.js";

export const REPO_ROOT = findRepoRoot();
export const ASSETS_DIR = join(REPO_ROOT, "assets");
export const WEIGHTS_FILE = "model.bin";
export const DEFAULT_WEIGHTS = join(ASSETS_DIR, WEIGHTS_FILE);

/** The manifest that belongs to a weights file: same name, .json. */
export function manifestPathFor(weightsPath: string): string {
  return weightsPath.slice(0, weightsPath.length - extname(weightsPath).length) + ".json";
}

/** Loads and verifies weights and their manifest; `weightsPath` may name either file. */
export function readModel(weightsPath = DEFAULT_WEIGHTS, field = "--weights"): LoadedModel {
  const manifestPath = extname(weightsPath) === ".json" ? weightsPath : manifestPathFor(weightsPath);
  const manifest = parseManifest(readJson(manifestPath, `${field} (manifest)`), manifestPath);
  const binPath = join(dirname(manifestPath), manifest.weights.file);
  const bytes = readInput(binPath, field);
  return decodeWeights(manifest, new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), field);
}

/** Writes weights then manifest, each atomically, into `dir`. Returns the manifest. */
export function writeModel(dir: string, params: Params, rest: Omit<Manifest, "schemaVersion" | "weights" | "config">): Manifest {
  const bytes = encodeWeights(params);
  const manifest: Manifest = {
    schemaVersion: MANIFEST_VERSION,
    weights: { file: WEIGHTS_FILE, dtype: "float32-le", bytes: bytes.length, sha256: sha256(bytes) },
    config: params.config,
    ...rest,
  };
  parseManifest(manifest);
  writeFileAtomic(join(dir, WEIGHTS_FILE), bytes);
  writeFileAtomic(manifestPathFor(join(dir, WEIGHTS_FILE)), JSON.stringify(manifest, null, 2) + "\n");
  return manifest;
}
