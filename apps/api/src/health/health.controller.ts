import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { Public } from '../auth/decorators';
import { DeliveryStatusDto } from '../events/delivery-status.dto';
import { DeliveryStatusService, type DeliveryStatus } from '../events/delivery-status.service';
import { TEMPORAL_CONNECTION } from '../temporal/temporal-client.module';

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @Inject(TEMPORAL_CONNECTION) private readonly temporal: Connection,
    private readonly delivery: DeliveryStatusService,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    summary: 'Readiness: the database and Temporal answer; the delivery backlog is reported beside them',
  })
  readiness() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      () => this.temporalCheck(),
      () => this.deliveryReport(),
    ]);
  }

  @Get('delivery')
  @ApiOperation({
    summary: 'Delivery of events and mail: 503 while the backlog grows (alert on this, not on readiness)',
  })
  @ApiOkResponse({ type: DeliveryStatusDto, description: 'Dispatch keeps up' })
  @ApiServiceUnavailableResponse({
    type: DeliveryStatusDto,
    description: 'The backlog grows (backlogGrowing)',
  })
  async deliveryHealth(@Res({ passthrough: true }) res: Response): Promise<DeliveryStatus> {
    const status = await this.delivery.status();
    if (status.backlogGrowing) res.status(503);
    return status;
  }

  @Get('live')
  @ApiOperation({ summary: 'Liveness: the process answers' })
  @ApiOkResponse({
    schema: {
      type: 'object',
      properties: { status: { type: 'string', enum: ['ok'] } },
      required: ['status'],
    },
  })
  liveness() {
    return { status: 'ok' };
  }

  /**
   * Up even when the backlog grows: an API replica is still ready to serve while dispatch falls behind (taking
   * it out of a load balancer would not help). `/health/delivery` answers 503 for alerting.
   */
  private async deliveryReport() {
    const indicator = this.indicators.check('delivery');
    // Bounded: a slow backlog query (a huge backlog) must not make the readiness probe time out.
    const status = await Promise.race([
      this.delivery.status().catch(() => undefined),
      new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 500).unref()),
    ]);
    if (!status) return indicator.up({ backlog: 'unknown' });
    return indicator.up({
      backlogGrowing: status.backlogGrowing,
      webhooksDue: status.webhooks.dueNow,
      webhooksOldestDueSeconds: Math.round(status.webhooks.oldestDueSeconds),
      deadLetters: status.webhooks.dead,
      mailPending: status.mail.pending,
      mailOldestDueSeconds: Math.round(status.mail.oldestDueSeconds),
    });
  }

  private async temporalCheck() {
    const indicator = this.indicators.check('temporal');
    try {
      // A short deadline: readiness must answer quickly, also while Temporal is unreachable.
      await this.temporal.withDeadline(Date.now() + 1500, () => this.temporal.healthService.check({}));
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}
