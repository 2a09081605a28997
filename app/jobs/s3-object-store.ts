import type { S3Client } from '@aws-sdk/client-s3';
import type { ObjectStore } from '../domain/jobs/object-store';
import { copyObjectInPlace } from '../operations/copy-object';
import { headObject } from '../operations/head-object';
import { abortMultipartUpload, completeMultipartCopy, createMultipartCopy, uploadPartCopy } from '../operations/multipart-copy';
import { getObjectTagging } from '../operations/object-tagging';
import { updateObjectEncryption } from '../operations/update-object-encryption';

/** What a job asks of S3, sent through one client (a job's: AwsClients.s3ForJobs, without SDK retries). */
export function s3ObjectStore(s3: S3Client): ObjectStore {
  return {
    headObject: (address, customerKey) => headObject(s3, address, customerKey),
    getObjectTagging: (address) => getObjectTagging(s3, address),
    copyObjectInPlace: (copy) => copyObjectInPlace(s3, copy),
    updateObjectEncryption: (update) => updateObjectEncryption(s3, update),
    createMultipartCopy: (start) => createMultipartCopy(s3, start),
    uploadPartCopy: (copy) => uploadPartCopy(s3, copy),
    completeMultipartCopy: (completion) => completeMultipartCopy(s3, completion),
    abortMultipartUpload: (upload) => abortMultipartUpload(s3, upload),
    md5: s3.config.md5,
  };
}
