// Ctrl-C and SIGTERM during a render: cancel the browser and encoder, remove temporary files, exit 130 / 143.

import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { constants, tmpdir } from "node:os";
import { join } from "node:path";

const SIGNALS = ["SIGINT", "SIGTERM"] as const;
export type StopSignal = (typeof SIGNALS)[number];

/** The conventional exit code for a process ended by a signal: 128 + its number (130, 143). */
export const exitCodeFor = (s: StopSignal) => 128 + constants.signals[s];

/** Pids of every descendant of `root`, read from /proc (Linux); empty elsewhere. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      // /proc/PID/stat: "pid (comm) state ppid ..."; comm may contain spaces, so split after ")"
      const stat = readFileSync(`/proc/${e}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(e));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const walk = (pid: number) => {
    for (const c of children.get(pid) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(root);
  return out;
}

function killDescendants(): void {
  for (const pid of descendants(process.pid)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
}

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
 *
 * It also gives the process a private temporary folder (TMPDIR, which os.tmpdir() reads on
 * every call), so that everything Remotion and the browser write there (assets, frames, the
 * browser profile) goes with it: Remotion's own SIGINT handler kills the browser and calls
 * process.exit(130) before any asynchronous cleanup could run, so the removal happens in a
 * synchronous 'exit' listener.
 */
export class InterruptGuard {
  signal: StopSignal | null = null;
  private readonly paths = new Set<string>();
  private readonly cancels = new Set<() => void>();
  private readonly handlers = new Map<StopSignal, () => void>();
  private readonly onExit = () => {
    if (this.signal) killDescendants(); // browser, compositor and encoder go with us
    this.removeAll();
  };
  private savedTmp: string | undefined;
  private privateTmp: string | null = null;

  install(): this {
    for (const s of SIGNALS) {
      const h = () => this.onSignal(s);
      this.handlers.set(s, h);
      process.on(s, h);
    }
    process.on("exit", this.onExit);
    this.savedTmp = process.env.TMPDIR;
    this.privateTmp = mkdtempSync(join(tmpdir(), "abacus-render-"));
    this.paths.add(this.privateTmp);
    process.env.TMPDIR = this.privateTmp;
    return this;
  }

  /** Removes everything tracked (the private temporary folder included) and restores TMPDIR. */
  uninstall(): void {
    for (const [s, h] of this.handlers) process.off(s, h);
    this.handlers.clear();
    process.off("exit", this.onExit);
    if (this.signal) killDescendants();
    this.removeAll();
    if (this.privateTmp !== null) {
      if (this.savedTmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = this.savedTmp;
      this.privateTmp = null;
    }
  }

  private removeAll(): void {
    for (const p of this.paths) rmSync(p, { recursive: true, force: true });
    this.paths.clear();
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
    process.exit(exitCodeFor(this.signal)); // the 'exit' listener removes the tracked paths
  }
}
