import { describe, expect, it } from 'vitest';
import type { ItemRecord, JobRecord } from './job-records';
import { MemoryJournal } from './journal';

const JOB: JobRecord = { id: 'job-1', createdAt: '2026-06-01T00:00:00.000Z', target: { kind: 'SSE-S3' }, state: 'ready' };
const item = (key: string, state: ItemRecord['state']): ItemRecord => ({
  plan: { id: key, bucket: 'b', region: 'us-east-1', key, versioned: false, action: 'copy', reason: 'r' },
  state,
  attempts: 0,
});

describe('MemoryJournal', () => {
  it('keeps the latest record of the job and of each object', async () => {
    const journal = new MemoryJournal();
    await journal.saveJob(JOB);
    await journal.saveItem('job-1', item('a', 'pending'));
    await journal.saveItem('job-1', item('b', 'pending'));
    await journal.saveItem('job-1', item('a', 'done'));
    await journal.saveJob({ ...JOB, state: 'running' });
    expect(await journal.load('job-1')).toEqual({ job: { ...JOB, state: 'running' }, items: [item('a', 'done'), item('b', 'pending')] });
    expect(await journal.load('other')).toBeUndefined();
  });

  it('holds copies, so later changes to a record are not saved by accident', async () => {
    const journal = new MemoryJournal();
    await journal.saveJob(JOB);
    const record = item('a', 'pending');
    await journal.saveItem('job-1', record);
    record.state = 'done';
    expect((await journal.load('job-1'))?.items[0].state).toBe('pending');
  });

  it('refuses objects of a job it does not know', async () => {
    await expect(new MemoryJournal().saveItem('nope', item('a', 'pending'))).rejects.toThrow('The journal has no job nope.');
  });
});
