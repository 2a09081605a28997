import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Objects in each compared run (one bucket per run). */
  objects: number;
  /** Engine–CLI pairs, run in the order engine, CLI, CLI, engine, ... so drift in the machine's load falls on both. */
  rounds: number;
  objectSize: number;
  latencyMs: number;
  cliConcurrency: number;
  /** Engine concurrency levels compared on a smaller bucket each. */
  sweep: number[];
  sweepObjects: number;
  out: string;
}

export const USAGE = `Usage: npm run bench -- [options]

  --objects N           objects per compared run (default 1500)
  --rounds N            engine/CLI pairs, alternated (default 2)
  --object-size BYTES   size of each object (default 4096)
  --latency MS          the stack's delay on every response (default 30)
  --cli-concurrency N   the CLI's max_concurrent_requests (default 10, its own default)
  --sweep LIST          engine concurrency levels to compare (default 2,6,16)
  --sweep-objects N     objects per concurrency level (default 400)
  --out FILE            where the results go (default bench/results/encrypt.json)
`;

export function parseBenchOptions(argv: string[]): BenchOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      objects: { type: 'string', default: '1500' },
      rounds: { type: 'string', default: '2' },
      'object-size': { type: 'string', default: '4096' },
      latency: { type: 'string', default: '30' },
      'cli-concurrency': { type: 'string', default: '10' },
      sweep: { type: 'string', default: '2,6,16' },
      'sweep-objects': { type: 'string', default: '400' },
      out: { type: 'string', default: 'bench/results/encrypt.json' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return 'help';
  return {
    objects: whole(values.objects, 'objects', 1),
    rounds: whole(values.rounds, 'rounds', 1),
    objectSize: whole(values['object-size'], 'object-size', 1),
    latencyMs: whole(values.latency, 'latency', 0),
    cliConcurrency: whole(values['cli-concurrency'], 'cli-concurrency', 1),
    sweep: values.sweep.split(',').map((level) => whole(level, 'sweep', 1)),
    sweepObjects: whole(values['sweep-objects'], 'sweep-objects', 1),
    out: values.out,
  };
}

function whole(text: string, name: string, least: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < least) throw new Error(`--${name} must be a whole number of at least ${least}, not '${text}'.`);
  return value;
}
