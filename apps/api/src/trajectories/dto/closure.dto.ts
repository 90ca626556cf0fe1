import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, Matches, Min } from 'class-validator';
import { CASE_REFERENCE } from '@app/contracts';
import { CODE, REF, REF_MESSAGE } from './ids';
import { Optional } from '../../validation/optional';

export class DropoutDto {
  @ApiProperty({ example: 'CLIENT_STOPPED' })
  @Matches(CODE)
  reasonCode: string;
}

/** R-SCALE-03: a new care need closes this trajectory and starts a successor with the case system's new reference. */
export class NewCareNeedDto {
  @ApiProperty({ example: 'CASE-2026-0002' })
  @Matches(CASE_REFERENCE)
  successorCaseReference: string;
  @ApiPropertyOptional({ example: 'SUPPORT' })
  @Optional()
  @Matches(CODE)
  successorRequestType?: string;
  @ApiProperty({
    description: 'The local team confirms the old plan was completed (then its final tranche is paid)',
  })
  @IsBoolean()
  oldPlanCompleted: boolean;
}

export class SwitchProviderDto {
  @ApiProperty({ example: 'PRV-ZONNEBLOEM' })
  @Matches(REF)
  newLeadProviderId: string;
  @ApiProperty({ description: 'R-ROLE-05 / R-END-03: the family chose to switch' })
  @IsBoolean()
  chosenByFamily: boolean;
  @ApiProperty({ example: 'CASE-2026-0003' })
  @Matches(CASE_REFERENCE)
  successorCaseReference: string;
}

export class TransferDto {
  @ApiProperty({ example: 'PRV-ZONNEBLOEM' })
  @Matches(REF)
  newLeadProviderId: string;
  @ApiProperty({ example: 'CLIENT_INTAKE_FREEZE' })
  @Matches(CODE)
  reasonCode: string;
  @ApiProperty({ example: 'CASE-2026-0004' })
  @Matches(CASE_REFERENCE)
  successorCaseReference: string;
}

export class WithholdDto {
  @ApiProperty({ example: 'memo-2026-113', description: 'Reference to the written reason (domain.md §7.8)' })
  @Matches(REF, { message: `reasonRef ${REF_MESSAGE}` })
  reasonRef: string;
}

export class PriceCorrectionDto {
  @ApiProperty({ example: 820000, description: 'The corrected tariff in euro cents' })
  @IsInt()
  @Min(0)
  tariffCents: number;
  @ApiProperty({ description: 'R-END-05: a retroactive correction needs the provider’s agreement' })
  @IsBoolean()
  providerAgreed: boolean;
  @ApiProperty({ example: 'agreement-2026-07' })
  @Matches(REF, { message: `reasonRef ${REF_MESSAGE}` })
  reasonRef: string;
}
