import { spawn } from 'node:child_process';
import { statSync } from 'node:fs';
import { copyCheckout, type CheckoutCopy } from './support/checkout-copy';

const asRoot = process.getuid?.() === 0;

/** A service-backed test that is quick: it needs the embedded PostgreSQL of `npm test`, and proves it ran. */
const INNER_TEST = 'test/arrangement-catalogue.test.ts';

/**
 * As root, PostgreSQL runs as the `postgres` user, which cannot traverse a mode-700 folder such as a fresh
 * `mktemp -d` or root's home. `npm test` from a checkout there must still work: the binaries and the throwaway
 * cluster then live where that user can reach them (scripts/lib/postgres-binaries.mjs, postgres-data-dir.mjs).
 * Not root: nothing to prove (PostgreSQL runs as the caller, who can reach their own checkout).
 */
const describeAsRoot = asRoot ? describe : describe.skip;

describeAsRoot('npm test from a checkout other users cannot traverse (root only: skipped for others)', () => {
  let copy: CheckoutCopy;

  beforeAll(() => {
    copy = copyCheckout('start-anywhere');
  });
  afterAll(() => copy?.remove());

  it('runs a database-backed test file with exit code 0', async () => {
    expect(statSync(copy.home).mode & 0o777).toBe(0o700);
    const env: NodeJS.ProcessEnv = { ...process.env };
    // Its own services, as `npm test` starts them; the tools this run found (TEMPORAL_CLI, TEMPORAL_TEST_SERVER,
    // COMPOSE_BIN, CHROMIUM_PATH) pass through, so nothing is installed into the copy.
    for (const name of ['DATABASE_URL', 'TEMPORAL_ADDRESS', 'TEMPORAL_TASK_QUEUE']) delete env[name];
    // The copy's node_modules is a link to this checkout's, which the postgres user may well reach. Kept as
    // links, module paths stay inside the private folder, as in a clone with its own `npm ci`: PostgreSQL's
    // binaries then have to come from elsewhere.
    env.NODE_OPTIONS = `${env.NODE_OPTIONS ?? ''} --preserve-symlinks`.trim();
    const lines: string[] = [];
    const code = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, ['scripts/test.mjs', INNER_TEST], { cwd: copy.root, env });
      for (const stream of [child.stdout, child.stderr]) {
        stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n')));
      }
      const timer = setTimeout(() => child.kill('SIGINT'), 100_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        done(c);
      });
    });
    const output = lines.slice(-80).join('\n');
    expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining(`PASS ${INNER_TEST}`) });
    expect(output).not.toMatch(/EACCES/);
  }, 120_000);
});
