import { KMSClient } from '@aws-sdk/client-kms';
import { S3Client } from '@aws-sdk/client-s3';
import type { AppConfig } from '../config/app-config';
import type { CredentialProvider } from './credentials';
import { keepDotSegments } from './dot-segments';

/** One S3 and one KMS client per region, shared by every query, so connections and credentials are reused. */
export class AwsClients {
  private readonly s3Clients = new Map<string, S3Client>();
  private readonly kmsClients = new Map<string, KMSClient>();

  constructor(
    readonly config: AppConfig,
    private readonly credentials: CredentialProvider,
  ) {}

  s3(region = this.config.region): S3Client {
    let client = this.s3Clients.get(region);
    if (!client) {
      client = new S3Client({
        region,
        endpoint: this.config.s3.endpoint,
        forcePathStyle: this.config.s3.forcePathStyle,
        credentials: this.credentials,
        // Browsers can read checksum headers only if CORS exposes them; validate only where S3 requires it.
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
      });
      client.middlewareStack.add(keepDotSegments(this.config.s3.forcePathStyle), { step: 'build', name: 'keepDotSegments' });
      this.s3Clients.set(region, client);
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
