import { INestApplication, INestApplicationContext, type LoggerService, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client, Connection } from '@temporalio/client';
import { createServer } from 'node:net';
import { DataSource } from 'typeorm';
import { AppModule } from '../../apps/api/src/app.module';
import { setupApp } from '../../apps/api/src/setup-app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { loadConfig } from '@app/config';
import { dataSourceOptions, runMigrations } from '@app/persistence';
import { createOwnDatabase } from './database';
import { dataConverterOf } from './payload-codec';

/**
 * The real services started by `scripts/test.mjs` (PostgreSQL, Temporal dev server), and the project's own
 * api and worker apps booted in this process against them.
 */
export function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run the tests with \`npm test\`, which starts the services`);
  return value;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A task queue of its own per test file, so workers of different files never steal each other's tasks. */
export function uniqueTaskQueue(prefix: string): string {
  return `${prefix}-${process.pid}-${Date.now().toString(36)}`;
}

export function uniqueRef(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}

export async function migrateTestDatabase(): Promise<void> {
  await runMigrations(requireEnv('DATABASE_URL'));
}

export async function openDataSource(): Promise<DataSource> {
  return new DataSource(dataSourceOptions(requireEnv('DATABASE_URL'), 2)).initialize();
}

/** A Temporal client like the API's: payloads encrypted with the suite's test keys (PAYLOAD_KEYS). */
export async function temporalClient(): Promise<{ client: Client; connection: Connection }> {
  const connection = await Connection.connect({ address: requireEnv('TEMPORAL_ADDRESS') });
  return { client: new Client({ connection, dataConverter: dataConverterOf() }), connection };
}

export interface RunningStack {
  api: INestApplication;
  worker: INestApplicationContext;
  close(): Promise<void>;
}

/** Boots the api (HTTP, not listening) and the worker as in production, on the given task queue. */
export async function bootStack(
  taskQueue: string,
  options: { logger?: LoggerService | LogLevel[] } = {},
): Promise<RunningStack> {
  process.env.TEMPORAL_TASK_QUEUE = taskQueue;
  process.env.WORKER_HEALTH_PORT = String(await freePort());
  loadConfig(); // fail here, with the variable's name, if the environment is wrong
  await migrateTestDatabase();
  const logger = options.logger ?? ['error'];
  const worker = await NestFactory.createApplicationContext(WorkerModule, { logger });
  let api: INestApplication | undefined;
  try {
    await worker.init();
    api = await NestFactory.create(AppModule, { logger });
    setupApp(api);
    await api.init();
  } catch (error) {
    // A stack that fails to boot stops what did start, so the suite fails with the error instead of hanging on
    // the worker's open connections (the suite's afterAll has no stack to close).
    await api?.close().catch(() => undefined);
    await worker.close().catch(() => undefined);
    throw error;
  }
  return {
    api,
    worker,
    async close() {
      await api.close();
      await worker.close();
    },
  };
}

/** Polls until `probe` returns a value that is not undefined. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A stack on a database of its own (support/database.ts createOwnDatabase), for a suite whose data the others
 * must not meet or whose assertions cover the whole database. The apps read DATABASE_URL once, at boot: the
 * suite's own URL is back right after. `close` stops the stack and drops the database.
 */
export async function bootStackOnOwnDatabase(prefix: string, taskQueue: string): Promise<RunningStack> {
  const suiteDatabase = process.env.DATABASE_URL;
  const database = await createOwnDatabase(prefix);
  process.env.DATABASE_URL = database.url;
  let stack: RunningStack;
  try {
    stack = await bootStack(taskQueue);
  } finally {
    process.env.DATABASE_URL = suiteDatabase;
  }
  return {
    ...stack,
    async close() {
      await stack.close();
      await database.drop();
    },
  };
}
