import type { BucketDefaultEncryption } from '../../operations/bucket-encryption';
import type { BucketVersioning } from '../../operations/bucket-versioning';
import { encryptionHeaderVisibility, exposedHeaders, SAFELISTED_RESPONSE_HEADERS, type CorsRuleView } from '../../domain/cors-visibility';
import type { BucketFacts, ResponseHeaderAccess } from '../../domain/jobs/plan-input';

/**
 * What this page can read of the bucket's response headers. Rules that could
 * not be read (undefined) hide nothing the planner may rely on: every header
 * it needs counts as hidden, so objects are reported rather than guessed at.
 */
export function responseHeaderAccessOf(rules: CorsRuleView[] | undefined, origin: string): ResponseHeaderAccess {
  const exposed = rules === undefined ? new Set<string>() : (exposedHeaders(rules, origin) ?? new Set<string>());
  return {
    encryption: encryptionHeaderVisibility(rules, origin),
    canRead: (header) => SAFELISTED_RESPONSE_HEADERS.has(header.toLowerCase()) || exposed.has(header.toLowerCase()),
    // CORS names user metadata one header at a time: a browser never knows it sees all of it.
    seesAllUserMetadata: false,
  };
}

export interface BucketReadings {
  name: string;
  region: string;
  encryption: BucketDefaultEncryption;
  versioning: BucketVersioning;
  corsRules: CorsRuleView[] | undefined;
  copySizeLimit: number;
  origin: string;
}

export function bucketFactsOf(readings: BucketReadings): BucketFacts {
  const status = readings.versioning.status;
  return {
    name: readings.name,
    region: readings.region,
    versioning: status === 'Enabled' || status === 'Suspended' ? status : 'Unversioned',
    blockedEncryptionTypes: readings.encryption.blockedEncryptionTypes,
    copySizeLimit: readings.copySizeLimit,
    headers: responseHeaderAccessOf(readings.corsRules, readings.origin),
  };
}
