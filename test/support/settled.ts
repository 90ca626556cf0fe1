/**
 * Polls `probe` until `done` holds or `timeoutMs` passes, and returns the last value either way: the
 * caller's `expect` then fails with a readable diff instead of a bare timeout. Effects of a transition
 * (activities, a child's signal to its parent) land after the update that caused them has returned.
 */
export async function settled<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
