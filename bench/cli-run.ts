import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultOptions } from '../emulator/options.js';
import { PhaseClock } from './engine-run.js';

/** The CLI's own default `max_concurrent_requests` for `aws s3` transfers. */
export const CLI_DEFAULT_CONCURRENCY = 10;

export interface CliRun {
  concurrency: number;
  objects: number;
  /** Wall-clock time of the whole command, the CLI's start-up included. */
  seconds: number;
  objectsPerSecond: number;
}

/**
 * `aws s3 cp s3://B/ s3://B/ --recursive --sse AES256`: the CLI lists the
 * bucket and copies each object onto itself with CopyObject, as a user
 * re-encrypting a bucket by hand would. It runs with the stack's root key and
 * nothing of the machine's AWS configuration: a config file of its own sets
 * only `max_concurrent_requests`.
 */
export async function runCli(endpoint: string, bucket: string, objects: number, concurrency = CLI_DEFAULT_CONCURRENCY): Promise<CliRun> {
  const configFolder = await mkdtemp(join(tmpdir(), 'bench-cli-'));
  try {
    const configFile = join(configFolder, 'config');
    await writeFile(configFile, `[default]\ns3 =\n  max_concurrent_requests = ${concurrency}\n`);
    const clock = new PhaseClock();
    await aws(
      ['--endpoint-url', endpoint, 's3', 'cp', `s3://${bucket}/`, `s3://${bucket}/`, '--recursive', '--sse', 'AES256', '--only-show-errors'],
      configFile,
    );
    const seconds = clock.lap();
    return { concurrency, objects, seconds, objectsPerSecond: objects / seconds };
  } finally {
    await rm(configFolder, { recursive: true, force: true });
  }
}

export async function awsCliVersion(): Promise<string> {
  return (await aws(['--version'], '/dev/null')).trim();
}

function isolatedEnvironment(configFile: string): NodeJS.ProcessEnv {
  const machine = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('AWS_')));
  const options = defaultOptions();
  return {
    ...machine,
    AWS_ACCESS_KEY_ID: options.rootAccessKeyId,
    AWS_SECRET_ACCESS_KEY: options.rootSecretAccessKey,
    AWS_DEFAULT_REGION: options.region,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_PAGER: '',
  };
}

/** Runs `aws` and resolves with its output (v1 prints --version on stderr); rejects on a non-zero exit. */
function aws(args: string[], configFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('aws', args, { env: isolatedEnvironment(configFile), stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', (error) => reject(new Error(`Could not run the AWS CLI ('aws' on the PATH): ${error.message}`)));
    child.on('exit', (code) => (code === 0 ? resolve(output) : reject(new Error(`aws ${args.join(' ')} exited with ${code}:\n${output}`))));
  });
}
