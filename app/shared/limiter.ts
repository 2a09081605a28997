/**
 * Runs at most `max` tasks at once, the rest in arrival order. Browsers open
 * only six HTTP/1.1 connections per host, so firing every HeadObject of a
 * page at once only queues them inside the browser, where they cannot be
 * cancelled or reordered.
 */
export class ConcurrencyLimiter {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(readonly max: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.max) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
