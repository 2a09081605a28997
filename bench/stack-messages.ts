import type { BenchBucket } from './bench-data.js';

/** What the bench asks of the stack it runs in a child process. */
export type StackRequest =
  { id: number; type: 'seed'; bucket: BenchBucket } | { id: number; type: 'encryption-counts'; bucket: string } | { id: number; type: 'cpu-usage' };

export interface StackStarted {
  type: 'started';
  endpoint: string;
}

export type StackAnswer =
  | { id: number; type: 'seeded' }
  | { id: number; type: 'encryption-counts'; counts: Record<string, number> }
  /** process.cpuUsage() of the stack, user + system, in microseconds. */
  | { id: number; type: 'cpu-usage'; microseconds: number }
  | { id: number; type: 'failed'; message: string };

export interface StackSettings {
  latencyMs: number;
}
