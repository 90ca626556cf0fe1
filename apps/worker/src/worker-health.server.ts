import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { DependencyStatus, TemporalConnectionProbe } from './temporal-connection.probe';
import { TemporalWorkerService } from './temporal-worker.service';

/** Worker states the process cannot leave by itself: only a restart helps. */
const DEAD_STATES = new Set(['FAILED', 'STOPPED']);

interface Readiness {
  status: 'ok' | 'error';
  worker: string;
  database: 'up' | 'down';
  temporal: 'up' | 'down';
  /** Why each part that is down is down. */
  details?: { database?: string; temporal?: string };
}

/**
 * The worker's HTTP health endpoint on WORKER_HEALTH_HOST:WORKER_HEALTH_PORT.
 * - `GET /health` (readiness): 200 while the worker polls, the database answers and the worker's Temporal
 *   connection reaches the frontend; else 503 with what is down and why.
 * - `GET /health/live` (liveness, for container probes): 503 only when the worker has failed or stopped, so an
 *   orchestrator restarts a dead worker but not one that waits for Temporal or PostgreSQL to come back.
 */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: TemporalWorkerService,
    private readonly temporal: TemporalConnectionProbe,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((req, res) => {
      const answer = req.url === '/health/live' ? Promise.resolve(this.liveness()) : this.readiness();
      void answer.then((body) => {
        res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    const { workerHealthHost, workerHealthPort } = this.config;
    await new Promise<void>((resolve) => this.server!.listen(workerHealthPort, workerHealthHost, resolve));
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private liveness(): { status: 'ok' | 'error'; worker: string } {
    const worker = this.worker.state;
    return { status: DEAD_STATES.has(worker) ? 'error' : 'ok', worker };
  }

  private async readiness(): Promise<Readiness> {
    const [database, temporal] = await Promise.all([this.databaseStatus(), this.temporal.check()]);
    const worker = this.worker.state;
    const ok = worker === 'RUNNING' && database.status === 'up' && temporal.status === 'up';
    const body: Readiness = {
      status: ok ? 'ok' : 'error',
      worker,
      database: database.status,
      temporal: temporal.status,
    };
    if (database.error || temporal.error)
      body.details = { database: database.error, temporal: temporal.error };
    return body;
  }

  private databaseStatus(): Promise<DependencyStatus> {
    return this.dataSource.query('SELECT 1').then(
      () => ({ status: 'up' }),
      (error: unknown) => ({ status: 'down', error: error instanceof Error ? error.message : String(error) }),
    );
  }
}
