import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { DocketItem } from '../read-model/docket.service';

/** Response schemas of the breakthrough table: the docket and one case (domain.md §4, §7.6). */

const INSTANT = { format: 'date-time', example: '2026-12-01T09:00:00.000Z' } as const;
const TEXT_OR_NULL = { type: String, nullable: true } as const;

export class DocketItemDto implements DocketItem {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001-esc-1' }) escalationId: string;
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' }) trajectoryId: string;
  @ApiProperty({ example: 'GM0405' }) municipalityCode: string;
  @ApiProperty(TEXT_OR_NULL) providerId: string | null;
  @ApiProperty({ example: 'ROUND_TRIP_LIMIT' }) trigger: string;
  @ApiProperty() context: string;
  @ApiProperty({ example: 'OPEN', description: 'OPEN, OVERDUE (open past the deadline), PROVISIONAL, …' })
  status: string;
  @ApiProperty() raisedByRole: string;
  @ApiProperty(INSTANT) raisedAt: string;
  @ApiProperty(INSTANT) deadlineAt: string;
  @ApiProperty(INSTANT) reminderAt: string;
  @ApiProperty({ type: 'integer' }) roundCount: number;
  @ApiProperty({ type: 'integer', nullable: true }) planVersion: number | null;
  @ApiProperty(TEXT_OR_NULL) askedArrangement: string | null;
  @ApiProperty(TEXT_OR_NULL) offeredArrangement: string | null;
  @ApiProperty(TEXT_OR_NULL) decisionCode: string | null;
  @ApiProperty({ ...INSTANT, type: String, nullable: true }) decidedAt: string | null;
  @ApiProperty() overdue: boolean;
  @ApiProperty(TEXT_OR_NULL) chairRef: string | null;
  @ApiProperty({ type: 'integer', description: "Working days waiting (the region's holidays)" })
  workingDaysWaiting: number;
  @ApiProperty({ type: 'integer' }) calendarDaysWaiting: number;
}

/** The table's case workflow state (getBreakthroughCase query). */
export class BreakthroughCaseDto {
  @ApiProperty({ example: 'OPEN' }) status: string;
  @ApiProperty() deadlineAt: string;
  @ApiProperty() reminderAt: string;
  @ApiProperty() reminderSent: boolean;
  @ApiProperty() overdue: boolean;
  @ApiPropertyOptional() chairRef?: string;
  @ApiProperty({ type: [String] }) memberRefs: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The facts the table decides on' })
  docket: Record<string, unknown>;
  @ApiProperty({ type: 'array', items: { type: 'object', additionalProperties: true } })
  decisions: Record<string, unknown>[];
}

export class EscalationCaseDto extends DocketItemDto {
  @ApiProperty({ type: BreakthroughCaseDto }) case: BreakthroughCaseDto;
}
