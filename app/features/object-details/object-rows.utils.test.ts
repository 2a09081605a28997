import { describe, expect, it } from 'vitest';
import type { ObjectHead } from '../../domain/s3-object';
import { NOT_SET } from './format.utils';
import { HIDDEN_BY_CORS } from './header-access.utils';
import { checksumRows, encryptionRows, objectLockRows, overviewRows, reEncryptionNotes, userMetadataOf, type DisplayRow } from './object-rows.utils';

const KEY_ARN = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';

const readable = () => true;
const valueOf = (rows: DisplayRow[], label: string) => rows.find((row) => row.label === label)?.value;

describe('encryptionRows', () => {
  it('shows SSE-KMS with its key, alias and bucket key', () => {
    const rows = encryptionRows({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN, BucketKeyEnabled: true }, 'alias/demo-logs', readable);
    expect(rows).toEqual([
      { label: 'SSE algorithm', value: 'aws:kms' },
      { label: 'KMS key ARN', value: KEY_ARN },
      { label: 'KMS key alias', value: 'alias/demo-logs' },
      { label: 'Bucket Key', value: 'Enabled' },
      { label: 'Dual-layer (DSSE-KMS)', value: 'No' },
      { label: 'SSE-C algorithm', value: NOT_SET },
      { label: 'SSE-C key MD5', value: NOT_SET },
    ]);
    expect(valueOf(encryptionRows({ ServerSideEncryption: 'aws:kms', SSEKMSKeyId: KEY_ARN }, 'alias/x', readable), 'Bucket Key')).toBe('Disabled');
  });

  it('marks DSSE-KMS, and leaves KMS rows empty for other kinds', () => {
    const dsse = encryptionRows({ ServerSideEncryption: 'aws:kms:dsse', SSEKMSKeyId: KEY_ARN }, 'alias/demo-finance', readable);
    expect(valueOf(dsse, 'Dual-layer (DSSE-KMS)')).toBe('Yes: two layers of KMS encryption');
    expect(valueOf(dsse, 'KMS key alias')).toBe('alias/demo-finance');
    expect(valueOf(dsse, 'Bucket Key')).toBe(NOT_SET);
    const sseS3 = encryptionRows({ ServerSideEncryption: 'AES256' }, 'ignored', readable);
    expect(valueOf(sseS3, 'KMS key alias')).toBe(NOT_SET);
    expect(valueOf(sseS3, 'SSE algorithm')).toBe('AES256');
  });

  it('shows the SSE-C algorithm and key MD5', () => {
    const rows = encryptionRows({ SSECustomerAlgorithm: 'AES256', SSECustomerKeyMD5: 'md5==' }, 'ignored', readable);
    expect(valueOf(rows, 'SSE-C algorithm')).toBe('AES256');
    expect(valueOf(rows, 'SSE-C key MD5')).toBe('md5==');
    expect(valueOf(rows, 'SSE algorithm')).toBe(NOT_SET);
  });
});

describe('overviewRows', () => {
  it('writes out the system metadata of an object', () => {
    const head: ObjectHead = {
      ContentLength: 2048,
      ETag: '"abc"',
      LastModified: new Date('2020-01-20T12:00:00.000Z'),
      VersionId: 'v1',
      StorageClass: 'GLACIER',
      ContentType: 'text/csv',
      ContentEncoding: 'gzip',
      ContentLanguage: 'en',
      ContentDisposition: 'attachment',
      CacheControl: 'no-cache',
      ExpiresString: 'Thu, 01 Dec 2044 16:00:00 GMT',
      WebsiteRedirectLocation: '/elsewhere',
    };
    expect(overviewRows(head, readable)).toEqual([
      { label: 'Size', value: '2,048 bytes (2.0 KB)' },
      { label: 'ETag', value: 'abc' },
      { label: 'Last modified', value: '2020-01-20 12:00:00 UTC' },
      { label: 'Version ID', value: 'v1' },
      { label: 'Storage class', value: 'GLACIER' },
      { label: 'Archive state', value: 'Archived (GLACIER): restore before copying' },
      { label: 'Content type', value: 'text/csv' },
      { label: 'Content encoding', value: 'gzip' },
      { label: 'Content language', value: 'en' },
      { label: 'Content disposition', value: 'attachment' },
      { label: 'Cache control', value: 'no-cache' },
      { label: 'Expires', value: 'Thu, 01 Dec 2044 16:00:00 GMT' },
      { label: 'Website redirect location', value: '/elsewhere' },
    ]);
  });

  it('says a value is hidden, not absent, when the CORS rules hide its header', () => {
    const onlyEtag = (header: string) => header === 'etag';
    const rows = overviewRows({ ContentLength: 5, ETag: '"abc"' }, onlyEtag);
    expect(valueOf(rows, 'ETag')).toBe('abc');
    expect(valueOf(rows, 'Storage class')).toBe(HIDDEN_BY_CORS);
    expect(valueOf(rows, 'Archive state')).toBe(HIDDEN_BY_CORS);
    expect(valueOf(rows, 'Version ID')).toBe(HIDDEN_BY_CORS);
    expect(objectLockRows({}, onlyEtag).map((row) => row.value)).toEqual([HIDDEN_BY_CORS, HIDDEN_BY_CORS, HIDDEN_BY_CORS]);
    expect(valueOf(checksumRows({}, onlyEtag), 'Checksum algorithm')).toBe(HIDDEN_BY_CORS);
    expect(valueOf(encryptionRows({ ServerSideEncryption: 'aws:kms' }, 'alias/a', onlyEtag), 'Bucket Key')).toBe(HIDDEN_BY_CORS);
    expect(valueOf(encryptionRows({}, NOT_SET, onlyEtag), 'Dual-layer (DSSE-KMS)')).toBe(HIDDEN_BY_CORS);
  });

  it('says STANDARD when S3 omits the storage class, and marks what is not set', () => {
    const rows = overviewRows({ ContentLength: 5 }, readable);
    expect(valueOf(rows, 'Storage class')).toBe('STANDARD');
    expect(valueOf(rows, 'Version ID')).toBe(NOT_SET);
    expect(valueOf(rows, 'Expires')).toBe(NOT_SET);
  });
});

describe('what a re-encryption must preserve', () => {
  it('lists user metadata in key order', () => {
    expect(userMetadataOf({ Metadata: { owner: 'data-team', 'a-first': '1' } })).toEqual([
      { key: 'a-first', value: '1' },
      { key: 'owner', value: 'data-team' },
    ]);
    expect(userMetadataOf({})).toEqual([]);
  });

  it('finds the checksum S3 returned, whatever its algorithm', () => {
    expect(checksumRows({ ChecksumCRC32: 'AAAAAA==', ChecksumType: 'FULL_OBJECT' }, readable)).toEqual([
      { label: 'Checksum algorithm', value: 'CRC32' },
      { label: 'Checksum value', value: 'AAAAAA==' },
      { label: 'Checksum type', value: 'FULL_OBJECT' },
    ]);
    expect(valueOf(checksumRows({ ChecksumSHA256: 'x', ChecksumType: 'COMPOSITE' }, readable), 'Checksum algorithm')).toBe('SHA256');
    expect(checksumRows({}, readable)).toEqual([
      { label: 'Checksum algorithm', value: 'None recorded' },
      { label: 'Checksum value', value: NOT_SET },
      { label: 'Checksum type', value: NOT_SET },
    ]);
  });

  it('shows Object Lock mode, retain-until date and legal hold', () => {
    expect(
      objectLockRows(
        { ObjectLockMode: 'GOVERNANCE', ObjectLockRetainUntilDate: new Date('2030-01-01T00:00:00.000Z'), ObjectLockLegalHoldStatus: 'ON' },
        readable,
      ),
    ).toEqual([
      { label: 'Object Lock mode', value: 'GOVERNANCE' },
      { label: 'Retain until', value: '2030-01-01 00:00:00 UTC' },
      { label: 'Legal hold', value: 'ON' },
    ]);
    expect(objectLockRows({}, readable).map((row) => row.value)).toEqual(['None', NOT_SET, 'OFF']);
  });

  it('states what S3 changes or drops on a copy, only where it applies', () => {
    const always = reEncryptionNotes({});
    expect(always).toHaveLength(3);
    expect(always.join(' ')).toMatch(/Last-Modified.*ACLs are not copied/);

    const archivedLocked = reEncryptionNotes({ StorageClass: 'GLACIER', ObjectLockMode: 'COMPLIANCE' });
    expect(archivedLocked).toContain('S3 refuses to copy a GLACIER object until it is restored (403 InvalidObjectState).');
    expect(archivedLocked).toContain('The copy becomes STANDARD unless the request sends x-amz-storage-class: GLACIER.');
    expect(archivedLocked.some((note) => note.startsWith('Object Lock retention and legal hold are not copied'))).toBe(true);

    expect(reEncryptionNotes({ SSECustomerAlgorithm: 'AES256' }).some((note) => note.includes('SSE-C key'))).toBe(true);
    expect(reEncryptionNotes({ ContentLength: 6 * 1024 ** 3 }).some((note) => note.includes('multipart copy'))).toBe(true);
    expect(reEncryptionNotes({ ServerSideEncryption: 'AES256' }).some((note) => note.startsWith('UpdateObjectEncryption'))).toBe(true);
    expect(
      reEncryptionNotes({ ServerSideEncryption: 'AES256', ObjectLockLegalHoldStatus: 'ON' }).some((note) =>
        note.startsWith('UpdateObjectEncryption'),
      ),
    ).toBe(false);
  });
});
