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
  /** Whether the identity pool hands out guest credentials (Cognito's AllowUnauthenticatedIdentities); off unless asked for. */
  allowUnauthenticated: boolean;
  /**
   * The origins the console is served from (`http://127.0.0.1:5173`): the only web pages
   * the JSON services and the user pool answer with CORS, and the app client's callback
   * and sign-out URLs. Any other page must not drive the stack from a visitor's browser.
   */
  consoleOrigins: string[];
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
/** The console's dev server port (`npm start`, vite.config.ts). */
export const CONSOLE_DEV_PORT = 5173;

/** The console's origins when it is served on `port` of this machine, by address and by name. */
export function loopbackOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

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
    allowUnauthenticated: false,
    consoleOrigins: loopbackOrigins(CONSOLE_DEV_PORT),
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
