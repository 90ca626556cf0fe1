import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { ESCALATION_TRIGGERS, type EscalationTrigger } from '@app/domain';
import { ARRANGEMENT_CODE, CODE, REF, REF_MESSAGE } from './ids';
import { Optional } from '../../validation/optional';

export class PlanExemptionDto {
  @ApiProperty({ example: 'SINGLE_CONSULTATION', description: 'Why no plan is needed (R-PLAN-05)' })
  @Matches(CODE)
  reasonCode: string;
}

export class WithdrawDto {
  @ApiPropertyOptional({ example: 'CLIENT_WITHDREW' })
  @Optional()
  @Matches(CODE)
  reasonCode?: string;
}

export class EscalateDto {
  @ApiProperty({ enum: ESCALATION_TRIGGERS, description: 'domain.md §4.2 trigger' })
  @IsIn(ESCALATION_TRIGGERS)
  trigger: EscalationTrigger;
  @ApiPropertyOptional({ example: 'note-80' })
  @Optional()
  @Matches(REF, { message: `commentRef ${REF_MESSAGE}` })
  commentRef?: string;
  @ApiPropertyOptional({ description: "The local team's offer (arrangement code)" })
  @Optional()
  @Matches(ARRANGEMENT_CODE)
  offeredArrangementCode?: string;
}
