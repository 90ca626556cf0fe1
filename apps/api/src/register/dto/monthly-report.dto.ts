import { ApiProperty } from '@nestjs/swagger';
import { IsInt, IsNumber, Matches, Max, Min } from 'class-validator';
import type { MonthlyReportView } from '@app/register';
import { REGION_ID } from './provider.dto';

/** K-Q4: the residents waiting for the provider in a region at the month's end (the provider's own count). */
export class PutWaitingListDto {
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId: string;

  @ApiProperty({ example: 42, description: 'Residents referred and waiting for a start; 0 or more' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  waitingClients: number;
}

/** K-C2: the region's periodic survey of cooperation with the provider (outside the workflow). */
export class PutCooperationScoreDto {
  @ApiProperty({ example: 'WEST-FRIESLAND' })
  @Matches(REGION_ID, { message: 'regionId must be an upper-case region code' })
  regionId: string;

  @ApiProperty({ example: 7.4, description: 'Mean score 0–10; kept to one decimal (rounded)' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(10)
  score: number;

  @ApiProperty({ example: 12, description: 'How many answered the survey' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  respondents: number;
}

export class WaitingListDto {
  @ApiProperty({ example: 'PRV-HORIZON' }) providerId: string;
  @ApiProperty({ example: 'WEST-FRIESLAND' }) regionId: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 42 }) waitingClients: number;
  @ApiProperty({ example: 'prv-horizon-planning' }) reportedBy: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}

export class CooperationScoreDto {
  @ApiProperty({ example: 'PRV-HORIZON' }) providerId: string;
  @ApiProperty({ example: 'WEST-FRIESLAND' }) regionId: string;
  @ApiProperty({ example: '2026-11' }) month: string;
  @ApiProperty({ example: 7.4 }) score: number;
  @ApiProperty({ example: 12 }) respondents: number;
  @ApiProperty({ example: 'cm-regio-1' }) reportedBy: string;
  @ApiProperty({ format: 'date-time' }) reportedAt: string;
}

export function waitingListOf(r: MonthlyReportView): WaitingListDto {
  const { value, respondents: _, ...rest } = r;
  return { ...rest, waitingClients: value };
}

export function cooperationScoreOf(r: MonthlyReportView): CooperationScoreDto {
  const { value, respondents, ...rest } = r;
  return { ...rest, score: value / 10, respondents: respondents ?? 0 };
}
