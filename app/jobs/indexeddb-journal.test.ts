// IndexedDB as the browser has it (fake-indexeddb implements the spec, transactions and structured clone included);
// `auto` also installs IDBKeyRange, which the journal uses as a global.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { ItemRecord, JobRecord } from '../domain/jobs/job-records';
import { IndexedDbJournal } from './indexeddb-journal';

const JOB: JobRecord = { id: 'job-1', createdAt: '2026-06-01T00:00:00.000Z', target: { kind: 'SSE-S3' }, state: 'ready' };
const OTHER_JOB: JobRecord = {
  ...JOB,
  id: 'job-2',
  target: { kind: 'SSE-KMS', keyArn: 'arn:aws:kms:us-east-1:111122223333:key/k', bucketKey: false },
};
const item = (key: string, state: ItemRecord['state']): ItemRecord => ({
  plan: { id: key, bucket: 'b', region: 'us-east-1', key, versioned: false, action: 'copy', reason: 'r' },
  state,
  attempts: 0,
});

/** A journal in a browser profile of its own: every test starts from an empty IndexedDB. */
function profile(): { open: () => Promise<IndexedDbJournal> } {
  const factory = new IDBFactory();
  return { open: () => IndexedDbJournal.open(factory) };
}

describe('IndexedDbJournal', () => {
  it('keeps the latest record of the job and of each object', async () => {
    const journal = await profile().open();
    await journal.saveJob(JOB);
    await journal.saveItem('job-1', item('a', 'pending'));
    await journal.saveItem('job-1', item('b', 'pending'));
    await journal.saveItem('job-1', item('a', 'done'));
    await journal.saveJob({ ...JOB, state: 'running' });
    expect(await journal.load('job-1')).toEqual({ job: { ...JOB, state: 'running' }, items: [item('a', 'done'), item('b', 'pending')] });
    expect(await journal.load('other')).toBeUndefined();
  });

  it("keeps each job's objects apart, even under the same key", async () => {
    const journal = await profile().open();
    await journal.saveJob(JOB);
    await journal.saveJob(OTHER_JOB);
    await journal.saveItem('job-1', item('a', 'done'));
    await journal.saveItem('job-2', item('a', 'failed'));
    await journal.saveItem('job-2', item('b', 'pending'));
    expect((await journal.load('job-1'))?.items).toEqual([item('a', 'done')]);
    expect((await journal.load('job-2'))?.items).toEqual([item('a', 'failed'), item('b', 'pending')]);
    expect(await journal.listJobs()).toEqual([JOB, OTHER_JOB]);
  });

  it('stores copies, so later changes to a record are not saved by accident', async () => {
    const journal = await profile().open();
    const job = { ...JOB };
    await journal.saveJob(job);
    const record = item('a', 'pending');
    await journal.saveItem('job-1', record);
    record.state = 'done';
    job.state = 'finished';
    expect(await journal.load('job-1')).toEqual({ job: JOB, items: [item('a', 'pending')] });
  });

  it('gives a reopened tab what was committed before it closed', async () => {
    const browser = profile();
    const first = await browser.open();
    await first.saveJob({ ...JOB, state: 'running' });
    await first.saveItem('job-1', item('a', 'done'));
    await first.saveItem('job-1', item('b', 'in-progress'));

    const reopened = await browser.open();
    expect(await reopened.listJobs()).toEqual([{ ...JOB, state: 'running' }]);
    expect(await reopened.load('job-1')).toEqual({ job: { ...JOB, state: 'running' }, items: [item('a', 'done'), item('b', 'in-progress')] });
  });

  it('lists no jobs in a new profile', async () => {
    expect(await (await profile().open()).listJobs()).toEqual([]);
  });
});
