// A content hash of a SceneState (typed arrays as plain arrays), for determinism checks.

import { canonicalJson } from "../trace/canonical.js";
import { sha256 } from "../util/sha256.js";
import type { SceneState } from "./scene-types.js";

export function hashScene(s: SceneState): string {
  return sha256(canonicalJson(JSON.parse(JSON.stringify(s, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as Float32Array) : v)))));
}
