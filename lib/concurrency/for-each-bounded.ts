// A small worker pool: never more than `concurrency` items in flight, and a way to stop starting
// new ones (e.g. when the upstream says to slow down) while letting the ones in flight finish.

export interface ForEachBoundedOptions {
  concurrency: number;
  /** Checked before each item starts; once it answers true, no further item starts. */
  shouldStop?: () => boolean;
}

/** Runs `run` over `items` with bounded concurrency; resolves with the items that never started. */
export async function forEachBounded<T>(
  items: readonly T[],
  run: (item: T) => Promise<void>,
  { concurrency, shouldStop = () => false }: ForEachBoundedOptions,
): Promise<T[]> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async () => {
    while (next < items.length && !failure && !shouldStop()) {
      const item = items[next++];
      try {
        await run(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const lanes = Math.max(1, Math.min(Math.floor(concurrency), items.length));
  await Promise.all(Array.from({ length: lanes }, lane));
  if (failure) throw failure.error;
  return items.slice(next);
}
