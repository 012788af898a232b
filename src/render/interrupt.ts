// Ctrl-C and SIGTERM during a render: cancel the browser and encoder, remove temporary files, exit 130 / 143.

import { rmSync } from "node:fs";
import { constants } from "node:os";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** The conventional exit code for a process ended by a signal: 128 + its number (130, 143). */
export const exitCodeFor = (s: StopSignal) => 128 + constants.signals[s];

export class Interrupted extends Error {
  constructor(readonly signal: StopSignal) {
    super(`interrupted by ${signal}`);
    this.name = "Interrupted";
  }
}

/**
 * While installed, a first SIGINT/SIGTERM cancels the registered work (renders reject and
 * clean up after themselves); if nothing cancellable is running, or a second signal comes,
 * the registered paths are removed synchronously and the process exits at once.
 */
export class InterruptGuard {
  signal: StopSignal | null = null;
  private readonly paths = new Set<string>();
  private readonly cancels = new Set<() => void>();
  private readonly handlers = new Map<StopSignal, () => void>();

  install(): this {
    for (const s of SIGNALS) {
      const h = () => this.onSignal(s);
      this.handlers.set(s, h);
      process.on(s, h);
    }
    return this;
  }

  uninstall(): void {
    for (const [s, h] of this.handlers) process.off(s, h);
    this.handlers.clear();
  }

  /** A temporary path to remove if the process has to exit abruptly. */
  track(path: string): () => void {
    this.paths.add(path);
    return () => this.paths.delete(path);
  }

  /** Work that can be cancelled (e.g. a render's cancel signal). */
  cancellable(cancel: () => void): () => void {
    this.cancels.add(cancel);
    if (this.signal) cancel();
    return () => this.cancels.delete(cancel);
  }

  /** Throws Interrupted when a signal has arrived: call between steps. */
  check(): void {
    if (this.signal) throw new Interrupted(this.signal);
  }

  private onSignal(s: StopSignal): void {
    const first = this.signal === null;
    this.signal ??= s;
    if (first && this.cancels.size > 0) {
      process.stderr.write(`\n${s}: stopping the render and cleaning up...\n`);
      for (const c of this.cancels) c();
      return;
    }
    for (const p of this.paths) rmSync(p, { recursive: true, force: true });
    process.exit(exitCodeFor(this.signal));
  }
}
