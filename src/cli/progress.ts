// Progress on stderr: one redrawn line on a terminal, a plain line every few percent otherwise.

export class Progress {
  private readonly tty = Boolean(process.stderr.isTTY);
  private readonly start = performance.now();
  private lastPercent = -1;
  private finished = false;

  constructor(private readonly label: string, private readonly total: number, private readonly everyPercent = 10) {}

  /** Seconds since this progress display started. */
  elapsed(): number {
    return (performance.now() - this.start) / 1000;
  }

  update(done: number, detail = ""): void {
    if (this.finished) return;
    this.finished = done >= this.total;
    const percent = Math.floor((100 * done) / this.total);
    const elapsed = this.elapsed();
    const eta = done > 0 ? (elapsed * (this.total - done)) / done : NaN;
    const text = `${this.label} ${done}/${this.total} (${percent}%) ${detail} ${Number.isFinite(eta) ? `eta ${eta.toFixed(0)}s` : ""}`.trimEnd();
    if (this.tty) {
      const width = 24;
      const filled = Math.round((width * done) / this.total);
      process.stderr.write(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${text}\x1b[K`);
      if (done === this.total) process.stderr.write("\n");
    } else if (Math.floor(percent / this.everyPercent) > Math.floor(this.lastPercent / this.everyPercent) || done === this.total) {
      this.lastPercent = percent;
      process.stderr.write(`${text}\n`);
    }
  }
}
