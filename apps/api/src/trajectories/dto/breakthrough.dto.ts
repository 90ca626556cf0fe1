import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsBoolean, IsIn, Matches } from 'class-validator';
import { CARE_SEGMENTS, COMPLEXITY_CLASSES } from '@app/contracts';
import { BREAKTHROUGH_DECISION_CODES, type BreakthroughDecisionCode } from '@app/domain';
import { ARRANGEMENT_CODE, CODE, REF, REF_MESSAGE } from './ids';
import { Optional } from '../../validation/optional';
import { IsIsoInstant } from '../../validation/iso-dates';

export class AssignCaseDto {
  @ApiProperty({ example: 'table-chair-1', description: 'The named chair (domain.md §4.3)' })
  @Matches(REF)
  chairRef: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @Matches(REF, { each: true })
  memberRefs?: string[];
}

/** The table's decision (domain.md §4.4, decisions.md 3) with the reference of its written rationale. */
export class BreakthroughDecisionDto {
  @ApiProperty({ enum: BREAKTHROUGH_DECISION_CODES })
  @IsIn(BREAKTHROUGH_DECISION_CODES)
  code: BreakthroughDecisionCode;
  @ApiProperty({ example: 'rationale-2026-31', description: 'Reference to the written rationale (required)' })
  @Matches(REF, { message: `rationaleRef ${REF_MESSAGE}` })
  rationaleRef: string;
  @ApiPropertyOptional({ type: [String] })
  @Optional()
  @IsArray()
  @Matches(REF, { each: true })
  memberRefs?: string[];
  @ApiPropertyOptional({ description: 'APPROVE_WITH_ARRANGEMENT / RECLASSIFY / AUTHORISE_PROVISIONAL_START' })
  @Optional()
  @Matches(ARRANGEMENT_CODE)
  arrangementCode?: string;
  @ApiPropertyOptional({ example: 'PROF2' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  profileCode?: string;
  @ApiPropertyOptional({ example: 'ZWAAR' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  intensityCode?: string;
  @ApiPropertyOptional({ enum: CARE_SEGMENTS, description: 'RECLASSIFY' })
  @Optional()
  @IsIn(CARE_SEGMENTS)
  segment?: 'A' | 'B' | 'C';
  @ApiPropertyOptional({ enum: COMPLEXITY_CLASSES, description: 'RECLASSIFY' })
  @Optional()
  @IsIn(COMPLEXITY_CLASSES)
  complexity?: 'LOW' | 'HIGH';
  @ApiPropertyOptional({ example: 'PRV-ZONNEBLOEM', description: 'ASSIGN_OTHER_PROVIDER' })
  @Optional()
  @Matches(REF)
  leadProviderId?: string;
  @ApiPropertyOptional({ description: 'ASSIGN_OTHER_PROVIDER: the family consents (R-ROLE-05)' })
  @Optional()
  @IsBoolean()
  familyConsent?: boolean;
  @ApiPropertyOptional({
    type: [String],
    example: ['CLARIFY_RESULTS'],
    description: 'RETURN_WITH_INSTRUCTIONS',
  })
  @Optional()
  @IsArray()
  @Matches(CODE, { each: true })
  instructionCodes?: string[];
  @ApiPropertyOptional({ example: '2026-12-15T17:00:00Z', description: 'RETURN_WITH_INSTRUCTIONS' })
  @Optional()
  @IsIsoInstant()
  resubmitBy?: string;
}
