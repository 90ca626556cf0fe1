import { bundleWorkflows } from '@app/platform';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');
/** Everything the bundle is built from (README: workflows import only the SDK, libs/contracts, libs/domain). */
const SOURCES = ['workflows', 'libs/contracts/src', 'libs/domain/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return sourceFiles(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    })
    .sort();
}

/**
 * The workflow bundle, built once per content and kept in the OS temp dir: webpack takes about 5 s, and
 * every workflow spec file (and the replay test) needs the same bundle. A change to any workflow, contract
 * or domain source, or to the SDK, gives a new hash and so a fresh build.
 */
export async function workflowBundlePath(): Promise<string> {
  const hash = createHash('sha256');
  hash.update(readFileSync(resolve(ROOT, 'node_modules/@temporalio/workflow/package.json')));
  for (const file of SOURCES.flatMap((dir) => sourceFiles(resolve(ROOT, dir)))) {
    hash.update(file).update(readFileSync(file));
  }
  const path = join(tmpdir(), `trajectory-workflow-bundle-${hash.digest('hex').slice(0, 16)}.js`);
  if (!existsSync(path)) {
    const code = await bundleWorkflows();
    // Written aside and renamed, so a concurrent reader never sees half a bundle.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, code);
    renameSync(partial, path);
    pruneOldBundles(path);
  }
  return path;
}

/** Bundles of earlier sources, unused for an hour (a worker reads its bundle once, at creation). */
function pruneOldBundles(keep: string): void {
  const hourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(tmpdir()).filter((n) =>
    /^trajectory-workflow-bundle-[0-9a-f]+\.js$/.test(n),
  )) {
    const path = join(tmpdir(), name);
    if (path !== keep && statSync(path).mtimeMs < hourAgo) rmSync(path, { force: true });
  }
}
