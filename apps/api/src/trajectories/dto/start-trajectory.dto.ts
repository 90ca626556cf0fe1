import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, Matches } from 'class-validator';
import {
  CARE_DOMAINS,
  CARE_SEGMENTS,
  COMPLEXITY_CLASSES,
  type CareDomain,
  type CareSegment,
  type ComplexityClass,
} from '../../../../../libs/contracts/src';

const ID_PART = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A case system opens a trajectory. Only pseudonymous ids: the case system keeps the client's identity. */
export class StartTrajectoryDto {
  @ApiProperty({ example: 'GM0405', description: 'CBS municipality code' })
  @Matches(ID_PART, { message: 'municipalityCode must be 1-64 letters, digits, dot, dash or underscore' })
  municipalityCode: string;

  @ApiProperty({
    example: 'CASE-2026-0001',
    description: "The case system's own reference; unique per municipality",
  })
  @Matches(ID_PART, { message: 'caseReference must be 1-64 letters, digits, dot, dash or underscore' })
  caseReference: string;

  @ApiProperty({ example: 'c-7f3a9b', description: 'Pseudonymous client id (never a BSN or a name)' })
  @Matches(/^[A-Za-z0-9._-]{4,100}$/, {
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

  @ApiProperty({ example: 'SUPPORT', description: 'Type of request; some types need no perspective plan' })
  @Matches(/^[A-Z][A-Z0-9_]{1,63}$/, { message: 'requestType must be an UPPER_SNAKE_CASE code' })
  requestType: string;

  @ApiProperty({
    required: false,
    default: false,
    description: 'Intensive indication (shorter evaluation interval)',
  })
  @IsOptional()
  @IsBoolean()
  intensive?: boolean;
}
