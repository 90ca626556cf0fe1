import { Injectable } from '@nestjs/common';
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** Prometheus metrics of the API. Labels carry route templates and codes, never ids or personal data. */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by route template, method and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly workflowStarts = new Counter({
    name: 'trajectory_workflow_starts_total',
    help: 'Trajectory start requests by outcome (created or existing)',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly updatesRejected = new Counter({
    name: 'trajectory_updates_rejected_total',
    help: 'Workflow updates rejected by their validator, by action and reason code',
    labelNames: ['action', 'code'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
