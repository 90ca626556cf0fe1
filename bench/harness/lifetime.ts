/**
 * What the harness started, stopped in reverse order on success, failure or Ctrl-C, so a benchmark never
 * leaves a Temporal server, a PostgreSQL cluster or a .data/bench-* folder behind.
 */
type Stopper = { name: string; stop: () => Promise<void> };

const stoppers: Stopper[] = [];
let stopping: Promise<void> | undefined;

export function onShutdown(name: string, stop: () => Promise<void>): void {
  stoppers.push({ name, stop });
}

/** Stops everything registered so far; a scenario may call it between rounds (growth) and start anew. */
export function shutdown(): Promise<void> {
  stopping ??= (async () => {
    while (stoppers.length > 0) {
      const s = stoppers.pop()!;
      await s
        .stop()
        .catch((e: unknown) => process.stderr.write(`[bench] stopping ${s.name}: ${String(e)}\n`));
    }
  })().finally(() => (stopping = undefined));
  return stopping;
}

/** Ctrl-C and SIGTERM stop everything first; the exit code says the run did not finish. */
export function installSignalHandlers(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      process.stderr.write(`\n[bench] ${signal}: stopping what the benchmark started…\n`);
      void shutdown().then(() => process.exit(130));
    });
  }
}
