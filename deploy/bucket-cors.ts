import { consoleCorsRule } from '../emulator/seed/cors.js';

/** The text apply-cors.sh replaces with the console's origin. */
export const ORIGIN_PLACEHOLDER = '${ConsoleOrigin}';

/** Tells the console's rule from others in a bucket's configuration. */
const RULE_ID = 's3-encryption-console';

/**
 * PutBucketCors's CORSConfiguration for the console, as `aws s3api
 * put-bucket-cors --cors-configuration` takes it: the local stack's rule
 * (emulator/seed/cors.ts) for the console's origin.
 */
export function bucketCorsConfiguration() {
  const rule = consoleCorsRule([ORIGIN_PLACEHOLDER]);
  return {
    CORSRules: [
      {
        ID: RULE_ID,
        AllowedOrigins: rule.allowedOrigins,
        AllowedMethods: rule.allowedMethods,
        AllowedHeaders: rule.allowedHeaders,
        ExposeHeaders: rule.exposeHeaders,
        MaxAgeSeconds: rule.maxAgeSeconds,
      },
    ],
  };
}
