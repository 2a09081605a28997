import { S3Client } from '@aws-sdk/client-s3';
import { KMSClient } from '@aws-sdk/client-kms';
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { startStack, type RunningStack } from '../stack.js';
import type { StackOptions } from '../options.js';

export interface TestStack extends RunningStack {
  s3: S3Client;
  kms: KMSClient;
  cognito: CognitoIdentityClient;
  rootCredentials: { accessKeyId: string; secretAccessKey: string };
}

/** A fresh in-memory stack on a free port with SDK clients using the root key. */
export async function startTestStack(overrides: Partial<StackOptions> = {}): Promise<TestStack> {
  const stack = await startStack({ port: 0, dataDir: undefined, seed: false, ...overrides });
  const rootCredentials = {
    accessKeyId: stack.ctx.options.rootAccessKeyId,
    secretAccessKey: stack.ctx.options.rootSecretAccessKey,
  };
  const common = { endpoint: stack.endpoint, region: stack.ctx.options.region, credentials: rootCredentials };
  return {
    ...stack,
    rootCredentials,
    s3: new S3Client({ ...common, forcePathStyle: true, maxAttempts: 1 }),
    kms: new KMSClient({ ...common, maxAttempts: 1 }),
    cognito: new CognitoIdentityClient({ endpoint: stack.endpoint, region: stack.ctx.options.region, maxAttempts: 1 }),
  };
}
