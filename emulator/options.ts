export interface FaultRule {
  /** 'SlowDown' (503), 'InternalError' (500) or 'drop' (connection closed without a response). */
  kind: 'SlowDown' | 'InternalError' | 'drop';
  /** Probability 0..1 that a matching request fails. */
  rate: number;
  /** S3/KMS operation names (e.g. CopyObject, HeadObject); empty means every operation. */
  operations: string[];
}

export interface StackOptions {
  port: number;
  hostname: string;
  region: string;
  accountId: string;
  /** Folder that persists state across restarts; undefined keeps everything in memory. */
  dataDir: string | undefined;
  seed: boolean;
  credentialTtlSeconds: number;
  /** Lifetime of the user pool's ID tokens (Cognito's default is one hour). */
  idTokenTtlSeconds: number;
  /** Whether the identity pool hands out guest credentials (Cognito's AllowUnauthenticatedIdentities). */
  allowUnauthenticated: boolean;
  /** Largest object a single CopyObject may copy; S3's is 5 GiB. */
  maxCopySize: number;
  corsEverywhere: boolean;
  latencyMs: number;
  faults: FaultRule[];
  rootAccessKeyId: string;
  rootSecretAccessKey: string;
  identityPoolId: string;
}

export const DEFAULT_ROOT_ACCESS_KEY_ID = 'AKIALOCALSTACKROOT01';
export const DEFAULT_ROOT_SECRET_ACCESS_KEY = 'local-stack-root-secret-key-do-not-use-on-aws';
export const GIB = 1024 ** 3;

export function defaultOptions(overrides: Partial<StackOptions> = {}): StackOptions {
  const region = overrides.region ?? 'us-east-1';
  return {
    port: 4566,
    hostname: '127.0.0.1',
    region,
    accountId: '000000000000',
    dataDir: '.local-aws',
    seed: true,
    credentialTtlSeconds: 3600,
    idTokenTtlSeconds: 3600,
    allowUnauthenticated: true,
    maxCopySize: 5 * GIB,
    corsEverywhere: false,
    latencyMs: 0,
    faults: [],
    rootAccessKeyId: process.env.LOCAL_AWS_ACCESS_KEY_ID || DEFAULT_ROOT_ACCESS_KEY_ID,
    rootSecretAccessKey: process.env.LOCAL_AWS_SECRET_ACCESS_KEY || DEFAULT_ROOT_SECRET_ACCESS_KEY,
    identityPoolId: `${region}:0c0a1e5e-0000-4000-8000-00000000c0de`,
    ...overrides,
  };
}
