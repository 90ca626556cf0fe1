import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsObject, Matches, ValidateNested } from 'class-validator';
import { Type } from 'class-transformer';
import {
  CARE_DOMAINS,
  CARE_SEGMENTS,
  CASE_REFERENCE,
  CLIENT_ID,
  COMPLEXITY_CLASSES,
  MUNICIPALITY_CODE,
  type CareDomain,
  type CareSegment,
  type ComplexityClass,
} from '@app/contracts';
import { PolicyDurationDto } from './policy-duration.dto';
import { Optional } from '../../validation/optional';

/** Per-trajectory timer overrides (R-TIME-05: frequency by vulnerability); validated by the domain. */
export class PolicyOverridesDto {
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  approvalDeadline?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  breakthroughDeadline?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  breakthroughReminder?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  providerStartDeadline?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  firstEvaluation?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  evaluationInterval?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  intensiveEvaluationInterval?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  evaluationGrace?: PolicyDurationDto;
  @ApiPropertyOptional({ type: PolicyDurationDto })
  @Optional()
  @ValidateNested()
  @Type(() => PolicyDurationDto)
  highComplexityReassessment?: PolicyDurationDto;
  @ApiPropertyOptional({ example: 3 })
  @Optional()
  @IsIn([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  roundTripLimit?: number;
}

/** A case system opens a trajectory. Only pseudonymous ids: the case system keeps the client's identity. */
export class StartTrajectoryDto {
  @ApiProperty({ example: 'GM0405', description: 'CBS municipality code (letters and digits)' })
  @Matches(MUNICIPALITY_CODE, { message: 'municipalityCode must be 1-16 letters or digits' })
  municipalityCode: string;

  @ApiProperty({
    example: 'CASE-2026-0001',
    description: "The case system's own reference; unique per municipality",
  })
  @Matches(CASE_REFERENCE, { message: 'caseReference must be 1-64 letters, digits, dot, dash or underscore' })
  caseReference: string;

  @ApiProperty({ example: 'c-7f3a9b', description: 'Pseudonymous client id (never a BSN or a name)' })
  @Matches(CLIENT_ID, {
    message: 'clientId must be a pseudonymous id of 4-100 safe characters',
  })
  clientId: string;

  @ApiProperty({ enum: CARE_DOMAINS })
  @IsIn(CARE_DOMAINS)
  domain: CareDomain;

  @ApiProperty({ enum: CARE_SEGMENTS })
  @IsIn(CARE_SEGMENTS)
  segment: CareSegment;

  @ApiProperty({ enum: COMPLEXITY_CLASSES })
  @IsIn(COMPLEXITY_CLASSES)
  complexity: ComplexityClass;

  @ApiProperty({
    example: 'SUPPORT',
    description: 'Type of request; some types need no perspective plan (R-PLAN-05)',
  })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'requestType must be an UPPER_SNAKE_CASE code' })
  requestType: string;

  @ApiPropertyOptional({ default: false, description: 'Intensive indication (shorter evaluation interval)' })
  @Optional()
  @IsBoolean()
  intensive?: boolean;

  @ApiPropertyOptional({
    type: PolicyOverridesDto,
    description: "Changes to the region policy's timers for this trajectory",
  })
  @Optional()
  @IsObject()
  @ValidateNested()
  @Type(() => PolicyOverridesDto)
  policyOverrides?: PolicyOverridesDto;
}
