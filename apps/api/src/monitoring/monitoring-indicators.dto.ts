import { ApiProperty } from '@nestjs/swagger';
import type { MonitoringFilter, MonitoringIndicators, MonitoringPeriod } from '@app/domain';

/** The response of GET /monitoring/indicators; each section's figures are described in domain.md §6. */

const TEXT_OR_NULL = { type: String, nullable: true } as const;
const SECTION = { type: 'object', additionalProperties: true } as const;

class MonitoringFilterDto implements MonitoringFilter {
  @ApiProperty(TEXT_OR_NULL) municipality: string | null;
  @ApiProperty(TEXT_OR_NULL) provider: string | null;
  @ApiProperty(TEXT_OR_NULL) domain: string | null;
  @ApiProperty(TEXT_OR_NULL) from: string | null;
  @ApiProperty(TEXT_OR_NULL) to: string | null;
}

class MonitoringPeriodDto implements MonitoringPeriod {
  @ApiProperty({ ...TEXT_OR_NULL, format: 'date-time', description: 'Inclusive' }) from: string | null;
  @ApiProperty({ ...TEXT_OR_NULL, format: 'date-time', description: 'Exclusive' }) to: string | null;
}

export class MonitoringIndicatorsDto implements Record<keyof MonitoringIndicators, unknown> {
  @ApiProperty({ type: MonitoringFilterDto }) filter: MonitoringFilterDto;
  @ApiProperty({ type: MonitoringPeriodDto }) period: MonitoringPeriodDto;
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: 'integer', description: 'Trajectories that match and could touch the period' })
  trajectories: number;
  @ApiProperty({ ...SECTION, description: 'K-O1..3, overall and per provider' })
  outcomes: Record<string, unknown>;
  @ApiProperty({
    ...SECTION,
    description:
      "K-O3 from the family's own answers: asked, answered, responseRate, answers, positive, satisfaction; overall and per provider",
  })
  familySatisfaction: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  leadTimes: Record<string, unknown>[];
  @ApiProperty({ ...SECTION, description: 'K-P2' }) roundTrips: Record<string, unknown>;
  @ApiProperty({ ...SECTION, description: 'K-P3, K-P4' }) escalations: Record<string, unknown>;
  @ApiProperty({ ...SECTION, description: 'K-P6, K-P7' }) evaluations: Record<string, unknown>;
  @ApiProperty({ ...SECTION, description: 'K-Q3' }) scaling: Record<string, unknown>;
  @ApiProperty({ ...SECTION, description: 'Cost per trajectory and per arrangement' })
  costs: Record<string, unknown>;
  @ApiProperty({ ...SECTION, description: 'Re-entry within 12 months (decisions.md 9)' })
  reentry: Record<string, unknown>;
}
