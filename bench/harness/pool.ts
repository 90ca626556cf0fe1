export interface PoolOutcome {
  completed: number;
  failed: number;
  /** The first few distinct error messages, for the result file. */
  errors: string[];
}

/**
 * Runs `task(0..total-1)` with at most `concurrency` in flight: each worker slot takes the next index as
 * soon as its previous task settles (a closed loop, like N users working through a queue). A failed task
 * is counted and the run goes on: one broken trajectory must not end a long benchmark.
 */
export async function runPool(
  total: number,
  concurrency: number,
  task: (index: number) => Promise<void>,
  onSettled?: (outcome: PoolOutcome) => void,
): Promise<PoolOutcome> {
  const outcome: PoolOutcome = { completed: 0, failed: 0, errors: [] };
  let next = 0;
  const slot = async () => {
    while (next < total) {
      const index = next++;
      try {
        await task(index);
        outcome.completed++;
      } catch (error) {
        outcome.failed++;
        const message = error instanceof Error ? error.message : String(error);
        if (outcome.errors.length < 10 && !outcome.errors.includes(message)) outcome.errors.push(message);
      }
      onSettled?.(outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, total) }, slot));
  return outcome;
}
