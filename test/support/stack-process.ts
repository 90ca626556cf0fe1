import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** What the stack script writes to <data dir>/stack.pids.json: the pid of each process it runs now. */
export type StackPids = Partial<
  Record<'stack' | 'postgres' | 'temporal' | 'mail' | 'oidc' | 'worker' | 'api', number>
>;

const MAX_OUTPUT_LINES = 400;

/**
 * `node scripts/stack.mjs` (what `npm start` runs) as a child process of a test, with its output kept for
 * assertions and failure messages.
 */
export class StackProcess {
  private readonly lines: string[] = [];
  private ended?: { code: number | null; signal: NodeJS.Signals | null };
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(
    private readonly child: ChildProcess,
    private readonly dataDir: string,
  ) {
    const collect = (chunk: Buffer) => {
      this.lines.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      if (this.lines.length > MAX_OUTPUT_LINES) this.lines.splice(0, this.lines.length - MAX_OUTPUT_LINES);
    };
    child.stdout!.on('data', collect);
    child.stderr!.on('data', collect);
    this.exited = new Promise((done) =>
      child.once('exit', (code, signal) => {
        this.ended = { code, signal };
        done(this.ended);
      }),
    );
  }

  static start(root: string, env: NodeJS.ProcessEnv, dataDir: string): StackProcess {
    const child = spawn(process.execPath, ['scripts/stack.mjs'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return new StackProcess(child, dataDir);
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.ended === undefined;
  }

  /** The last lines of output, for failure messages (the Temporal dev server's own log lines left out). */
  output(): string {
    return this.lines.filter((line) => !line.startsWith('[temporal] time=')).join('\n');
  }

  pids(): StackPids {
    const file = join(this.dataDir, 'stack.pids.json');
    return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as StackPids) : {};
  }

  /** Resolves when a line of output matches; rejects when the stack exits first or the time runs out. */
  async waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.lines.some((line) => pattern.test(line))) {
      if (this.ended) throw new Error(`the stack exited (${JSON.stringify(this.ended)}) before ${pattern}`);
      if (Date.now() > deadline)
        throw new Error(`no ${pattern} in the stack's output within ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Ctrl-C: SIGINT, then waits for the stack to exit (SIGKILL after `graceMs`, which fails the exit code). */
  async interrupt(graceMs = 60_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (this.ended) return this.ended;
    this.child.kill('SIGINT');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** Whether a process with this pid exists (signal 0 only checks). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
