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

/**
 * A database of a suite's own on the suite's PostgreSQL server, empty (the caller migrates it, or bootStack
 * does). For a suite whose assertions cover the whole database — what the fuzzer writes (contracts ended,
 * intake freezes, every due payment exported), or a backlog judged over every subscription — which the other
 * test files must not find in theirs or add to. Temporal stays shared; such a suite's trajectories have case
 * references no other file uses. Returns its URL and how to drop it.
 */
export async function createOwnDatabase(prefix: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const url = new URL(databaseUrl());
  const admin = async (sql: string): Promise<void> => {
    const db = await new DataSource(dataSourceOptions(databaseUrl(), 1)).initialize();
    try {
      await db.query(sql);
    } finally {
      await db.destroy();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
