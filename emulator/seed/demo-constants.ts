import { DEMO_PLAN } from './plan/demo-plan.js';
import { summarizePlan } from './plan/summary.js';

/**
 * The demo's public facts, for the console's demo config, tests and the
 * README. Everything here is plain data, safe to import in a browser.
 */

export { CONSOLE_EXPOSE_HEADERS, DEMO_CORS_RULE, HIDDEN_HEADERS_CORS_RULE } from './cors.js';
export { DEMO_CSE_WRAPPING_KEY_BASE64, DEMO_SSE_C_KEY_BASE64, DEMO_SSE_C_KEY_MD5 } from './keys.js';
export { DEMO_BUCKET_NAMES, DEMO_BUCKETS, DEMO_HOSTILE_KEYS, DEMO_KMS_ALIASES, DEMO_MAX_COPY_SIZE } from './names.js';
export type { BucketSummary, DemoSummary, EncryptionCounts } from './plan/summary.js';
export type { EncryptionStatus } from './plan/model.js';

/** Counts per bucket and per encryption kind of what the seed stores. */
export const DEMO_SUMMARY = summarizePlan(DEMO_PLAN);
