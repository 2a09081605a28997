/**
 * Works through what `next` hands out, at most `size` at a time, until it
 * hands out nothing. The first failure stops the hand-out; it is thrown once
 * the work already running has settled, so nothing is left running behind.
 */
export async function drain<T>(size: number, next: () => T | undefined, work: (item: T) => Promise<void>): Promise<void> {
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    for (let item = next(); item !== undefined && !failure; item = failure ? undefined : next()) {
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, size) }, worker));
  if (failure) throw failure.error;
}
