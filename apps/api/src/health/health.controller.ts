import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  TypeOrmHealthIndicator,
} from '@nestjs/terminus';
import { Connection } from '@temporalio/client';
import { Public } from '../auth/decorators';
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
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({ summary: 'Readiness: the database and Temporal answer' })
  readiness() {
    return this.health.check([
      () => this.db.pingCheck('database', { timeout: 1500 }),
      () => this.temporalCheck(),
    ]);
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
