import type { EngineRun } from './engine-run.js';

/** Share of one core used during a run, by the stack and by the contender's own process. */
export interface CpuShare {
  stack: number;
  client: number | undefined;
}

export type Measured<T> = T & { cpu: CpuShare };

export interface Totals {
  objects: number;
  seconds: number;
  objectsPerSecond: number;
}

/** Objects and seconds summed over runs, so runs of any length weigh by their time. */
export function totalsOf(runs: ReadonlyArray<{ objects: number; seconds: number | { total: number } }>): Totals {
  const objects = runs.reduce((sum, run) => sum + run.objects, 0);
  const seconds = runs.reduce((sum, run) => sum + (typeof run.seconds === 'number' ? run.seconds : run.seconds.total), 0);
  return { objects, seconds: round(seconds), objectsPerSecond: round(objects / seconds) };
}

export function perObject(requests: Record<string, number>, objects: number): Record<string, number> {
  return Object.fromEntries(Object.entries(requests).map(([command, count]) => [command, round(count / objects, 3)]));
}

export function sumRequests(runs: readonly EngineRun[]): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const run of runs) for (const [command, count] of Object.entries(run.requests)) sums[command] = (sums[command] ?? 0) + count;
  return sums;
}

export function averageCpu(runs: ReadonlyArray<{ cpu: CpuShare }>): CpuShare {
  const mean = (values: number[]) => round(values.reduce((sum, value) => sum + value, 0) / values.length, 2);
  const clients = runs.flatMap((run) => (run.cpu.client === undefined ? [] : [run.cpu.client]));
  return { stack: mean(runs.map((run) => run.cpu.stack)), client: clients.length === runs.length ? mean(clients) : undefined };
}

export function round(value: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export interface ConcurrencyLevel {
  concurrency: number;
  objectsPerSecond: number;
  jobObjectsPerSecond: number;
  relativeToDefault: number;
  cpu: CpuShare;
}

/** What the sweep says about the default, for a reader who runs the console in a browser. */
export function concurrencyNote(levels: readonly ConcurrencyLevel[], defaultConcurrency: number): string {
  const described = levels.map((level) => `${level.concurrency}: ${level.relativeToDefault}×`).join(', ');
  const above = levels.filter((level) => level.concurrency > defaultConcurrency);
  const gainAbove = above.length > 0 ? Math.max(...above.map((level) => level.relativeToDefault)) : undefined;
  return [
    `Throughput relative to the default of ${defaultConcurrency}: ${described}.`,
    'In Node the SDK opens a connection for every request in flight, so each level really sends that many at once.',
    `A browser sends at most 6 requests at once to one host over HTTP/1.1 (which S3 speaks), so in the console a setting above 6 only queues requests inside the browser: the gain measured above ${defaultConcurrency}` +
      (gainAbove === undefined ? ' (not measured)' : ` (up to ${gainAbove}×)`) +
      " is out of a browser's reach, and 6 is the most it can use.",
  ].join(' ');
}

export interface Contenders {
  engine: Totals & { concurrency: number; requestsPerObject: number; jobObjectsPerSecond: number };
  engineAtCli: Totals & { concurrency: number };
  cli: Totals & { concurrency: number };
  latencyMs: number;
}

/** Why the ratio is what it is: requests per object and requests in flight, each side's overhead the rest. */
export function comparisonNote({ engine, engineAtCli, cli, latencyMs }: Contenders): string {
  const roundTripRatio = round(engine.concurrency / engine.requestsPerObject / cli.concurrency, 2);
  const perConnection = (objectsPerSecond: number, requestsPerObject: number, concurrency: number) =>
    round((objectsPerSecond * requestsPerObject) / concurrency);
  return [
    `The engine sends ${engine.requestsPerObject} requests per object (HeadObject to select it, CopyObject conditional on the ETag seen, HeadObject to verify),`,
    'the CLI one CopyObject, unconditional and unchecked, plus a listing per 1,000 keys.',
    `With ${latencyMs} ms added to every answer, round trips dominate: engine ${engine.objectsPerSecond} objects/s`,
    `(${round(engine.objectsPerSecond * engine.requestsPerObject)} requests/s, ${engine.concurrency} in flight), CLI ${cli.objectsPerSecond} objects/s (${cli.concurrency} in flight).`,
    `Round trips alone predict a ratio of ${roundTripRatio} (${engine.concurrency}/${engine.requestsPerObject} against ${cli.concurrency}/1); what differs from it is each side's own overhead.`,
    `Requests answered per second per request in flight: engine ${perConnection(engine.objectsPerSecond, engine.requestsPerObject, engine.concurrency)},`,
    `engine at ${engineAtCli.concurrency} in flight ${perConnection(engineAtCli.objectsPerSecond, engine.requestsPerObject, engineAtCli.concurrency)},`,
    `CLI ${perConnection(cli.objectsPerSecond, 1, cli.concurrency)}: the gap is the requests each object costs and the browser's 6 connections, not the engine's speed.`,
    `Once the selection is read (the objects page's HeadObject answers are reused when fresh), the job alone runs ${engine.jobObjectsPerSecond} objects/s (2 requests per object).`,
  ].join(' ');
}

export interface BenchResults {
  benchmark: string;
  date: string;
  setup: Record<string, unknown>;
  machine: Record<string, unknown>;
  engine: Record<string, unknown>;
  engineAtCliConcurrency: Record<string, unknown>;
  cli: Record<string, unknown>;
  ratio: { engineToCli: number; engineAtCliConcurrencyToCli: number; jobAloneToCli: number; note: string };
  concurrency: { objectsPerLevel: number; defaultConcurrency: number; levels: ConcurrencyLevel[]; note: string };
}
