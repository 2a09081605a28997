import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { CustomerKey } from '../domain/customer-key';
import type { ObjectAddress, ObjectHead } from '../domain/s3-object';
import { customerKeyFields } from './write-encryption';

export async function headObject(s3: S3Client, address: ObjectAddress, customerKey?: CustomerKey): Promise<ObjectHead> {
  const { $metadata: _, ...head } = await s3.send(
    new HeadObjectCommand({
      Bucket: address.bucket,
      Key: address.key,
      VersionId: address.versionId,
      ChecksumMode: 'ENABLED',
      ...customerKeyFields(customerKey),
    }),
  );
  return head;
}
