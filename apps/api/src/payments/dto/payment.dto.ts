import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TRANCHE_KINDS, type TrancheKind } from '@app/domain';
import { MAX_PAGE_SIZE } from '@app/ledger';
import { PAYMENT_STATUSES, type PaymentInstructionView, type PaymentStatus } from '@app/contracts';

const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,199}$/;

export class PaymentPageQueryDto {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES })
  @IsOptional()
  @IsIn(PAYMENT_STATUSES)
  status?: PaymentStatus;

  @ApiPropertyOptional({ enum: TRANCHE_KINDS })
  @IsOptional()
  @IsIn(TRANCHE_KINDS)
  kind?: TrancheKind;

  @ApiPropertyOptional({ example: '2026-11', description: 'Due in this calendar month (YYYY-MM)' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;
}

export class ListPaymentsQueryDto extends PaymentPageQueryDto {
  @ApiPropertyOptional({ example: 'trajectory-GM0405-CASE-2026-0001' })
  @IsOptional()
  @Matches(SAFE_ID)
  trajectoryId?: string;

  @ApiPropertyOptional({ example: 'GM0405', description: 'CBS municipality code' })
  @IsOptional()
  @Matches(SAFE_ID)
  municipalityCode?: string;

  @ApiPropertyOptional({ example: 'prov-017' })
  @IsOptional()
  @Matches(SAFE_ID)
  providerId?: string;
}

export class WithholdPaymentDto {
  @ApiProperty({
    example:
      'Completed per plan but the agreed results were not discussed with the local team (domain.md §7.8)',
    description: 'Written reason, required (domain.md §7.8). No personal data.',
  })
  @IsString()
  @Matches(/\S/, { message: 'reason must not be blank' })
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
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
