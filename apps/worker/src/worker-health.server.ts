import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createServer, Server } from 'node:http';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { APP_CONFIG } from '@app/platform';
import { TemporalWorkerService } from './temporal-worker.service';

/** `GET /health` on WORKER_HEALTH_PORT: 200 while the worker polls and the database answers, else 503. */
@Injectable()
export class WorkerHealthServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly worker: TemporalWorkerService,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.server = createServer((_req, res) => {
      void this.check().then((body) => {
        res.writeHead(body.status === 'ok' ? 200 : 503, { 'content-type': 'application/json' });
        res.end(JSON.stringify(body));
      });
    });
    await new Promise<void>((resolve) =>
      this.server!.listen(this.config.workerHealthPort, '0.0.0.0', resolve),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async check(): Promise<{ status: string; worker: string; database: string }> {
    const database = await this.dataSource
      .query('SELECT 1')
      .then(() => 'up')
      .catch(() => 'down');
    const worker = this.worker.state;
    return { status: worker === 'RUNNING' && database === 'up' ? 'ok' : 'error', worker, database };
  }
}
