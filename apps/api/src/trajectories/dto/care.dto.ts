import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, Matches, ValidateNested } from 'class-validator';
import { EVALUATION_OUTCOME_CODES, type EvaluationOutcomeCode } from '@app/domain';
import {
  ATTAINMENTS,
  CHANGE_REASON_CODES,
  CLIENT_SATISFACTIONS,
  type Attainment,
  type ChangeReasonCode,
  type ClientSatisfaction,
} from '@app/domain';
import { ARRANGEMENT_CODE, CODE, REF, REF_MESSAGE } from './ids';
import { Optional } from '../../validation/optional';
import { IsIsoInstant } from '../../validation/iso-dates';

export class ConfirmStartDto {
  @ApiPropertyOptional({ example: '2026-12-01T09:00:00Z', description: 'When care started; default now' })
  @Optional()
  @IsIsoInstant()
  startedAt?: string;
}

export class ResultAssessmentDto {
  @ApiProperty({ example: 'r1' })
  @Matches(REF)
  resultId: string;
  @ApiProperty({ enum: ATTAINMENTS })
  @IsIn(ATTAINMENTS)
  attainment: Attainment;
  @ApiPropertyOptional({ example: 'NETWORK_UNAVAILABLE' })
  @Optional()
  @Matches(CODE)
  reasonCode?: string;
}

/**
 * An evaluation (evaluatie): per-result attainment, satisfaction and outcome. Whether the local team took
 * part is not asked: it is the fact that a LOCAL_TEAM caller recorded or confirmed it (issue 14).
 */
export class EvaluationDto {
  @ApiProperty({ type: [ResultAssessmentDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ResultAssessmentDto)
  resultAssessments: ResultAssessmentDto[];
  @ApiProperty({ enum: CLIENT_SATISFACTIONS })
  @IsIn(CLIENT_SATISFACTIONS)
  clientSatisfaction: ClientSatisfaction;
  @ApiProperty({ enum: EVALUATION_OUTCOME_CODES })
  @IsIn(EVALUATION_OUTCOME_CODES)
  outcome: EvaluationOutcomeCode;
  @ApiPropertyOptional({ example: 'eval-notes-3' })
  @Optional()
  @Matches(REF, { message: `notesRef ${REF_MESSAGE}` })
  notesRef?: string;
}

export class RecordEvaluationDto {
  @ApiProperty({ type: EvaluationDto })
  @ValidateNested()
  @Type(() => EvaluationDto)
  evaluation: EvaluationDto;
}

export class ConfirmCompletionDto {
  @ApiProperty({ type: EvaluationDto, description: 'The final evaluation with the three outcome indicators' })
  @ValidateNested()
  @Type(() => EvaluationDto)
  finalEvaluation: EvaluationDto;
}

/** Scaling up or down (op- en afschalen): a new arrangement through the approval loop (R-SCALE-08). */
export class ArrangementChangeRequestDto {
  @ApiProperty({ example: 'WF-J-B-OPV-Z' })
  @Matches(ARRANGEMENT_CODE)
  arrangementCode: string;
  @ApiPropertyOptional({ example: 'ZWAAR' })
  @Optional()
  @Matches(/^[A-Za-z0-9_-]{1,32}$/)
  intensityCode?: string;
  @ApiProperty({ example: 'RESULTS_NOT_ACHIEVED' })
  @Matches(CODE)
  reasonCode: string;
}

const CHANGE_DECISIONS = ['APPROVE', 'REQUEST_CHANGES', 'REJECT'] as const;

export class ArrangementChangeDecisionDto {
  @ApiProperty({ example: 'trajectory-GM0405-CASE-1-chg-1' })
  @Matches(REF)
  changeId: string;
  @ApiProperty({ enum: CHANGE_DECISIONS })
  @IsIn(CHANGE_DECISIONS)
  decision: (typeof CHANGE_DECISIONS)[number];
  @ApiPropertyOptional({ enum: CHANGE_REASON_CODES, description: 'Required for REQUEST_CHANGES and REJECT' })
  @Optional()
  @IsIn(CHANGE_REASON_CODES)
  reasonCode?: ChangeReasonCode;
  @ApiPropertyOptional({ example: 'note-90' })
  @Optional()
  @Matches(REF, { message: `commentRef ${REF_MESSAGE}` })
  commentRef?: string;
}

export class RenewIndicationDto {
  @ApiPropertyOptional({
    description: 'A new arrangement for the next period (yearly price for high complexity)',
  })
  @Optional()
  @Matches(ARRANGEMENT_CODE)
  arrangementCode?: string;
}

const PROPOSAL_DECISIONS = ['CONFIRM', 'REJECT'] as const;

/** The local team's answer to a provider's proposed evaluation outcome (decisions.md 5). */
export class EvaluationProposalDecisionDto {
  @ApiProperty({
    enum: PROPOSAL_DECISIONS,
    description: 'CONFIRM acts on the proposed outcome; REJECT records the evaluation as CONTINUE',
  })
  @IsIn(PROPOSAL_DECISIONS)
  decision: (typeof PROPOSAL_DECISIONS)[number];
  @ApiPropertyOptional({ enum: CHANGE_REASON_CODES, description: 'Required for REJECT' })
  @Optional()
  @IsIn(CHANGE_REASON_CODES)
  reasonCode?: ChangeReasonCode;
  @ApiPropertyOptional({ example: 'note-91' })
  @Optional()
  @Matches(REF, { message: `commentRef ${REF_MESSAGE}` })
  commentRef?: string;
}
