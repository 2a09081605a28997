/**
 * The console's runtime configuration, read from /config.json at start-up so
 * one build serves any account: the local stack, another S3-compatible
 * server, or AWS.
 */
export interface BucketConfig {
  name: string;
  /** Overrides the default region for this bucket. */
  region?: string;
}

export type CompliancePolicy =
  | { require: 'any-sse' }
  | { require: 'sse-kms'; keyArns?: readonly string[] };

export interface AppConfig {
  region: string;
  s3: { endpoint?: string; forcePathStyle: boolean };
  kms: { endpoint?: string };
  cognito: { identityPoolId: string; endpoint?: string };
  buckets: BucketConfig[];
  policy: CompliancePolicy;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`config.json is not valid: ${problems.join('; ')}`);
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const IDENTITY_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Validates config.json, naming every bad field so the error page can say exactly what to fix. */
export function parseAppConfig(raw: unknown): AppConfig {
  const problems: string[] = [];
  const root = isObject(raw) ? raw : (problems.push('the file must hold a JSON object'), {} as Json);
  const section = (name: string): Json => {
    const value = root[name];
    if (value === undefined) return {};
    if (isObject(value)) return value;
    problems.push(`"${name}" must be an object`);
    return {};
  };
  const endpoint = (value: unknown, field: string): string | undefined => {
    if (value === undefined) return undefined;
    if (typeof value === 'string' && /^https?:\/\/[^\s/]+(\/.*)?$/.test(value)) return value.replace(/\/$/, '');
    problems.push(`"${field}" must be an http(s) URL`);
    return undefined;
  };

  const region = root.region;
  if (typeof region !== 'string' || !REGION.test(region)) problems.push('"region" must be an AWS region such as "us-east-1"');

  const s3 = section('s3');
  const forcePathStyle = s3.forcePathStyle ?? false;
  if (typeof forcePathStyle !== 'boolean') problems.push('"s3.forcePathStyle" must be true or false');

  const cognito = section('cognito');
  if (typeof cognito.identityPoolId !== 'string' || !IDENTITY_POOL_ID.test(cognito.identityPoolId)) {
    problems.push('"cognito.identityPoolId" must look like "us-east-1:00000000-0000-0000-0000-000000000000"');
  }

  const buckets = parseBuckets(root.buckets, problems);
  const policy = parsePolicy(root.policy, problems);
  const config: AppConfig = {
    region: region as string,
    s3: { endpoint: endpoint(s3.endpoint, 's3.endpoint'), forcePathStyle: forcePathStyle === true },
    kms: { endpoint: endpoint(section('kms').endpoint, 'kms.endpoint') },
    cognito: { identityPoolId: cognito.identityPoolId as string, endpoint: endpoint(cognito.endpoint, 'cognito.endpoint') },
    buckets,
    policy,
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

function parseBuckets(value: unknown, problems: string[]): BucketConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('"buckets" must be a list');
    return [];
  }
  return value.flatMap((entry, index): BucketConfig[] => {
    const bucket = typeof entry === 'string' ? { name: entry } : entry;
    if (!isObject(bucket) || typeof bucket.name !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket.name)) {
      problems.push(`"buckets[${index}].name" must be an S3 bucket name`);
      return [];
    }
    if (bucket.region !== undefined && (typeof bucket.region !== 'string' || !REGION.test(bucket.region))) {
      problems.push(`"buckets[${index}].region" must be an AWS region`);
      return [];
    }
    return [{ name: bucket.name, ...(bucket.region ? { region: bucket.region as string } : {}) }];
  });
}

function parsePolicy(value: unknown, problems: string[]): CompliancePolicy {
  if (value === undefined) return { require: 'any-sse' };
  if (!isObject(value)) {
    problems.push('"policy" must be an object');
    return { require: 'any-sse' };
  }
  if (value.require === 'any-sse') return { require: 'any-sse' };
  if (value.require !== 'sse-kms') {
    problems.push('"policy.require" must be "any-sse" or "sse-kms"');
    return { require: 'any-sse' };
  }
  if (value.keyArns === undefined) return { require: 'sse-kms' };
  const keyArns = Array.isArray(value.keyArns) ? value.keyArns : [];
  if (!Array.isArray(value.keyArns) || keyArns.some((arn) => typeof arn !== 'string' || !KMS_KEY_ARN.test(arn))) {
    problems.push('"policy.keyArns" must be a list of full KMS key ARNs');
  }
  return { require: 'sse-kms', keyArns: keyArns as string[] };
}
