import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  CHANGE_REASON_CODES,
  SIGNATURE_PARTIES,
  type ChangeReasonCode,
  type SignatureParty,
} from '@app/domain';
import { ARRANGEMENT_CODE, CODE, REF, REF_MESSAGE } from './ids';
import { Optional } from '../../validation/optional';
import { IsIsoDate, IsIsoInstant } from '../../validation/iso-dates';

/** One desired result (resultaat) of the plan, per life domain or result area. */
export class PlanResultDto {
  @ApiProperty({ example: 'r1' })
  @Matches(REF, { message: `id ${REF_MESSAGE}` })
  id: string;
  @ApiPropertyOptional({ example: 'SCHOOL' })
  @Optional()
  @Matches(CODE)
  lifeDomain?: string;
  @ApiPropertyOptional({ example: 'ADMINISTRATIE_FINANCIEN' })
  @Optional()
  @Matches(CODE)
  resultAreaCode?: string;
  @ApiPropertyOptional({ example: 'POST_BEANTWOORDEN' })
  @Optional()
  @Matches(CODE)
  subResultCode?: string;
  @ApiProperty({ description: 'Not every result can be SMART' })
  @IsBoolean()
  smart: boolean;
  @ApiPropertyOptional({ example: '2027-01-31' })
  @Optional()
  @IsIsoDate()
  targetDate?: string;
  @ApiPropertyOptional({
    example: 'doc-4711',
    description: 'Reference to the result text kept in the case system',
  })
  @Optional()
  @Matches(REF, { message: `descriptionRef ${REF_MESSAGE}` })
  descriptionRef?: string;
}

/** A perspective plan version (perspectiefplan) submitted for approval (R-PLAN-01). */
export class SubmitPlanDto {
  @ApiProperty({ type: [PlanResultDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PlanResultDto)
  results: PlanResultDto[];
  @ApiProperty({ example: 'PROF2' })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  profileCode: string;
  @ApiProperty({
    example: 'MIDDEN',
    description:
      'R-ROLE-02: proposed by whoever submits. Jeugd: the lead provider submits; Wmo: the local team or the case system',
  })
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  intensityCode: string;
  @ApiProperty({ example: 'WF-J-B-OPV-M', description: 'Arrangement code from GET /arrangements' })
  @Matches(ARRANGEMENT_CODE)
  arrangementCode: string;
  @ApiProperty({ example: 'PRV-HORIZON' })
  @Matches(REF)
  leadProviderId: string;
  @ApiPropertyOptional({
    description:
      'R-ROLE-05: the caller attests that the family chose the lead provider (the audit records it with the caller). Not needed when the choice was recorded through POST …/lead-provider',
  })
  @Optional()
  @IsBoolean()
  leadProviderChosenByFamily?: boolean;
  @ApiProperty({ type: [String], example: [] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(REF, { each: true })
  subcontractorIds: string[];
  @ApiProperty({ enum: SIGNATURE_PARTIES, isArray: true, example: ['CLIENT', 'LEAD_PROVIDER'] })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(SIGNATURE_PARTIES, { each: true })
  requiredSignatures: SignatureParty[];
  @ApiPropertyOptional({ example: '2027-06-30T00:00:00Z' })
  @Optional()
  @IsIsoInstant()
  plannedEndAt?: string;
}

export class PlanVersionDto {
  @ApiProperty({ example: 1, description: 'The plan version this answers (a stale version is refused)' })
  @IsInt()
  @Min(1)
  planVersion: number;
}

export class SignPlanDto extends PlanVersionDto {
  @ApiProperty({ enum: SIGNATURE_PARTIES })
  @IsIn(SIGNATURE_PARTIES)
  party: SignatureParty;
}

export class RequestChangesDto extends PlanVersionDto {
  @ApiProperty({ enum: CHANGE_REASON_CODES })
  @IsIn(CHANGE_REASON_CODES)
  reasonCode: ChangeReasonCode;
  @ApiPropertyOptional({ example: 'note-77' })
  @Optional()
  @Matches(REF, { message: `commentRef ${REF_MESSAGE}` })
  commentRef?: string;
  @ApiPropertyOptional({
    description: "The local team's counter-offer (arrangement code), shown to the table",
  })
  @Optional()
  @Matches(ARRANGEMENT_CODE)
  offeredArrangementCode?: string;
}

export class RejectPlanDto extends PlanVersionDto {
  @ApiProperty({ enum: CHANGE_REASON_CODES })
  @IsIn(CHANGE_REASON_CODES)
  reasonCode: ChangeReasonCode;
  @ApiPropertyOptional({ example: 'note-78' })
  @Optional()
  @Matches(REF, { message: `commentRef ${REF_MESSAGE}` })
  commentRef?: string;
}

/** The family's choice of lead provider (hoofdaannemer), attested by the caller (R-ROLE-05). */
export class ChooseLeadProviderDto {
  @ApiProperty({ example: 'PRV-HORIZON' })
  @Matches(REF)
  leadProviderId: string;
  @ApiPropertyOptional({
    description:
      'The caller attests that the family made this choice (R-ROLE-05); required from staff, not from the CLIENT itself',
  })
  @Optional()
  @IsBoolean()
  chosenByFamily?: boolean;
}
