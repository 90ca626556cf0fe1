import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { TRANCHE_KINDS, type TrancheKind } from '@app/domain';
import { MAX_PAGE_SIZE } from '@app/ledger';
import { PAYMENT_STATUSES, type PaymentInstructionView, type PaymentStatus } from '@app/contracts';
import { CODE, REF, REF_MESSAGE } from '../../trajectories/dto/ids';
import { ISO_MONTH } from '../../validation/iso-dates';
import { Optional } from '../../validation/optional';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export class PaymentPageQueryDto {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @Optional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ enum: TRANCHE_KINDS })
  @Optional()
  @IsIn(TRANCHE_KINDS)
  kind?: TrancheKind;

  @ApiPropertyOptional({ example: '2026-11', description: 'Due in this calendar month (YYYY-MM)' })
  @Optional()
  @Matches(ISO_MONTH, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class ListPaymentsQueryDto extends PaymentPageQueryDto {
  @ApiPropertyOptional({ example: 'trajectory-GM0405-CASE-2026-0001' })
  @Optional()
  @Matches(SAFE_ID)
  trajectoryId?: string;

  @ApiPropertyOptional({ example: 'GM0405', description: 'CBS municipality code' })
  @Optional()
  @Matches(SAFE_ID)
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'prov-017' })
  @Optional()
  @Matches(SAFE_ID)
  providerId?: string;
}

/**
 * Why a payment is withheld (domain.md §7.8): a code plus, optionally, the reference of the written memo in the
 * municipality's own records. Free text is not accepted: a reason written about a family is personal data, and
 * the ledger, its audit rows and its exports must hold none.
 */
export class WithholdPaymentDto {
  @ApiProperty({
    example: 'RESULTS_NOT_DISCUSSED',
    pattern: CODE.source,
    description: 'Reason code of the municipality (upper case, digits, underscore)',
  })
  @Matches(CODE, { message: 'reasonCode must be an upper-case code (A-Z, 0-9, _), 2-64 characters' })
  reasonCode: string;

  @ApiPropertyOptional({
    example: 'memo-2026-113',
    pattern: REF.source,
    description: 'Reference to the written reason in the municipality’s records',
  })
  @Optional()
  @Matches(REF, { message: `reasonRef ${REF_MESSAGE}` })
  reasonRef?: string;
}

/** The ledger's reason text for a withhold: the code, and the memo's reference when given. */
export function withholdReason(body: WithholdPaymentDto): string {
  return body.reasonRef ? `${body.reasonCode} ref:${body.reasonRef}` : body.reasonCode;
}

export class PaymentDeclarationDto {
  @ApiProperty({ enum: ['HONOURED'] })
  status: 'HONOURED';
  @ApiProperty({
    example: 'PRS-2026-0042',
    description: 'ProductReferentie/ReferentieNummer of the 323 line',
  })
  referenceNumber: string;
  @ApiProperty({ format: 'uuid' })
  declarationMessageId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  answerMessageId: string | null;
  @ApiProperty({ format: 'date-time' })
  answeredAt: string;
}

export class PaymentInstructionDto implements PaymentInstructionView {
  @ApiProperty({ example: '1042' })
  id: string;
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001:INITIAL:1' })
  idempotencyKey: string;
  @ApiProperty({ example: 'trajectory-GM0405-CASE-2026-0001' })
  trajectoryId: string;
  @ApiProperty({ example: 'GM0405' })
  municipalityCode: string;
  @ApiProperty({ example: 'prov-017' })
  providerId: string;
  @ApiProperty({ enum: TRANCHE_KINDS })
  kind: TrancheKind;
  @ApiProperty({
    example: 360000,
    description: 'Integer cents; negative only for a price-correction ADJUSTMENT',
  })
  amountCents: number;
  @ApiProperty({ example: '2/3 of tariff 540000 cents at start (domain.md §7.7 WF_RECOVERY, R-PAY-01)' })
  basis: string;
  @ApiProperty({ example: 1 })
  decisionVersion: number;
  @ApiProperty({ example: null, nullable: true, type: Number })
  period: number | null;
  @ApiProperty({ example: '2026-11-25' })
  dueDate: string;
  @ApiProperty({ enum: PAYMENT_STATUSES })
  status: PaymentStatus;
  @ApiProperty({ example: null, nullable: true, type: String })
  statusReason: string | null;
  @ApiProperty({ example: null, nullable: true, type: String, format: 'uuid' })
  exportBatchId: string | null;
  @ApiProperty({ example: '2026-11-25T09:12:03.120Z' })
  createdAt: string;
  @ApiProperty({ example: '2026-11-25T09:12:03.120Z' })
  updatedAt: string;
  @ApiPropertyOptional({
    nullable: true,
    type: PaymentDeclarationDto,
    description:
      "The provider's 323 line that declared this tranche (issue 17) and its 325; null: not declared",
  })
  declaration?: PaymentDeclarationDto | null;
}

export class PaymentPageDto {
  @ApiProperty({ type: [PaymentInstructionDto] })
  items: PaymentInstructionDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Pass as cursor for the next page; null on the last',
  })
  nextCursor: string | null;
}
