import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const LIB = (file: string) => pathToFileURL(resolve(__dirname, '..', 'scripts', 'lib', file)).href;

/**
 * Runs `body` as an ES module in its own Node process (the stack scripts are ES modules, which Jest's CommonJS
 * runtime cannot import) and returns what it printed last as JSON.
 */
function runModule(body: string): Promise<unknown> {
  const source = `
    import { supervise } from '${LIB('supervisor.mjs')}';
    import { RestartBackoff } from '${LIB('backoff.mjs')}';
    const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
    /** A stand-in for a proc.mjs process handle that exits with code 1 after lifeMs. */
    let pids = 0;
    function fakeProcess(lifeMs) {
      let end;
      const exited = new Promise((r) => (end = r));
      const timer = setTimeout(() => end({ code: 1, signal: null }), lifeMs);
      return { pid: ++pids, exited, stop: async () => { clearTimeout(timer); end({ code: null, signal: 'SIGTERM' }); } };
    }
    ${body}`;
  return new Promise((done, fail) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', source],
      { timeout: 30_000 },
      (error, stdout) => {
        if (error) return fail(new Error(`${error.message}\n${stdout}`));
        const lines = stdout.trim().split('\n');
        done(JSON.parse(lines[lines.length - 1]));
      },
    );
  });
}

/** Waits between launches minus the time each launched process lived: the supervisor's restart delays. */
const DELAYS = `
  const gaps = launches.slice(1).map((at, i) => at - launches[i] - LIFE_MS);
`;

describe('the stack supervisor (scripts/lib/supervisor.mjs, backoff.mjs)', () => {
  it('doubles the restart delay from 1 s to 30 s, and starts over after a run healthy for a minute', async () => {
    const delays = await runModule(`
      const backoff = new RestartBackoff();
      const crashing = [0, 0, 0, 0, 0, 0, 0].map(() => backoff.delayAfter(0));
      const afterStableRun = backoff.delayAfter(60_000);
      const afterShortRun = backoff.delayAfter(59_999);
      console.log(JSON.stringify({ crashing, afterStableRun, afterShortRun }));
    `);
    expect(delays).toEqual({
      crashing: [1000, 2000, 4000, 8000, 16000, 30000, 30000],
      afterStableRun: 1000,
      afterShortRun: 2000,
    });
  });

  it('restarts a process that crashes after it was healthy, ever more slowly, and not after stop()', async () => {
    const result = (await runModule(`
      const LIFE_MS = 150;
      const launches = [];
      const app = supervise({
        name: 'fake',
        start: () => (launches.push(Date.now()), fakeProcess(LIFE_MS)),
        isHealthy: async () => true,
        backoff: new RestartBackoff({ initialMs: 50, maxMs: 200, resetAfterMs: 60_000 }),
        healthPollMs: 10,
      });
      await app.ready(1000);
      while (launches.length < 5) await sleep(10);
      await app.stop();
      const stoppedAt = launches.length;
      await sleep(500);
      ${DELAYS}
      console.log(JSON.stringify({ gaps, launchedAfterStop: launches.length - stoppedAt }));
    `)) as { gaps: number[]; launchedAfterStop: number };
    expect(result.launchedAfterStop).toBe(0);
    [50, 100, 200, 200].forEach((expected, i) => {
      expect(result.gaps[i]).toBeGreaterThanOrEqual(expected - 5);
      expect(result.gaps[i]).toBeLessThan(expected + 150);
    });
  });

  it('keeps the first delay for a process that had stayed healthy long enough before each crash', async () => {
    const result = (await runModule(`
      const LIFE_MS = 200;
      const launches = [];
      const app = supervise({
        name: 'fake',
        start: () => (launches.push(Date.now()), fakeProcess(LIFE_MS)),
        isHealthy: async () => true,
        backoff: new RestartBackoff({ initialMs: 50, maxMs: 400, resetAfterMs: 100 }),
        healthPollMs: 10,
      });
      await app.ready(1000);
      while (launches.length < 4) await sleep(10);
      await app.stop();
      ${DELAYS}
      console.log(JSON.stringify({ gaps }));
    `)) as { gaps: number[] };
    for (const gap of result.gaps) {
      expect(gap).toBeGreaterThanOrEqual(45);
      expect(gap).toBeLessThan(200);
    }
  });

  it('does not restart a process that exits before it was ever healthy: ready() fails with why', async () => {
    const result = await runModule(`
      let launched = 0;
      const app = supervise({
        name: 'fake',
        start: () => (launched++, fakeProcess(50)),
        isHealthy: async () => false,
        healthPollMs: 10,
      });
      const error = await app.ready(2000).then(() => 'ready', (e) => e.message);
      await sleep(300);
      console.log(JSON.stringify({ error, launched }));
    `);
    expect(result).toEqual({ error: 'fake exited (code 1, signal null) before it was healthy', launched: 1 });
  });
});
