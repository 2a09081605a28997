import { ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { nameDecoderOf } from './list-objects';

/** An earlier version of an object, which a re-encryption in place leaves as it was. */
export interface OlderVersion {
  key: string;
  versionId: string;
  lastModified?: Date;
  size?: number;
}

/** Versions kept in a bucket that a copy leaves behind: the non-current ones of the given keys (ListObjectVersions under `prefix`). */
export async function listOlderVersions(s3: S3Client, bucket: string, prefix: string, keys: ReadonlySet<string>): Promise<OlderVersion[]> {
  const older: OlderVersion[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  do {
    const output = await s3.send(
      new ListObjectVersionsCommand({ Bucket: bucket, Prefix: prefix, KeyMarker: keyMarker, VersionIdMarker: versionIdMarker, EncodingType: 'url' }),
    );
    const decode = nameDecoderOf(output);
    for (const version of output.Versions ?? []) {
      const key = version.Key === undefined ? undefined : decode(version.Key);
      if (key === undefined || !keys.has(key) || version.IsLatest || !version.VersionId) continue;
      older.push({ key, versionId: version.VersionId, lastModified: version.LastModified, size: version.Size });
    }
    keyMarker = output.IsTruncated ? output.NextKeyMarker : undefined;
    versionIdMarker = output.IsTruncated ? output.NextVersionIdMarker : undefined;
  } while (keyMarker !== undefined);
  return older;
}
