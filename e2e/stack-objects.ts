import { createHash } from 'node:crypto';
import { DescribeKeyCommand } from '@aws-sdk/client-kms';
import { GetObjectCommand, GetObjectTaggingCommand, HeadObjectCommand, ListObjectVersionsCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import { rootKms, rootS3 } from './root-clients';

/** What a re-encryption must keep of an object, read with the root key. */
export interface KeptState {
  sha256: string;
  contentType?: string;
  metadata: Record<string, string>;
  tags: string[];
  storageClass: string;
}

export interface StackEncryption {
  algorithm?: string;
  keyArn?: string;
  bucketKey: boolean;
  customerKeyMd5?: string;
}

const customerKeyFields = (sseCKey?: string) => (sseCKey ? { SSECustomerAlgorithm: 'AES256', SSECustomerKey: sseCKey } : {});

export async function keptState(bucket: string, key: string, sseCKey?: string): Promise<KeptState> {
  const object = await rootS3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...customerKeyFields(sseCKey) }));
  const bytes = await object.Body!.transformToByteArray();
  return { sha256: createHash('sha256').update(bytes).digest('hex'), ...(await describedState(bucket, key, sseCKey)) };
}

/** All of it but the bytes, for objects whose bytes cannot be read (archived). */
export async function describedState(bucket: string, key: string, sseCKey?: string): Promise<Omit<KeptState, 'sha256'>> {
  const head = await rootS3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...customerKeyFields(sseCKey) }));
  const { TagSet = [] } = await rootS3.send(new GetObjectTaggingCommand({ Bucket: bucket, Key: key }));
  return {
    contentType: head.ContentType,
    metadata: head.Metadata ?? {},
    tags: TagSet.map((tag) => `${tag.Key}=${tag.Value}`).sort(),
    storageClass: head.StorageClass ?? 'STANDARD',
  };
}

export async function stackEncryption(bucket: string, key: string, sseCKey?: string): Promise<StackEncryption> {
  const head = await rootS3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...customerKeyFields(sseCKey) }));
  return {
    algorithm: head.SSECustomerAlgorithm ? 'SSE-C' : head.ServerSideEncryption,
    keyArn: head.SSEKMSKeyId,
    bucketKey: head.BucketKeyEnabled === true,
    customerKeyMd5: head.SSECustomerKeyMD5,
  };
}

/** Every key under a prefix, in every folder. */
export async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  do {
    const page = await rootS3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    keys.push(...(page.Contents ?? []).map((object) => object.Key!));
    token = page.IsTruncated ? page.NextContinuationToken : undefined;
  } while (token);
  return keys;
}

/** The non-current versions (not delete markers) under a prefix. */
export async function olderVersionsUnder(bucket: string, prefix: string): Promise<string[]> {
  const { Versions = [], IsTruncated } = await rootS3.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix }));
  if (IsTruncated) throw new Error(`more versions under ${prefix} than one page: page through them`);
  return Versions.filter((version) => !version.IsLatest).map((version) => `${version.Key}?versionId=${version.VersionId}`);
}

export async function keyArnOfAlias(alias: string): Promise<string> {
  const { KeyMetadata } = await rootKms.send(new DescribeKeyCommand({ KeyId: alias }));
  return KeyMetadata!.Arn!;
}

export function md5Base64(keyBase64: string): string {
  return createHash('md5').update(Buffer.from(keyBase64, 'base64')).digest('base64');
}
