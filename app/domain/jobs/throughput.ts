/**
 * Objects finished per second over the last minute of running, and the time
 * left at that pace. Time spent paused does not count: the meter restarts on
 * every run.
 */
export class ThroughputMeter {
  private finishedAt: number[] = [];
  private runningSince = 0;

  constructor(private readonly windowMs = 60_000) {}

  start(now: number): void {
    this.runningSince = now;
    this.finishedAt = [];
  }

  record(now: number): void {
    this.finishedAt.push(now);
  }

  perSecond(now: number): number | undefined {
    const windowStart = Math.max(this.runningSince, now - this.windowMs);
    this.finishedAt = this.finishedAt.filter((at) => at > windowStart);
    const elapsedMs = now - windowStart;
    if (this.finishedAt.length === 0 || elapsedMs <= 0) return undefined;
    return (this.finishedAt.length * 1000) / elapsedMs;
  }
}

export function etaSeconds(remaining: number, perSecond: number | undefined): number | undefined {
  if (remaining === 0) return 0;
  return perSecond ? Math.ceil(remaining / perSecond) : undefined;
}
