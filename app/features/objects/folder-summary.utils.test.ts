import { describe, expect, it } from 'vitest';
import { classifyEncryptionHeaders, classifyHeadFailure, type EncryptionReading } from '../../domain/encryption';
import { complianceItems, summarizeReadings, summarySegments } from './folder-summary.utils';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/11111111-1111-4111-8111-111111111111';
const read = (kind: 'NOT-SSE' | 'SSE-S3' | 'SSE-KMS' | 'DSSE-KMS', kmsKeyArn?: string): EncryptionReading => ({
  status: 'read',
  encryption: { kind, kmsKeyArn },
});

const readings = [read('NOT-SSE'), read('SSE-S3'), read('SSE-KMS', KEY), read('DSSE-KMS', KEY), classifyHeadFailure(400, false), undefined];

describe('summarizeReadings', () => {
  it('counts each kind, what could not be read, and says how many of the loaded objects were checked', () => {
    expect(summarizeReadings(10, readings, { require: 'any-sse' })).toEqual({
      loaded: 10,
      checked: 5,
      byKind: { 'NOT-SSE': 1, 'SSE-S3': 1, 'SSE-KMS': 1, 'DSSE-KMS': 1, 'SSE-C': 0 },
      cannotRead: 1,
      compliant: 3,
      notCompliant: 1,
      complianceUnknown: 1,
    });
  });

  it('counts non-compliance against the configured policy', () => {
    expect(summarizeReadings(6, readings, { require: 'sse-kms' }).notCompliant).toBe(2);
  });
});

describe('complianceItems', () => {
  it('counts unreadable objects as of unknown compliance, and the known counts as known only, never a bare "Not compliant 0"', () => {
    // Access denied, SSE-C without its key, headers hidden by CORS.
    const hidden = [classifyHeadFailure(403, false), classifyHeadFailure(400, false), classifyEncryptionHeaders({}, 'hidden')];
    expect(complianceItems(summarizeReadings(3, hidden, { require: 'any-sse' }))).toEqual([
      { label: 'Compliant', value: '0 known' },
      { label: 'Not compliant', value: '0 known' },
      { label: 'Compliance unknown', value: '3' },
    ]);
  });

  it('gives plain counts when every checked object could be read', () => {
    const readable = [read('NOT-SSE'), read('SSE-S3')];
    expect(complianceItems(summarizeReadings(2, readable, { require: 'any-sse' }))).toEqual([
      { label: 'Compliant', value: '1' },
      { label: 'Not compliant', value: '1' },
      { label: 'Compliance unknown', value: '0' },
    ]);
  });
});

describe('summarySegments', () => {
  it('charts non-empty kinds and the unreadable ones', () => {
    const summary = summarizeReadings(6, readings, { require: 'any-sse' });
    expect(summarySegments(summary)).toEqual([
      { title: 'Not encrypted', value: 1 },
      { title: 'SSE-S3', value: 1 },
      { title: 'SSE-KMS', value: 1 },
      { title: 'DSSE-KMS', value: 1 },
      { title: 'Cannot read', value: 1 },
    ]);
  });
});
