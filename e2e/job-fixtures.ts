import {
  CreateBucketCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  type HeadObjectCommandOutput,
} from '@aws-sdk/client-s3';
import { expect, type Download, type Page, type Route } from '@playwright/test';
import { DEMO_CORS_RULE, DEMO_KMS_ALIASES } from '../emulator/seed/demo-constants';
import { E2E_STACK_PORT } from './ports';
import { rootS3 } from './root-clients';

/** A bucket of the jobs specs' own, so the demo buckets other specs compare with stay as seeded. */
export async function createJobBucket(bucket: string): Promise<void> {
  await rootS3.send(new CreateBucketCommand({ Bucket: bucket }));
  const { allowedOrigins, allowedMethods, allowedHeaders, exposeHeaders, maxAgeSeconds } = DEMO_CORS_RULE;
  await rootS3.send(
    new PutBucketCorsCommand({
      Bucket: bucket,
      CORSConfiguration: {
        CORSRules: [
          {
            AllowedOrigins: allowedOrigins,
            AllowedMethods: allowedMethods,
            AllowedHeaders: allowedHeaders,
            ExposeHeaders: exposeHeaders,
            MaxAgeSeconds: maxAgeSeconds,
          },
        ],
      },
    }),
  );
}

/**
 * An object under the demo's finance KMS key, so an SSE-S3 job must copy it.
 * User metadata a browser cannot see (the CORS rule does not expose it) keeps
 * an object from a multipart copy, which would lose it.
 */
export async function putKmsObject(bucket: string, key: string, body: string | Uint8Array, metadata?: Record<string, string>): Promise<void> {
  await rootS3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      ContentType: 'text/plain',
      Metadata: metadata,
      ServerSideEncryption: 'aws:kms',
      SSEKMSKeyId: DEMO_KMS_ALIASES[0],
    }),
  );
}

export function headObject(bucket: string, key: string): Promise<HeadObjectCommandOutput> {
  return rootS3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
}

export async function bodyOf(bucket: string, key: string): Promise<string> {
  const object = await rootS3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
  return object.Body!.transformToString();
}

/**
 * Holds the browser's copies (CopyObject and UploadPartCopy of `bucket`) once
 * `after` of them have gone, until released: the job is then in the middle of
 * its run for as long as the test needs, with no timing guesses. Held copies
 * go to the stack unchanged when released; the gate never answers for it.
 */
export class CopyGate {
  private passed = 0;
  private limit = Infinity;
  private held: Route[] = [];
  private waiters: Array<() => void> = [];

  private constructor() {}

  static async on(page: Page, bucket: string): Promise<CopyGate> {
    const gate = new CopyGate();
    await page.route(`http://127.0.0.1:${E2E_STACK_PORT}/${bucket}/**`, (route) => gate.handle(route));
    return gate;
  }

  /** Lets `count` more copies through, then holds the rest. */
  holdAfter(count: number): void {
    this.passed = 0;
    this.limit = count;
  }

  /** Resolves once a copy is being held. */
  holding(): Promise<void> {
    return this.held.length > 0 ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Lets the held copies go, and every later one. */
  async release(): Promise<void> {
    this.limit = Infinity;
    const held = this.held;
    this.held = [];
    await Promise.all(held.map((route) => route.continue().catch(() => undefined)));
  }

  private async handle(route: Route): Promise<void> {
    const request = route.request();
    const isCopy = request.method() === 'PUT' && (await request.headerValue('x-amz-copy-source')) !== null;
    if (!isCopy || this.passed < this.limit) {
      if (isCopy) this.passed++;
      return route.continue().catch(() => undefined);
    }
    this.held.push(route);
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}

/** The report as the page hands it over through the browser's download. */
export async function downloadedText(page: Page, buttonName: string): Promise<{ name: string; text: string }> {
  const [download]: [Download, void] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const stream = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: download.suggestedFilename(), text: Buffer.concat(chunks).toString('utf8') };
}

export async function expectJobState(page: Page, state: string, timeout = 30_000): Promise<void> {
  await expect(page.getByText(state, { exact: true }).first()).toBeVisible({ timeout });
}
