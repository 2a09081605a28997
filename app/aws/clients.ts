import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AppConfig } from '../config/app-config';
import type { CredentialProvider } from './credentials';
import { keepDotSegments } from './dot-segments';

/** One S3 and one KMS client per region, shared by every query, so connections and credentials are reused. */
export class AwsClients {
  private readonly s3Clients = new Map<string, S3Client>();
  private readonly jobS3Clients = new Map<string, S3Client>();
  private readonly kmsClients = new Map<string, KMSClient>();

  constructor(
    readonly config: AppConfig,
    private readonly credentials: CredentialProvider,
  ) {}

  s3(region = this.config.region): S3Client {
    return this.s3With(this.s3Clients, region, {});
  }

  /**
   * The client re-encryption jobs use: one attempt per request, because the
   * job runs the SDK's retry strategy (config.json's jobs.retryMode) around
   * each request itself, so it sees every failure: it pauses on an expired
   * session at once and never retries a change whose condition failed.
   */
  s3ForJobs(region = this.config.region): S3Client {
    return this.s3With(this.jobS3Clients, region, { maxAttempts: 1 });
  }

  private s3With(clients: Map<string, S3Client>, region: string, settings: { maxAttempts?: number }): S3Client {
    let client = clients.get(region);
    if (!client) {
      client = new S3Client({
        region,
        endpoint: this.config.s3.endpoint,
        forcePathStyle: this.config.s3.forcePathStyle,
        credentials: this.credentials,
        // Browsers can read checksum headers only if CORS exposes them; validate only where S3 requires it.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        ...settings,
      });
      client.middlewareStack.add(keepDotSegments(this.config.s3.forcePathStyle), { step: 'build', name: 'keepDotSegments' });
      clients.set(region, client);
    }
    return client;
  }

  kms(region = this.config.region): KMSClient {
    let client = this.kmsClients.get(region);
    if (!client) {
      client = new KMSClient({ region, endpoint: this.config.kms.endpoint, credentials: this.credentials });
      this.kmsClients.set(region, client);
    }
    return client;
  }

  regionOf(bucket: string): string {
    return this.config.buckets.find((b) => b.name === bucket)?.region ?? this.config.region;
  }
}
