import { AUTH_CALLBACK_PATH } from '../routing/routes';
import { parseJobSettings, type JobSettings } from './job-settings';

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

export type CompliancePolicy = { require: 'any-sse' } | { require: 'sse-kms'; keyArns?: readonly string[] };

/** The Cognito user pool users sign in to, through its managed login (OpenID Connect, code flow with PKCE). */
export interface UserPoolConfig {
  /** The OIDC issuer: https://cognito-idp.REGION.amazonaws.com/POOL_ID on AWS. */
  issuer: string;
  /** The app client: public, without a secret. */
  clientId: string;
  /** The managed login's base URL, where /logout lives: https://DOMAIN.auth.REGION.amazoncognito.com on AWS. */
  domain: string;
  /** Where the managed login sends the browser back to; it must be one of the app client's callback URLs. */
  redirectPath: string;
  /** Where /logout sends the browser back to; it must be one of the app client's sign-out URLs. */
  signOutPath: string;
}

export interface AppConfig {
  region: string;
  s3: { endpoint?: string; forcePathStyle: boolean };
  kms: { endpoint?: string };
  cognito: { identityPoolId: string; endpoint?: string; userPool: UserPoolConfig; allowGuests: boolean };
  buckets: BucketConfig[];
  policy: CompliancePolicy;
  /** The most one CopyObject may copy, in bytes: 5 GiB on AWS; S3-compatible servers (and the demo) differ. */
  copySizeLimit: number;
  jobs: JobSettings;
}

/** S3's own limit for one CopyObject. */
export const DEFAULT_COPY_SIZE_LIMIT = 5 * 1024 ** 3;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`config.json is not valid: ${problems.join('; ')}`);
  }
}

const REGION = /^[a-z]{2}(-[a-z]+)+-\d$/;
const IDENTITY_POOL_ID = /^[a-z]{2}(-[a-z]+)+-\d:[0-9a-f-]{36}$/;
const KMS_KEY_ARN = /^arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:key\/[0-9a-f-]{36}$/;
const APP_CLIENT_ID = /^[\w+-]{1,128}$/;
/** An AWS user pool's issuer, whose /logout is not on that host but on the managed login domain. */
const AWS_USER_POOL_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\//;
/** A path on the console's own origin: one leading slash (never '//' or '/\\', which browsers read as another host). */
const SAME_ORIGIN_PATH = /^\/(?![/\\])[^\s?#\\]*$/;

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
  const endpoint = (value: unknown, field: string) => (value === undefined ? undefined : httpUrl(value, field, problems));

  const region = root.region;
  if (typeof region !== 'string' || !REGION.test(region)) problems.push('"region" must be an AWS region such as "us-east-1"');

  const s3 = section('s3');
  const forcePathStyle = s3.forcePathStyle ?? false;
  if (typeof forcePathStyle !== 'boolean') problems.push('"s3.forcePathStyle" must be true or false');

  const cognito = section('cognito');
  if (typeof cognito.identityPoolId !== 'string' || !IDENTITY_POOL_ID.test(cognito.identityPoolId)) {
    problems.push('"cognito.identityPoolId" must look like "us-east-1:00000000-0000-0000-0000-000000000000"');
  }
  const allowGuests = cognito.allowGuests ?? false;
  if (typeof allowGuests !== 'boolean') problems.push('"cognito.allowGuests" must be true or false');

  const buckets = parseBuckets(root.buckets, problems);
  const policy = parsePolicy(root.policy, problems);
  const copySizeLimit = root.copySizeLimit ?? DEFAULT_COPY_SIZE_LIMIT;
  if (typeof copySizeLimit !== 'number' || !Number.isSafeInteger(copySizeLimit) || copySizeLimit < 5 * 1024 ** 2) {
    problems.push('"copySizeLimit" must be a whole number of bytes, at least 5 MiB (5242880), the smallest part of a multipart copy');
  }
  const config: AppConfig = {
    region: region as string,
    s3: { endpoint: endpoint(s3.endpoint, 's3.endpoint'), forcePathStyle: forcePathStyle === true },
    kms: { endpoint: endpoint(section('kms').endpoint, 'kms.endpoint') },
    cognito: {
      identityPoolId: cognito.identityPoolId as string,
      endpoint: endpoint(cognito.endpoint, 'cognito.endpoint'),
      userPool: parseUserPool(cognito.userPool, problems),
      allowGuests: allowGuests === true,
    },
    buckets,
    policy,
    copySizeLimit: copySizeLimit as number,
    jobs: parseJobSettings(root.jobs, problems),
  };
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** An http(s) URL without its trailing slash, or undefined after naming the field in `problems`. */
function httpUrl(value: unknown, field: string, problems: string[]): string | undefined {
  if (typeof value === 'string' && /^https?:\/\/[^\s/]+(\/.*)?$/.test(value)) return value.replace(/\/$/, '');
  problems.push(`"${field}" must be an http(s) URL`);
  return undefined;
}

function parseUserPool(pool: unknown, problems: string[]): UserPoolConfig {
  const field = (name: keyof UserPoolConfig) => `cognito.userPool.${name}`;
  if (!isObject(pool)) {
    problems.push('"cognito.userPool" must be an object: the user pool users sign in to');
    return { issuer: '', clientId: '', domain: '', redirectPath: AUTH_CALLBACK_PATH, signOutPath: '/' };
  }
  const issuer = httpUrl(pool.issuer, field('issuer'), problems);
  if (typeof pool.clientId !== 'string' || !APP_CLIENT_ID.test(pool.clientId)) {
    problems.push(`"${field('clientId')}" must be the id of the user pool's app client`);
  }
  const domain = pool.domain === undefined ? undefined : httpUrl(pool.domain, field('domain'), problems);
  if (pool.domain === undefined && issuer && AWS_USER_POOL_ISSUER.test(issuer)) {
    problems.push(
      `"${field('domain')}" is needed for an AWS user pool: its managed login URL (https://DOMAIN.auth.REGION.amazoncognito.com), where /logout is`,
    );
  }
  if ((pool.redirectPath ?? AUTH_CALLBACK_PATH) !== AUTH_CALLBACK_PATH) {
    problems.push(`"${field('redirectPath')}" must be "${AUTH_CALLBACK_PATH}", the console's sign-in callback`);
  }
  const signOutPath = pool.signOutPath ?? '/';
  if (typeof signOutPath !== 'string' || !SAME_ORIGIN_PATH.test(signOutPath)) {
    problems.push(`"${field('signOutPath')}" must be a path of the console, such as "/"`);
  }
  return {
    issuer: issuer as string,
    clientId: pool.clientId as string,
    domain: domain ?? (issuer as string),
    redirectPath: AUTH_CALLBACK_PATH,
    signOutPath: signOutPath as string,
  };
}

function parseBuckets(value: unknown, problems: string[]): BucketConfig[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('"buckets" must be a list');
    return [];
  }
  return value.flatMap((entry: unknown, index): BucketConfig[] => {
    const bucket = typeof entry === 'string' ? { name: entry } : entry;
    if (!isObject(bucket) || typeof bucket.name !== 'string' || !/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket.name)) {
      problems.push(`"buckets[${index}].name" must be an S3 bucket name`);
      return [];
    }
    if (bucket.region !== undefined && (typeof bucket.region !== 'string' || !REGION.test(bucket.region))) {
      problems.push(`"buckets[${index}].region" must be an AWS region`);
      return [];
    }
    return [{ name: bucket.name, ...(bucket.region ? { region: bucket.region } : {}) }];
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
