import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '@app/persistence';

/**
 * The throwaway PostgreSQL that `npm test` starts (DATABASE_URL), without the api and worker apps: the
 * workflow specs load only workflows, activities and persistence.
 */
export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error('DATABASE_URL is not set: run the tests with `npm test`, which starts PostgreSQL');
  return url;
}

/** Migrates the test database (idempotent) and opens a small pool on it. */
export async function openMigratedDatabase(): Promise<DataSource> {
  await runMigrations(databaseUrl());
  return new DataSource(dataSourceOptions(databaseUrl(), 2)).initialize();
}
