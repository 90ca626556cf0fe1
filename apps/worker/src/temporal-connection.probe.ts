import { Injectable } from '@nestjs/common';
import { TemporalWorkerService } from './temporal-worker.service';

/** grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING (the enum lives in @temporalio/proto). */
const SERVING = 1;

/**
 * Short, so a health probe answers in time while Temporal is unreachable (Docker's probe gives up after 5 s,
 * docker/healthcheck.cjs after 4 s); long enough for a frontend that is merely busy.
 */
const CHECK_TIMEOUT_MS = 1500;

/**
 * How long one answer is reused: probes from Docker, the stack script and a load balancer may arrive close
 * together, and each would otherwise be another gRPC call to the frontend.
 */
const CACHE_MS = 2000;

/** One dependency of the worker as its health endpoint reports it. */
export interface DependencyStatus {
  status: 'up' | 'down';
  /** Why it is down, when it is. */
  error?: string;
}

/**
 * Whether the worker's own connection (the one it polls on) reaches Temporal's frontend: the gRPC health
 * service, with a short deadline, asked at most once per CACHE_MS. The worker state alone stays RUNNING
 * while Temporal is down, because the SDK keeps retrying its polls.
 */
@Injectable()
export class TemporalConnectionProbe {
  private last?: { at: number; result: Promise<DependencyStatus> };

  constructor(private readonly worker: TemporalWorkerService) {}

  check(now = Date.now()): Promise<DependencyStatus> {
    if (this.last && now - this.last.at < CACHE_MS) return this.last.result;
    const result = this.ask();
    this.last = { at: now, result };
    return result;
  }

  private async ask(): Promise<DependencyStatus> {
    const connection = this.worker.nativeConnection;
    if (!connection) return { status: 'down', error: 'not connected yet' };
    const call = connection
      .withDeadline(Date.now() + CHECK_TIMEOUT_MS, () => connection.healthService.check({}))
      .then(
        (response): DependencyStatus =>
          response.status === SERVING
            ? { status: 'up' }
            : { status: 'down', error: `frontend health status ${response.status}` },
        (error: unknown): DependencyStatus => ({
          status: 'down',
          error: error instanceof Error ? error.message : String(error),
        }),
      );
    // A timer as well as the gRPC deadline: while the frontend is unreachable the call waits for the connection
    // to come back, and neither its deadline nor an abort signal ends that wait (measured with SDK 1.24). The
    // call left behind settles once Temporal answers; CACHE_MS bounds how many an outage leaves.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<DependencyStatus>((resolve) => {
      timer = setTimeout(
        () => resolve({ status: 'down', error: `no answer within ${CHECK_TIMEOUT_MS} ms` }),
        CHECK_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([call, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
