import type { CustomerKey } from '../customer-key';
import { customerKeyMd5, CustomerKeyRing, type Md5Constructor } from './customer-keys';
import type { JobRecord } from './job-records';
import type { ObjectStore } from './object-store';
import type { TargetEncryption } from './target-encryption';

/** SSE-C keys given to a job in memory; a journal never holds them, so they are given again when it is reopened. */
export interface JobKeys {
  /** The key an SSE-C job encrypts with. */
  target?: CustomerKey;
  /** Keys of SSE-C sources. */
  sources?: readonly CustomerKey[];
}

/** The SDK's MD5, from the job's S3 client (browsers have no MD5 of their own). */
export function md5From(storeFor: (region: string) => ObjectStore, region = 'us-east-1'): Md5Constructor {
  return storeFor(region).md5;
}

export async function sourceKeyRing(md5: Md5Constructor, sources: readonly CustomerKey[] = []): Promise<CustomerKeyRing> {
  const ring = new CustomerKeyRing(md5);
  for (const key of sources) await ring.add(key);
  return ring;
}

/** A journaled job's target, with its SSE-C key given again, which must be the one the journal names. */
export async function targetOfJournaledJob(job: JobRecord, key: CustomerKey | undefined, md5: Md5Constructor): Promise<TargetEncryption> {
  if (job.target.kind !== 'SSE-C') return job.target;
  if (!key) throw new Error(`This job encrypts with the SSE-C key whose MD5 is ${job.target.keyMd5}: give that key to open it again.`);
  const keyMd5 = await customerKeyMd5(key, md5);
  if (keyMd5 !== job.target.keyMd5) {
    throw new Error(`This job encrypts with the SSE-C key whose MD5 is ${job.target.keyMd5}; the key given has MD5 ${keyMd5}.`);
  }
  return { kind: 'SSE-C', customerKey: key, keyMd5 };
}
