import { describe, expect, it } from 'vitest';
import type { ItemRecord, ItemState } from '../../domain/jobs/job-records';
import { progressOf } from '../../domain/jobs/job-progress';
import { planItemId, type PlanItem } from '../../domain/jobs/plan';
import {
  formatEta,
  formatRate,
  jobControls,
  listedJobState,
  missingSourceKeyMd5s,
  pageOfItems,
  percentSettled,
  reportFileName,
} from './job-view.utils';

function record(key: string, state: ItemState, sourceCustomerKeyMd5?: string): ItemRecord {
  const plan: PlanItem = {
    id: planItemId('b', key, undefined),
    bucket: 'b',
    region: 'us-east-1',
    key,
    versioned: false,
    action: 'copy',
    reason: 'r',
    sourceCustomerKeyMd5,
  };
  return { plan, state, attempts: 0 };
}

const mixed = [record('a', 'done'), record('b', 'pending'), record('c', 'failed'), record('d', 'skipped'), record('e', 'in-progress')];

describe('job view', () => {
  it('counts settled objects: done, skipped and reported ones, not waiting or running ones', () => {
    expect(percentSettled(progressOf('running', mixed, undefined))).toBe(60);
    expect(percentSettled(progressOf('finished', [], undefined))).toBe(100);
  });

  it('names a job another tab holds as there, running or not', () => {
    expect(listedJobState({ state: 'running', elsewhere: false }).text).toBe('Running');
    expect(listedJobState({ state: 'running', elsewhere: true }).text).toBe('Running in another tab');
    expect(listedJobState({ state: 'paused', elsewhere: true }).text).toBe('Paused, open in another tab');
  });

  it('offers the controls the job state allows', () => {
    expect(jobControls(progressOf('running', mixed, 2))).toEqual({ pause: true, resume: false, cancel: true, retryFailed: false, report: false });
    expect(jobControls(progressOf('paused', mixed, undefined))).toEqual({
      pause: false,
      resume: true,
      cancel: true,
      retryFailed: true,
      report: true,
    });
    expect(jobControls(progressOf('needs-sign-in', mixed, undefined))).toMatchObject({ resume: true, pause: false });
    expect(jobControls(progressOf('finished', [record('a', 'done')], undefined))).toEqual({
      pause: false,
      resume: false,
      cancel: false,
      retryFailed: false,
      report: true,
    });
    expect(jobControls(progressOf('cancelled', mixed, undefined))).toMatchObject({ retryFailed: false, cancel: false, resume: false });
  });

  it('pages the objects of one state, keeping the page inside the filtered list', () => {
    const many = Array.from({ length: 7 }, (_, n) => record(`k${n}`, n % 2 ? 'done' : 'failed'));
    expect(pageOfItems(many, 'all', 2, 3)).toMatchObject({ matching: 7, pagesCount: 3, pageIndex: 2, rows: many.slice(3, 6) });
    const failed = pageOfItems(many, 'failed', 5, 3);
    expect(failed).toMatchObject({ matching: 4, pagesCount: 2, pageIndex: 2 });
    expect(failed.rows.map((row) => row.plan.key)).toEqual(['k6']);
    expect(pageOfItems(many, 'cancelled', 1, 3)).toMatchObject({ matching: 0, pagesCount: 1, pageIndex: 1, rows: [] });
  });

  it('names each SSE-C key the job waits for once', () => {
    expect(
      missingSourceKeyMd5s([record('a', 'needs-customer-key', 'm1'), record('b', 'needs-customer-key', 'm1'), record('c', 'done', 'm2')]),
    ).toEqual(['m1']);
  });

  it('writes pace, time left and file names for people', () => {
    expect(formatRate(undefined)).toBe('–');
    expect(formatRate(12.345)).toBe('12.3 objects/s');
    expect(formatEta(undefined)).toBe('–');
    expect(formatEta(42)).toBe('42 s');
    expect(formatEta(125)).toBe('2 min 5 s');
    expect(formatEta(3 * 3600 + 61)).toBe('3 h 1 min');
    expect(reportFileName('abc', 'csv')).toBe('re-encryption-report-abc.csv');
  });
});
