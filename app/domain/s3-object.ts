import type { HeadObjectCommandOutput } from '@aws-sdk/client-s3';

export interface ObjectAddress {
  bucket: string;
  key: string;
  versionId?: string;
}

/** Everything HeadObject tells about an object, in the SDK's names. */
export type ObjectHead = Omit<HeadObjectCommandOutput, '$metadata'>;

/** An object version as it was seen: a change goes ahead only while the object is still it. */
export interface SeenObject extends ObjectAddress {
  etag: string;
}

/** What S3 answers about the object a write made. */
export interface WrittenObject {
  etag?: string;
  versionId?: string;
}

export interface ObjectTag {
  key: string;
  value: string;
}
