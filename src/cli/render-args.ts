// Shared parsing for `abacus render` and `abacus still`: composition id, props, output path, scale, gl.

import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { InputError } from "../errors.js";
import { readModel, REPO_ROOT } from "../model/files.js";
import type { ModelSource } from "../model/source.js";
import { recording, type Tape } from "../model/tape.js";
import { loadCheckpoint } from "../checkpoint/load.js";
import { sha256 } from "../util/sha256.js";
import { writeFileAtomic } from "../util/files.js";
import { BLANK, COMPOSITIONS, compositionById, DEFAULT_COMPOSITION, type Prepared } from "../render/compositions.js";
import { exitCodeFor, InterruptGuard } from "../render/interrupt.js";
import { REGISTRY_FILE, registryDefaults } from "../render/registry.js";
import { GL_BACKENDS, type GlBackend, glBackend } from "../render/settings.js";
import { MODEL_TAPE_FIELD, parseForModel, type VideoProps, withSavedDefaults } from "../engine/props.js";
import { UsageError } from "./args.js";
import { readPropsJson } from "./props-arg.js";

export interface Validated extends Prepared {
  id: string;
  props: VideoProps;
  model: ModelSource;
  /** For a user's checkpoint: every answer the video needs of it, for the render tabs to replay. */
  tape: Tape | null;
}

export function compositionArg(positionals: string[]): string {
  if (positionals.length > 1) throw new UsageError(`expected at most one composition id, got ${positionals.length}: ${positionals.join(" ")}`);
  const id = positionals[0] ?? DEFAULT_COMPOSITION;
  if (!compositionById(id)) throw new InputError("composition", `one of ${COMPOSITIONS.map((c) => c.id).join(", ")}`, JSON.stringify(id));
  return id;
}

/**
 * Validates the composition id and props (model-dependent checks included) before any browser
 * starts. The props are --props over the defaults saved in the registry (as the Studio and
 * `npx remotion render` take them) over the schema's defaults.
 */
export function validateJob(positionals: string[], propsArg: unknown, modelDir?: unknown): Validated {
  const id = compositionArg(positionals);
  const entry = compositionById(id)!;
  const saved = () => registryDefaults(id);
  const savedSource = `${relative(REPO_ROOT, REGISTRY_FILE)}: ${id} defaultProps`;
  if (modelDir === undefined) {
    const model = readModel();
    const props = withSavedDefaults(entry.parse, readPropsJson(propsArg), saved, savedSource);
    return { id, model, tape: null, ...entry.prepare(props, model) };
  }
  if (id === BLANK.id) throw new InputError("--model", `an explainer (${BLANK.id} draws no model)`, String(modelDir));
  const checkpoint = loadCheckpoint(String(modelDir));
  const props = withSavedDefaults((json, source) => parseForModel(entry.parse, json, source), readPropsJson(propsArg), saved, savedSource);
  const rec = recording(checkpoint);
  const prepared = entry.prepare(props, rec.source);
  return { id, model: checkpoint, tape: rec.tape(), ...prepared, record: { ...prepared.record, model: modelRecord(checkpoint) } };
}

/** What the render record says of a checkpoint: its folder, config.json and weights' sha256. */
export function modelRecord(m: ModelSource): Record<string, unknown> | null {
  const p = m.provenance;
  return p && { folder: p.folder, config: p.config, weightsFile: p.weightsFile, weightsSha256: p.weightsSha256, tokenizerFiles: p.tokenizerFiles };
}

/**
 * The props a render tab receives: the job's, and for a checkpoint the tape, written into the
 * bundle's public folder (named by its content's hash) for the tabs to fetch.
 */
export function propsForBundle(job: Validated, serveUrl: string): VideoProps {
  if (!job.tape) return job.props;
  if (/^https?:/.test(serveUrl)) throw new InputError("ABACUS_SERVE_URL", "a bundle folder on this machine (a checkpoint's tape is written into it)", serveUrl);
  const json = JSON.stringify(job.tape);
  const name = `abacus-tapes/${sha256(json).slice(0, 16)}.json`;
  writeFileAtomic(join(serveUrl, "public", name), json);
  return { ...job.props, [MODEL_TAPE_FIELD]: name } as VideoProps;
}

export function scaleArg(value: unknown): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (typeof value !== "string" || !Number.isFinite(n) || n <= 0 || n > 16) throw new InputError("--scale", "a number greater than 0, at most 16", JSON.stringify(value));
  return n;
}

export function glArg(value: unknown): GlBackend {
  if (value === undefined) return glBackend();
  if (!(GL_BACKENDS as readonly string[]).includes(String(value))) throw new InputError("--gl", `one of ${GL_BACKENDS.join(", ")}`, JSON.stringify(value));
  return value as GlBackend;
}

/** Resolves an output path and makes sure its folder exists and is writable, before rendering starts. */
export function outputArg(value: unknown, fallback: string, extensions: string[]): string {
  const out = resolve(typeof value === "string" ? value : fallback);
  if (!extensions.some((e) => out.toLowerCase().endsWith(e))) {
    throw new InputError("--out", `a file name ending in ${extensions.join(" or ")}`, JSON.stringify(value));
  }
  try {
    mkdirSync(dirname(out), { recursive: true });
    // a real write, not access(): root passes access() even on a read-only file system
    const probe = join(dirname(out), `.abacus-write-test-${process.pid}`);
    writeFileSync(probe, "");
    rmSync(probe);
  } catch (err) {
    throw new InputError("--out", "a path in a folder that exists or can be created, and is writable", `${JSON.stringify(out)} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  return out;
}

/**
 * Runs browser work under an InterruptGuard (private temporary folder, cleanup on SIGINT and
 * SIGTERM): returns 0, or 130 / 143 when a signal stopped it; other errors propagate.
 */
export async function guarded(command: string, work: (guard: InterruptGuard) => Promise<void>): Promise<number> {
  const guard = new InterruptGuard().install();
  try {
    await work(guard);
    return 0;
  } catch (err) {
    if (guard.signal) {
      console.error(`abacus ${command}: interrupted by ${guard.signal}; nothing was written`);
      return exitCodeFor(guard.signal);
    }
    throw err;
  } finally {
    guard.uninstall();
  }
}
