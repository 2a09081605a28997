import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import { defaultOptions } from '../emulator/options';
import { E2E_STACK_PORT } from './ports';

/** The stack as its root key sees it: the truth the console's answers are compared with. */
const { region, rootAccessKeyId, rootSecretAccessKey } = defaultOptions();
const rootClientConfig = {
  region,
  endpoint: `http://127.0.0.1:${E2E_STACK_PORT}`,
  credentials: { accessKeyId: rootAccessKeyId, secretAccessKey: rootSecretAccessKey },
};

export const rootS3 = new S3Client({ ...rootClientConfig, forcePathStyle: true });
export const rootKms = new KMSClient(rootClientConfig);
