import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

/** Runs pending migrations; used by the local stack, the tests and the production `migrate` service. */
export async function runMigrations(
  databaseUrl: string,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(databaseUrl, 1));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    for (const m of applied) log(`migration applied: ${m.name}`);
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}
