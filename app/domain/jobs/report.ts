import { toCsv } from './csv';
import type { ChangeMethod, ItemRecord, ItemState } from './job-records';
import { describeEncryption } from './target-encryption';

/** One object in the job's report. Never holds key material: SSE-C keys appear only by their MD5. */
export interface ReportRow {
  bucket: string;
  key: string;
  versionBefore: string;
  versionAfter: string;
  encryptionBefore: string;
  encryptionAfter: string;
  method: string;
  result: string;
  errorCode: string;
  message: string;
}

const COLUMNS: ReadonlyArray<[keyof ReportRow, string]> = [
  ['bucket', 'Bucket'],
  ['key', 'Key'],
  ['versionBefore', 'Version before'],
  ['versionAfter', 'Version after'],
  ['encryptionBefore', 'Encryption before'],
  ['encryptionAfter', 'Encryption after'],
  ['method', 'Method'],
  ['result', 'Result'],
  ['errorCode', 'Error code'],
  ['message', 'Message'],
];

const METHODS: Record<ChangeMethod, string> = {
  'update-encryption': 'UpdateObjectEncryption',
  copy: 'CopyObject',
  'multipart-copy': 'UploadPartCopy (multipart copy)',
};

/** Results as stable words, so a report can be filtered. */
const RESULTS: Record<ItemState, string> = {
  pending: 'not-run',
  'in-progress': 'in-progress',
  done: 're-encrypted',
  skipped: 'skipped',
  'changed-since-selected': 'changed-since-selected',
  failed: 'failed',
  'needs-customer-key': 'needs-sse-c-key',
  cannot: 'not-possible',
  cancelled: 'cancelled',
};

export function jobReport(records: readonly ItemRecord[]): ReportRow[] {
  return records.map(({ plan, state, method, versionAfter, after, errorCode, message }) => {
    const before = plan.before ? describeEncryption(plan.before) : 'Unknown';
    return {
      bucket: plan.bucket,
      key: plan.key,
      versionBefore: plan.versionId ?? '',
      versionAfter: versionAfter ?? '',
      encryptionBefore: before,
      encryptionAfter: after ? describeEncryption(after) : state === 'skipped' ? before : '',
      method: method ? METHODS[method] : '',
      result: RESULTS[state],
      errorCode: errorCode ?? '',
      message: message ?? plan.reason,
    };
  });
}

export function reportJson(rows: readonly ReportRow[]): string {
  return JSON.stringify(rows, null, 2);
}

export function reportCsv(rows: readonly ReportRow[]): string {
  return toCsv(
    COLUMNS.map(([, title]) => title),
    rows.map((row) => COLUMNS.map(([field]) => row[field])),
  );
}
