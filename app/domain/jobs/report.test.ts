import { describe, expect, it } from 'vitest';
import type { ItemRecord } from './job-records';
import { jobReport, reportCsv, reportJson } from './report';

const KEY_A = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const HOSTILE = '=cmd|"/c calc"!A1,\nnext line.csv';

function record(key: string, changes: Partial<ItemRecord>, plan: Partial<ItemRecord['plan']> = {}): ItemRecord {
  return {
    plan: {
      id: key,
      bucket: 'reports',
      region: 'us-east-1',
      key,
      versioned: true,
      versionId: 'v1',
      action: 'copy',
      reason: 'planned',
      before: { kind: 'NOT-SSE' },
      ...plan,
    },
    state: 'pending',
    attempts: 1,
    ...changes,
  };
}

const RECORDS: ItemRecord[] = [
  record('done.txt', {
    state: 'done',
    method: 'copy',
    versionAfter: 'v2',
    after: { kind: 'SSE-KMS', kmsKeyArn: KEY_A, bucketKeyEnabled: true },
    message: 'Copied onto itself with CopyObject, then checked with HeadObject.',
  }),
  record('skipped.txt', { state: 'skipped' }, { action: 'skip', before: { kind: 'SSE-S3' }, reason: 'Already SSE-S3, as chosen.' }),
  record('failed.txt', { state: 'failed', errorCode: 'AccessDenied', message: 'Access Denied' }),
  record(HOSTILE, { state: 'changed-since-selected', message: 'Changed since it was selected.' }),
  record(
    'secret.bin',
    { state: 'needs-customer-key' },
    { action: 'needs-customer-key', before: undefined, versionId: undefined, reason: 'Give its key.' },
  ),
];

describe('jobReport', () => {
  it('has a row per object: versions, encryption before and after, method, result, error', () => {
    expect(jobReport(RECORDS)).toEqual([
      {
        bucket: 'reports',
        key: 'done.txt',
        versionBefore: 'v1',
        versionAfter: 'v2',
        encryptionBefore: 'Not encrypted',
        encryptionAfter: `SSE-KMS (${KEY_A}, bucket key on)`,
        method: 'CopyObject',
        result: 're-encrypted',
        errorCode: '',
        message: 'Copied onto itself with CopyObject, then checked with HeadObject.',
      },
      {
        bucket: 'reports',
        key: 'skipped.txt',
        versionBefore: 'v1',
        versionAfter: '',
        encryptionBefore: 'SSE-S3',
        encryptionAfter: 'SSE-S3',
        method: '',
        result: 'skipped',
        errorCode: '',
        message: 'Already SSE-S3, as chosen.',
      },
      expect.objectContaining({ key: 'failed.txt', result: 'failed', errorCode: 'AccessDenied', message: 'Access Denied', encryptionAfter: '' }),
      expect.objectContaining({ key: HOSTILE, result: 'changed-since-selected' }),
      expect.objectContaining({
        key: 'secret.bin',
        versionBefore: '',
        encryptionBefore: 'Unknown',
        result: 'needs-sse-c-key',
        message: 'Give its key.',
      }),
    ]);
  });
});

describe('report files', () => {
  it('keeps hostile keys intact in JSON', () => {
    const rows = jobReport(RECORDS);
    expect((JSON.parse(reportJson(rows)) as Array<{ key: string }>).map((row) => row.key)).toContain(HOSTILE);
  });

  it('writes CSV with a header, quoting and the formula guard', () => {
    const csv = reportCsv(jobReport(RECORDS));
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Bucket,Key,Version before,Version after,Encryption before,Encryption after,Method,Result,Error code,Message');
    expect(lines[1]).toBe(
      `reports,done.txt,v1,v2,Not encrypted,"SSE-KMS (${KEY_A}, bucket key on)",CopyObject,re-encrypted,,"Copied onto itself with CopyObject, then checked with HeadObject."`,
    );
    expect(csv).toContain(`reports,"'=cmd|""/c calc""!A1,\nnext line.csv",v1,`);
  });
});
