import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, Matches } from 'class-validator';
import { EXPORT_FORMATS, type ExportBatchView, type ExportFormat } from '@app/ledger';
import { ISO_MONTH } from '../../validation/iso-dates';
import { Optional } from '../../validation/optional';

export class CreateExportDto {
  @ApiProperty({ example: '2026-11', description: 'Calendar month (YYYY-MM) of the due dates to export' })
  @Matches(ISO_MONTH, { message: 'period must be YYYY-MM' })
  period: string;

  @ApiProperty({ enum: EXPORT_FORMATS, example: 'csv', description: 'csv (text/csv) or json (323-shaped)' })
  @IsIn(EXPORT_FORMATS)
  format: ExportFormat;
}

export class ListExportsQueryDto {
  @ApiPropertyOptional({ example: '2026-11', description: 'Only the batches of this month (YYYY-MM)' })
  @Optional()
  @Matches(ISO_MONTH, { message: 'period must be YYYY-MM' })
  period?: string;
}

export class ExportBatchDto implements ExportBatchView {
  @ApiProperty({ format: 'uuid', example: '0b6f1c2e-3f4a-4c5d-8e9f-0a1b2c3d4e5f' })
  id: string;
  @ApiProperty({ example: '2026-11' })
  period: string;
  @ApiProperty({ enum: EXPORT_FORMATS })
  format: ExportFormat;
  @ApiProperty({ example: '2026-12-01T08:00:00.000Z' })
  createdAt: string;
  @ApiProperty({ example: 'fin-wf-02' })
  createdBy: string;
  @ApiProperty({ example: 42 })
  rowCount: number;
  @ApiProperty({ example: 12345600, description: 'Signed sum of the exported amounts in cents' })
  totalCents: number;
  @ApiProperty({ example: 'application/json; charset=utf-8' })
  contentType: string;
  @ApiProperty({ nullable: true, type: String, example: null })
  confirmedAt: string | null;
  @ApiProperty({ nullable: true, type: String, example: null })
  confirmedBy: string | null;
}

export class JsonExportDto {
  @ApiProperty({ type: ExportBatchDto })
  batch: ExportBatchDto;

  @ApiProperty({
    description:
      'Declarations shaped like iWmo/iJw 3.2 message 323, one per provider × municipality; pseudonymous references only',
    example: { message: '323', batchId: '0b6f1c2e-…', period: '2026-11', rowCount: 1, declarations: [] },
  })
  declaration: Record<string, unknown>;
}
