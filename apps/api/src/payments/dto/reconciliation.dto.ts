import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, Matches } from 'class-validator';
import { Optional } from '../../validation/optional';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export class ReconciliationQueryDto {
  @ApiPropertyOptional({ example: 'trajectory-GM0405-CASE-2026-0001' })
  @Optional()
  @Matches(SAFE_ID)
  trajectoryId?: string;

  @ApiPropertyOptional({ example: 'GM0405' })
  @Optional()
  @Matches(SAFE_ID)
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'prov-017' })
  @Optional()
  @Matches(SAFE_ID)
  providerId?: string;

  @ApiPropertyOptional({ default: false, description: 'List only trajectories with deviations' })
  @Optional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  onlyDeviations?: boolean;
}

const DEVIATION_CODES = [
  'NO_CARE_DECISION',
  'POLICY_REFUSED',
  'UNKNOWN_DECISION_VERSION',
  'MISSING_TRANCHE',
  'DUE_BUT_CANCELLED',
  'DUPLICATE_TRANCHE',
  'AMOUNT_MISMATCH',
  'PAID_AFTER_CANCELLATION',
  'UNEXPECTED_TRANCHE',
  'TOTAL_MISMATCH',
];

class DeviationDto {
  @ApiProperty({ enum: DEVIATION_CODES })
  code: string;
  @ApiProperty({ example: 'FINAL of 180000 cents is due (…) and missing from the ledger' })
  message: string;
  @ApiPropertyOptional({ example: 'FINAL' })
  kind?: string;
  @ApiPropertyOptional()
  period?: number;
  @ApiPropertyOptional({ example: 180000 })
  expectedCents?: number;
  @ApiPropertyOptional()
  ledgerCents?: number;
  @ApiProperty({ type: [String] })
  idempotencyKeys: string[];
}

class TrajectoryReconciliationDto {
  @ApiProperty()
  trajectoryId: string;
  @ApiProperty({ nullable: true, type: String, example: 'WF_RECOVERY' })
  policyPreset: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'CLOSED' })
  trajectoryStatus: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'COMPLETED_PER_PLAN' })
  closureReason: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 540000 })
  expectedCents: number | null;
  @ApiProperty({ example: 360000 })
  issuedCents: number;
  @ApiProperty({ example: 0 })
  withheldCents: number;
  @ApiProperty({ example: 0 })
  cancelledCount: number;
  @ApiProperty({ example: 2 })
  expectedTranches: number;
  @ApiProperty({ example: 1 })
  ledgerRows: number;
  @ApiProperty({ type: [DeviationDto] })
  deviations: DeviationDto[];
  @ApiPropertyOptional({
    description: "The provider's 323 lines (issue 17): honoured (and their cents) and refused",
    example: { honoured: 1, refused: 1, honouredCents: 360000 },
  })
  declarations?: { honoured: number; refused: number; honouredCents: number };
}

class TotalsDto {
  @ApiProperty()
  expectedCents: number;
  @ApiProperty()
  issuedCents: number;
  @ApiProperty()
  withheldCents: number;
}

export class ReconciliationReportDto {
  @ApiProperty()
  generatedAt: string;
  @ApiProperty()
  trajectoriesChecked: number;
  @ApiProperty()
  trajectoriesWithDeviations: number;
  @ApiProperty()
  deviationCount: number;
  @ApiProperty({ type: TotalsDto })
  totals: TotalsDto;
  @ApiProperty({ type: [TrajectoryReconciliationDto] })
  trajectories: TrajectoryReconciliationDto[];
}
