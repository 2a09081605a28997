/**
 * An S3 error as S3 reports it: HTTP status, error code, message and the
 * extra elements some codes carry (BucketName, Key, …).
 */
export class S3Error extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly fields: Record<string, string> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const s3Errors = {
  accessDenied: (message = 'Access Denied') => new S3Error('AccessDenied', message, 403),
  noSuchBucket: (bucket: string) => new S3Error('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket }),
  noSuchKey: (key: string) => new S3Error('NoSuchKey', 'The specified key does not exist.', 404, { Key: key }),
  noSuchVersion: (key: string, versionId: string) =>
    new S3Error('NoSuchVersion', 'The specified version does not exist.', 404, { Key: key, VersionId: versionId }),
  keyTooLong: (size: number, max: number) =>
    new S3Error('KeyTooLongError', 'Your key is too long', 400, { Size: String(size), MaxSizeAllowed: String(max) }),
  metadataTooLarge: (size: number, max: number) =>
    new S3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', 400, {
      Size: String(size),
      MaxSizeAllowed: String(max),
    }),
  noSuchUpload: (uploadId: string) =>
    new S3Error(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId: uploadId },
    ),
  bucketAlreadyOwnedByYou: (bucket: string) =>
    new S3Error('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, {
      BucketName: bucket,
    }),
  bucketNotEmpty: (bucket: string) => new S3Error('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket }),
  invalidBucketName: (bucket: string) => new S3Error('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: bucket }),
  invalidArgument: (message: string, name?: string, value?: string) =>
    new S3Error('InvalidArgument', message, 400, name === undefined ? {} : { ArgumentName: name, ArgumentValue: value ?? '' }),
  invalidRequest: (message: string) => new S3Error('InvalidRequest', message, 400),
  malformedXml: () => new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema', 400),
  invalidRange: (size: number) =>
    new S3Error('InvalidRange', 'The requested range is not satisfiable', 416, {
      ActualObjectSize: String(size),
    }),
  preconditionFailed: (condition: string) =>
    new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', 412, {
      Condition: condition,
    }),
  /** A 304 has no body; S3 still sends the object's ETag and Last-Modified with it. */
  notModified: (headers: Record<string, string> = {}) => new S3Error('NotModified', 'Not Modified', 304, {}, headers),
  methodNotAllowed: (method: string, resource: string) =>
    new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', 405, {
      Method: method,
      ResourceType: resource,
    }),
  /** `header`: the header that asks for what is missing, when a header does. */
  notImplemented: (header?: string) =>
    new S3Error(
      'NotImplemented',
      'A header you provided implies functionality that is not implemented',
      501,
      header === undefined ? {} : { Header: header },
    ),
  internalError: () => new S3Error('InternalError', 'We encountered an internal error. Please try again.', 500),
  slowDown: () => new S3Error('SlowDown', 'Please reduce your request rate.', 503),
  invalidObjectState: (storageClass: string) =>
    new S3Error('InvalidObjectState', "The operation is not valid for the object's storage class", 403, {
      StorageClass: storageClass,
    }),
  entityTooLarge: (size: number, max: number) =>
    new S3Error('EntityTooLarge', 'Your proposed upload exceeds the maximum allowed size', 400, {
      ProposedSize: String(size),
      MaxSizeAllowed: String(max),
    }),
  badDigest: (message = 'The Content-MD5 you specified did not match what we received.') => new S3Error('BadDigest', message, 400),
  invalidDigest: () => new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400),
  noSuchCorsConfiguration: (bucket: string) =>
    new S3Error('NoSuchCORSConfiguration', 'The CORS configuration does not exist', 404, { BucketName: bucket }),
  invalidBucketState: (message: string) => new S3Error('InvalidBucketState', message, 409),
  objectLockConfigurationNotFound: (bucket: string) =>
    new S3Error('ObjectLockConfigurationNotFoundError', 'Object Lock configuration does not exist for this bucket', 404, {
      BucketName: bucket,
    }),
  noSuchEncryptionConfiguration: (bucket: string) =>
    new S3Error('ServerSideEncryptionConfigurationNotFoundError', 'The server side encryption configuration was not found', 404, {
      BucketName: bucket,
    }),
};
