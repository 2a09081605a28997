import { describe, expect, it, vi } from 'vitest';
import type { ItemRecord } from './job-records';
import { JobListeners, progressOf } from './job-progress';

const record = (state: ItemRecord['state']): ItemRecord => ({
  plan: { id: state, bucket: 'b', region: 'us-east-1', key: state, versioned: false, action: 'copy', reason: '' },
  state,
  attempts: 0,
});

describe('progressOf', () => {
  it('counts objects by state and works out the time left', () => {
    const progress = progressOf(
      'running',
      ['done', 'done', 'pending', 'in-progress', 'failed'].map((state) => record(state as ItemRecord['state'])),
      0.5,
    );
    expect(progress).toMatchObject({ state: 'running', total: 5, objectsPerSecond: 0.5, etaSeconds: 4 });
    expect(progress.counts).toMatchObject({ done: 2, pending: 1, 'in-progress': 1, failed: 1, skipped: 0 });
  });
});

describe('JobListeners', () => {
  it('tells every listener until it unsubscribes, whatever another listener does', async () => {
    const listeners = new JobListeners();
    const heard: string[] = [];
    const thrown = new Error('listener bug');
    const surfaced = new Promise<unknown>((resolve) => {
      vi.stubGlobal('queueMicrotask', (callback: () => void) => {
        try {
          callback();
        } catch (error) {
          resolve(error);
        }
      });
    });
    listeners.subscribe(() => {
      throw thrown;
    });
    const stop = listeners.subscribe(({ progress }) => heard.push(progress.state));
    const event = { progress: progressOf('running', [], undefined) };
    listeners.emit(event);
    stop();
    listeners.emit(event);
    vi.unstubAllGlobals();
    expect(heard).toEqual(['running']);
    expect(await surfaced).toBe(thrown);
  });
});
