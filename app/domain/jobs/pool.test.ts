import { describe, expect, it } from 'vitest';
import { drain } from './pool';

describe('drain', () => {
  it('does every item, never more than `size` at once', async () => {
    const queue = [1, 2, 3, 4, 5, 6, 7];
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await drain(
      3,
      () => queue.shift(),
      async (item) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(item);
        running--;
      },
    );
    expect(done.sort()).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(most).toBe(3);
  });

  it('stops handing out work after a failure and throws it once the rest settled', async () => {
    const queue = [1, 2, 3, 4, 5, 6];
    const finished: number[] = [];
    await expect(
      drain(
        2,
        () => queue.shift(),
        async (item) => {
          await new Promise((resolve) => setTimeout(resolve, item === 2 ? 5 : 1));
          if (item === 1) throw new Error('part 1 failed');
          finished.push(item);
        },
      ),
    ).rejects.toThrow('part 1 failed');
    expect(finished).toEqual([2]);
    expect(queue).toEqual([3, 4, 5, 6]);
  });
});
