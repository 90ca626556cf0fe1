import { ApiProperty } from '@nestjs/swagger';
import type { FamilyResult, FamilyView, NamedProvider } from '../family-view.service';

const TEXT_OR_NULL = { type: String, nullable: true } as const;

class FamilyResultDto implements FamilyResult {
  @ApiProperty({ example: 'r1' }) id: string;
  @ApiProperty({ ...TEXT_OR_NULL, example: 'HOUSING' }) lifeDomain: string | null;
  @ApiProperty(TEXT_OR_NULL) resultAreaCode: string | null;
  @ApiProperty({ ...TEXT_OR_NULL, example: '2027-06-30' }) targetDate: string | null;
  @ApiProperty({ ...TEXT_OR_NULL, example: 'PARTIAL', description: 'At the last evaluation' })
  lastAttainment: string | null;
}

class NamedProviderDto implements NamedProvider {
  @ApiProperty({ example: 'PRV-HORIZON' }) providerId: string;
  @ApiProperty({ example: 'Horizon Jeugd en Gezin' }) name: string;
}

export class FamilyViewDto implements FamilyView {
  @ApiProperty() trajectoryId: string;
  @ApiProperty({ example: 'AWAITING_APPROVAL' }) status: string;
  @ApiProperty({ type: 'integer', nullable: true }) planVersion: number | null;
  @ApiProperty({ type: [FamilyResultDto] }) results: FamilyResultDto[];
  @ApiProperty({ type: NamedProviderDto, nullable: true }) leadProvider: NamedProviderDto | null;
  @ApiProperty({ type: [NamedProviderDto] }) subcontractors: NamedProviderDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextEvaluationAt: string | null;
  @ApiProperty({ type: [String], example: ['CLIENT'] }) missingSignatures: string[];
  @ApiProperty({ type: [String], example: ['signPlan'], description: 'What the caller may send now' })
  yourActions: string[];
  @ApiProperty({
    type: [NamedProviderDto],
    description: 'Only while the family may choose its lead provider',
  })
  leadProviderOptions: NamedProviderDto[];
}
