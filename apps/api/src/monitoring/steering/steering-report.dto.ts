import { ApiProperty } from '@nestjs/swagger';

const OBJECT = { type: 'object', additionalProperties: true } as const;

/** GET /monitoring/steering: every figure per month, for the region and per provider, and the signals. */
export class SteeringReportDto {
  @ApiProperty(OBJECT) filter: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({
    format: 'date-time',
    description:
      'The instant the figures were taken from: the last refresh of the rollups (STEERING_REFRESH_SECONDS)',
  })
  asOf: string;
  @ApiProperty({ type: [String], example: ['2026-01', '2026-02'] }) months: string[];
  @ApiProperty({ ...OBJECT, description: 'stackedCostCents (K-F4), mixDeviation (K-F3, a fraction)' })
  thresholds: Record<string, unknown>;
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'id, name {nl, en}, unit, definition, source, stock, perProvider, region (one value per month), byProvider [{providerId, values}]',
  })
  figures: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'K-F1 per year, provider and region: paidCents, reportedCostCents (null: not reported), balance (null: missing)',
  })
  averagingBalance: Record<string, unknown>[];
  @ApiProperty({
    type: 'array',
    items: OBJECT,
    description:
      'STACKED_COST (K-F4: a client with its trajectories), INTENSITY_MIX (K-F3: a provider), AVERAGING_BALANCE (K-F1)',
  })
  signals: Record<string, unknown>[];
}
