/**
 * The local stack in a process of its own, so neither contender shares an
 * event loop with the server it is measured against. Seeds bench buckets
 * through the stack's internals and reports what it holds, on request.
 */
import { seedBucket } from '../emulator/seed/buckets.js';
import { objectsTable, type ObjectEntry } from '../emulator/s3/model.js';
import { startStack } from '../emulator/stack.js';
import type { StackContext } from '../emulator/context.js';
import { benchBucketPlan } from './bench-data.js';
import type { StackAnswer, StackRequest, StackSettings, StackStarted } from './stack-messages.js';

const settings = JSON.parse(process.argv[2] ?? '{}') as StackSettings;
const stack = await startStack({ port: 0, dataDir: undefined, seed: false, latencyMs: settings.latencyMs });

/** The encryption of each object's current version, as the store holds it. */
function encryptionCounts(ctx: StackContext, bucket: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, entry] of ctx.store.list<ObjectEntry>(objectsTable(bucket))) {
    const type = entry.versions[0]?.sse.type ?? 'missing';
    counts[type] = (counts[type] ?? 0) + 1;
  }
  return counts;
}

async function answer(request: StackRequest): Promise<StackAnswer> {
  switch (request.type) {
    case 'seed':
      await seedBucket(stack.ctx, benchBucketPlan(request.bucket));
      return { id: request.id, type: 'seeded' };
    case 'encryption-counts':
      return { id: request.id, type: 'encryption-counts', counts: encryptionCounts(stack.ctx, request.bucket) };
    case 'cpu-usage': {
      const usage = process.cpuUsage();
      return { id: request.id, type: 'cpu-usage', microseconds: usage.user + usage.system };
    }
  }
}

process.on('message', (request: StackRequest) => {
  answer(request).then(
    (reply) => process.send?.(reply),
    (error: unknown) => process.send?.({ id: request.id, type: 'failed', message: String(error) } satisfies StackAnswer),
  );
});
process.on('disconnect', () => void stack.close().then(() => process.exit(0)));
process.send?.({ type: 'started', endpoint: stack.endpoint } satisfies StackStarted);
