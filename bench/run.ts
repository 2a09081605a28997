/**
 * npm run bench: the console's re-encryption engine against the AWS CLI, on
 * identical fresh buckets of the local stack with a realistic round trip,
 * and the engine at a few concurrency levels. Writes bench/results/encrypt.json.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { dirname } from 'node:path';
import { DEFAULT_CONCURRENCY } from '../app/domain/jobs/re-encryption-job.js';
import { awsCliVersion, runCli, type CliRun } from './cli-run.js';
import { childrenCpuSeconds, ownCpuSeconds } from './cpu.js';
import { PhaseClock, runEngine, type EngineRun } from './engine-run.js';
import { parseBenchOptions, USAGE, type BenchOptions } from './options.js';
import {
  averageCpu,
  comparisonNote,
  concurrencyNote,
  perObject,
  round,
  sumRequests,
  totalsOf,
  type BenchResults,
  type ConcurrencyLevel,
  type Measured,
} from './results.js';
import { StackLink } from './stack-link.js';

const WARM_UP_OBJECTS = 60;
/** The engine at the console's concurrency, the engine at the CLI's, and the CLI. */
type Contender = 'engine' | 'engine-at-cli-concurrency' | 'cli';
const ROUND: Contender[] = ['engine', 'engine-at-cli-concurrency', 'cli'];

/** engine, engine at 10, cli, cli, engine at 10, engine, ...: a steady drift in the machine's load weighs on all alike. */
function alternatingOrder(rounds: number): Contender[] {
  return Array.from({ length: rounds }, (_, round): Contender[] => (round % 2 === 0 ? ROUND : [...ROUND].reverse())).flat();
}

/** Runs one contender on its bucket, then checks that the stack holds every object as SSE-S3. */
async function measure<T extends { objects: number }>(
  stack: StackLink,
  bucket: string,
  clientCpuSeconds: () => number | undefined,
  run: () => Promise<T>,
): Promise<Measured<T>> {
  const stackBefore = await stack.cpuSeconds();
  const clientBefore = clientCpuSeconds();
  const clock = new PhaseClock();
  const result = await run();
  const seconds = clock.lap();
  const clientAfter = clientCpuSeconds();
  const stackSeconds = (await stack.cpuSeconds()) - stackBefore;
  const counts = await stack.encryptionCounts(bucket);
  if (counts.AES256 !== result.objects || Object.keys(counts).length !== 1) {
    throw new Error(`After the run, ${bucket} holds ${JSON.stringify(counts)} instead of ${result.objects} SSE-S3 (AES256) objects.`);
  }
  const client = clientBefore === undefined || clientAfter === undefined ? undefined : round((clientAfter - clientBefore) / seconds, 2);
  return { ...result, cpu: { stack: round(stackSeconds / seconds, 2), client } };
}

async function bench(options: BenchOptions) {
  const loadBefore = loadavg();
  const stack = await StackLink.start({ latencyMs: options.latencyMs });
  const seed = (name: string, objects: number) => stack.seed({ name, objects, objectSize: options.objectSize });
  const engineOn = (bucket: string, concurrency: number) =>
    measure(stack, bucket, ownCpuSeconds, () => runEngine(stack.endpoint, bucket, concurrency));
  const cliOn = (bucket: string, objects: number) =>
    measure(stack, bucket, childrenCpuSeconds, () => runCli(stack.endpoint, bucket, objects, options.cliConcurrency));
  try {
    const order = alternatingOrder(options.rounds);
    const comparisonBuckets = order.map((contender, index) => `bench-${index + 1}-${contender}`);
    const levels = [...new Set([...options.sweep, DEFAULT_CONCURRENCY])].sort((a, b) => a - b);
    process.stdout.write(`Seeding ${order.length} buckets of ${options.objects} and ${levels.length} of ${options.sweepObjects} objects...\n`);
    for (const bucket of comparisonBuckets) await seed(bucket, options.objects);
    for (const level of levels) await seed(`sweep-c${level}`, options.sweepObjects);
    await seed('warm-up-engine', WARM_UP_OBJECTS);
    await seed('warm-up-cli', WARM_UP_OBJECTS);

    // Unrecorded: the first requests pay for JIT compilation and connection set-up on both sides.
    await engineOn('warm-up-engine', DEFAULT_CONCURRENCY);
    await cliOn('warm-up-cli', WARM_UP_OBJECTS);

    const engineRuns: Array<Measured<EngineRun>> = [];
    const engineAtCliRuns: Array<Measured<EngineRun>> = [];
    const cliRuns: Array<Measured<CliRun>> = [];
    for (const [index, contender] of order.entries()) {
      const bucket = comparisonBuckets[index];
      process.stdout.write(`Run ${index + 1}/${order.length}: ${contender} on ${bucket}... `);
      const run =
        contender === 'cli'
          ? await cliOn(bucket, options.objects)
          : await engineOn(bucket, contender === 'engine' ? DEFAULT_CONCURRENCY : options.cliConcurrency);
      if (contender === 'cli') cliRuns.push(run as Measured<CliRun>);
      else (contender === 'engine' ? engineRuns : engineAtCliRuns).push(run as Measured<EngineRun>);
      process.stdout.write(`${round(run.objectsPerSecond)} objects/s\n`);
    }

    const sweepRuns: Array<Measured<EngineRun>> = [];
    for (const level of levels) {
      process.stdout.write(`Engine at concurrency ${level}... `);
      sweepRuns.push(await engineOn(`sweep-c${level}`, level));
      process.stdout.write(`${round(sweepRuns.at(-1)!.objectsPerSecond)} objects/s\n`);
    }
    return { engineRuns, engineAtCliRuns, cliRuns, sweepRuns, order, loadBefore, loadAfter: loadavg() };
  } finally {
    await stack.close();
  }
}

function resultsOf(options: BenchOptions, measured: Awaited<ReturnType<typeof bench>>, cliVersion: string): BenchResults {
  const { engineRuns, engineAtCliRuns, cliRuns, sweepRuns } = measured;
  const engine = totalsOf(engineRuns);
  const engineAtCli = totalsOf(engineAtCliRuns);
  const jobAlone = (runs: readonly EngineRun[]) => totalsOf(runs.map((run) => ({ objects: run.objects, seconds: run.seconds.job }))).objectsPerSecond;
  const cli = totalsOf(cliRuns);
  const requests = perObject(sumRequests(engineRuns), engine.objects);
  const requestsPerObject = round(
    Object.values(requests).reduce((sum, count) => sum + count, 0),
    2,
  );
  const engineCpu = averageCpu(engineRuns);
  const cliCpu = averageCpu(cliRuns);
  const defaultRun = sweepRuns.find((run) => run.concurrency === DEFAULT_CONCURRENCY)!;
  const levels: ConcurrencyLevel[] = sweepRuns.map((run) => ({
    concurrency: run.concurrency,
    objectsPerSecond: round(run.objectsPerSecond),
    jobObjectsPerSecond: round(run.jobObjectsPerSecond),
    relativeToDefault: round(run.objectsPerSecond / defaultRun.objectsPerSecond, 2),
    cpu: run.cpu,
  }));
  const cores = cpus().length;
  const load = (values: number[]) => values.map((value) => round(value, 2));
  return {
    benchmark: 'In-place re-encryption of unencrypted objects to SSE-S3 on the local stack: the console engine (Node) against the AWS CLI',
    date: new Date().toISOString(),
    setup: {
      objectsPerRun: options.objects,
      objectSizeBytes: options.objectSize,
      latencyMs: options.latencyMs,
      target: 'SSE-S3',
      order: measured.order,
      note: 'Every run gets its own freshly seeded bucket of identical NOT-SSE objects; the stack runs in a process of its own; after each run the stack is checked to hold every object as SSE-S3.',
    },
    machine: {
      cores,
      cpuModel: cpus()[0]?.model,
      node: process.version,
      awsCli: cliVersion,
      loadAverage1m: { before: load(measured.loadBefore)[0], after: load(measured.loadAfter)[0] },
      note:
        `${cores} cores, shared with other work, so compare the ratios of one run, not absolute numbers across runs. ` +
        `Share of one core used on average: the stack ${engineCpu.stack} and the engine ${engineCpu.client} during the engine's runs; ` +
        `the stack ${cliCpu.stack} and the CLI ${cliCpu.client ?? 'not measured'} during the CLI's. A sum near ${cores} means the runs were CPU-bound rather than bound by the round trip.`,
    },
    engine: {
      concurrency: DEFAULT_CONCURRENCY,
      ...engine,
      jobObjectsPerSecond: jobAlone(engineRuns),
      requestsPerObject: requests,
      cpu: engineCpu,
      runs: engineRuns,
    },
    engineAtCliConcurrency: {
      concurrency: options.cliConcurrency,
      concurrencyNote: 'the engine with as many requests in flight as the CLI: more than a browser sends to one host',
      ...engineAtCli,
      jobObjectsPerSecond: jobAlone(engineAtCliRuns),
      cpu: averageCpu(engineAtCliRuns),
      runs: engineAtCliRuns,
    },
    cli: {
      concurrency: options.cliConcurrency,
      concurrencyNote: "the CLI's max_concurrent_requests (10 is its default)",
      ...cli,
      cpu: cliCpu,
      runs: cliRuns,
    },
    ratio: {
      engineToCli: round(engine.objectsPerSecond / cli.objectsPerSecond, 2),
      engineAtCliConcurrencyToCli: round(engineAtCli.objectsPerSecond / cli.objectsPerSecond, 2),
      jobAloneToCli: round(jobAlone(engineRuns) / cli.objectsPerSecond, 2),
      note: comparisonNote({
        engine: { ...engine, concurrency: DEFAULT_CONCURRENCY, requestsPerObject, jobObjectsPerSecond: jobAlone(engineRuns) },
        engineAtCli: { ...engineAtCli, concurrency: options.cliConcurrency },
        cli: { ...cli, concurrency: options.cliConcurrency },
        latencyMs: options.latencyMs,
      }),
    },
    concurrency: {
      objectsPerLevel: options.sweepObjects,
      defaultConcurrency: DEFAULT_CONCURRENCY,
      levels,
      note: concurrencyNote(levels, DEFAULT_CONCURRENCY),
    },
  };
}

const options = parseBenchOptions(process.argv.slice(2));
if (options === 'help') {
  process.stdout.write(USAGE);
} else {
  const cliVersion = await awsCliVersion();
  const results = resultsOf(options, await bench(options), cliVersion);
  await mkdir(dirname(options.out), { recursive: true });
  await writeFile(options.out, `${JSON.stringify(results, (_key, value: unknown) => (typeof value === 'number' ? round(value, 3) : value), 2)}\n`);
  process.stdout.write(
    `\nEngine ${String(results.engine.objectsPerSecond)} objects/s (concurrency ${DEFAULT_CONCURRENCY}), CLI ${String(results.cli.objectsPerSecond)} objects/s (concurrency ${options.cliConcurrency}): ratio ${results.ratio.engineToCli}; ` +
      `${results.ratio.engineAtCliConcurrencyToCli} with the engine at the CLI's concurrency.\n` +
      `${results.concurrency.note}\nWritten to ${options.out}\n`,
  );
}
