import { loadConfig } from '@app/config';
import { runMigrations } from '@app/persistence';

/** `node dist/scripts/migrate.js`: apply pending migrations and exit (production one-shot service). */
runMigrations(loadConfig().databaseUrl, (line) => console.log(line))
  .then((applied) => {
    console.log(applied.length ? `migrations: ${applied.length} applied` : 'migrations: schema up to date');
  })
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
