import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
} from '@nestjs/common';
import { NativeConnection, Worker, WorkerOptions } from '@temporalio/worker';
import { DataSource } from 'typeorm';
import { codecOptions, EncryptionCodec, KeyRing } from '@app/codec';
import { AppConfig } from '@app/config';
import { APP_CONFIG, installTemporalRuntime, workflowBundlerOptions, WORKFLOWS_PATH } from '@app/platform';
import { createActivities } from '@app/activities';

/**
 * Owns the Temporal Worker: starts polling when the app has booted and drains it on shutdown.
 * Shutdown is guarded, so Nest's hooks and a second signal cannot shut it down twice.
 */
@Injectable()
export class TemporalWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(TemporalWorkerService.name);
  private connection?: NativeConnection;
  private worker?: Worker;
  private running?: Promise<void>;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly dataSource: DataSource,
  ) {}

  get state(): string {
    return this.worker?.getState() ?? 'STARTING';
  }

  /** The connection the worker polls on, for the health probe; undefined until it has connected. */
  get nativeConnection(): NativeConnection | undefined {
    return this.connection;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { temporal, workerHealthHost: host, workerMetricsPort: metricsPort } = this.config;
    installTemporalRuntime(this.config.logLevel, {
      // Beside the health endpoint, on the same host; an IPv6 host needs its brackets here.
      metricsBindAddress:
        metricsPort === undefined ? undefined : `${host.includes(':') ? `[${host}]` : host}:${metricsPort}`,
    });
    this.connection = await NativeConnection.connect({ address: temporal.address });
    this.worker = await Worker.create(this.workerOptions(this.connection));
    this.running = this.worker.run();
    this.running.catch((error: unknown) =>
      this.logger.error({ msg: 'worker stopped with an error', error: String(error) }),
    );
    this.logger.log({
      msg: 'worker polling',
      taskQueue: temporal.taskQueue,
      namespace: temporal.namespace,
      // Ids only, so an operator sees which key encrypts and which old ones still decrypt.
      payloadKeyIds: this.config.payloadKeys.map((k) => k.id),
    });
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker?.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  private workerOptions(connection: NativeConnection): WorkerOptions {
    const { temporal, workflowBundlePath, workerMaxCachedWorkflows } = this.config;
    return {
      connection,
      namespace: temporal.namespace,
      taskQueue: temporal.taskQueue,
      activities: createActivities({ dataSource: this.dataSource }),
      maxCachedWorkflows: workerMaxCachedWorkflows,
      // Every payload encrypted before it reaches Temporal; plain ones from older histories still decode.
      dataConverter: {
        payloadCodecs: [new EncryptionCodec(new KeyRing(this.config.payloadKeys), codecOptions(this.config))],
      },
      ...(workflowBundlePath
        ? { workflowBundle: { codePath: workflowBundlePath } }
        : { workflowsPath: WORKFLOWS_PATH, bundlerOptions: workflowBundlerOptions() }),
    };
  }
}
