import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Matches, Max, Min } from 'class-validator';
import type { CostReportView } from '@app/register';
import { REGION_ID } from './provider.dto';

/** K-F1: what the provider's delivered care in a region cost it in the year (its own figure, in cents). */
export class PutCostReportDto {
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId: string;

  @ApiProperty({ example: 125_000_000, description: 'Euro cents; 0 or more' })
  @IsInt()
  @Min(0)
  @Max(1e13)
  costCents: number;
}

export class CostReportDto implements CostReportView {
  @ApiProperty({ example: 'PRV-HORIZON' }) providerId: string;
  @ApiProperty({ example: 'WEST-FRIESLAND' }) regionId: string;
  @ApiProperty({ example: 2026 }) year: number;
  @ApiProperty({ example: 125_000_000 }) costCents: number;
  @ApiProperty({ example: 'prv-horizon-finance' }) reportedBy: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}
