import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchBucket } from './bench-data.js';
import type { StackAnswer, StackRequest, StackSettings, StackStarted } from './stack-messages.js';

/** A request before the link numbers it. */
type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type Question = WithoutId<StackRequest>;

/** The bench's side of the stack process (stack-process.ts): start, ask, stop. */
export class StackLink {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: StackAnswer) => void>();

  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
  ) {
    child.on('message', (answer: StackAnswer) => {
      this.waiting.get(answer.id)?.(answer);
      this.waiting.delete(answer.id);
    });
  }

  static start(settings: StackSettings): Promise<StackLink> {
    const script = fileURLToPath(new URL('./stack-process.ts', import.meta.url));
    const child = fork(script, [JSON.stringify(settings)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
    let errors = '';
    child.stderr?.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    return new Promise((resolve, reject) => {
      child.once('message', (message: StackStarted) => resolve(new StackLink(child, message.endpoint)));
      child.once('exit', (code) => reject(new Error(`The stack process ended (exit code ${code}) before it listened:\n${errors}`)));
    });
  }

  async seed(bucket: BenchBucket): Promise<void> {
    await this.ask({ type: 'seed', bucket });
  }

  /** How many objects of the bucket have each encryption (the store's names: NONE, AES256, aws:kms...). */
  async encryptionCounts(bucket: string): Promise<Record<string, number>> {
    const answer = await this.ask({ type: 'encryption-counts', bucket });
    return answer.type === 'encryption-counts' ? answer.counts : {};
  }

  /** CPU time the stack has used so far, in seconds. */
  async cpuSeconds(): Promise<number> {
    const answer = await this.ask({ type: 'cpu-usage' });
    return answer.type === 'cpu-usage' ? answer.microseconds / 1e6 : 0;
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.child.once('exit', () => resolve());
      this.child.disconnect();
    });
  }

  private ask(question: Question): Promise<StackAnswer> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => (answer.type === 'failed' ? reject(new Error(answer.message)) : resolve(answer)));
      this.child.send({ ...question, id });
    });
  }
}
