import type { StackContext } from '../context.js';
import { seedBucket } from './buckets.js';
import { createDemoKmsKeys } from './kms.js';
import { DEMO_PLAN } from './plan/demo-plan.js';

/**
 * Demo data, written through the stack's internals rather than HTTP: today's
 * S3 API cannot create the unencrypted legacy objects the console exists to find.
 */
export async function seedDemoData(ctx: StackContext): Promise<void> {
  createDemoKmsKeys(ctx);
  for (const plan of DEMO_PLAN) await seedBucket(ctx, plan);
}
