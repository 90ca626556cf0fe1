import { Body, Controller, Get, HttpCode, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { PaymentExportService, type ExportBatchView, type ExportResult } from '@app/ledger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrorBody } from '../common/api-error';
import { CreateExportDto, ExportBatchDto, JsonExportDto, ListExportsQueryDto } from './dto/export.dto';
import { LedgerErrorInterceptor } from './ledger-error.interceptor';
import { requireRegionWide } from './ledger-scope';
import { actorOf } from './payments.controller';

const CSV_DESCRIPTION =
  'csv: the file (text/csv) with X-Export-Batch-Id, X-Export-Row-Count, X-Export-Total-Cents headers';

@ApiTags('payments')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(LedgerErrorInterceptor)
@Controller('payments/exports')
export class PaymentExportsController {
  constructor(private readonly exports: PaymentExportService) {}

  @Post()
  @Roles('FINANCE')
  @ApiOperation({
    summary: 'Export the released payments due in a month to finance; marks them EXPORTED in one transaction',
    description:
      'Releases the due SCHEDULED payments of the period first. A payment is in at most one batch: a second export of the same period holds only what was released since.',
  })
  @ApiProduces('text/csv', 'application/json')
  @ApiCreatedResponse({
    type: JsonExportDto,
    description: `json: { batch, declaration }. ${CSV_DESCRIPTION}`,
  })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiForbiddenResponse({ type: ApiErrorBody })
  async create(
    @Body() body: CreateExportDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    requireRegionWide(principal);
    const result = await this.exports.export({
      period: body.period,
      format: body.format,
      actor: actorOf(principal),
    });
    res.status(201).location(`/payments/exports/${result.batch.id}`);
    return send(result, res);
  }

  @Get()
  @Roles('FINANCE', 'OPERATOR')
  @ApiOperation({
    summary: 'The export batches of a month (or the latest 100), newest first, without content',
  })
  @ApiOkResponse({ type: [ExportBatchDto] })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  list(
    @Query() query: ListExportsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ExportBatchView[]> {
    requireRegionWide(principal);
    return this.exports.list(query.period);
  }

  @Get(':batchId')
  @Roles('FINANCE', 'OPERATOR')
  @ApiOperation({ summary: 'An export batch, with the same content as when it was created' })
  @ApiParam({ name: 'batchId', format: 'uuid' })
  @ApiProduces('text/csv', 'application/json')
  @ApiOkResponse({ type: JsonExportDto, description: `json: { batch, declaration }. ${CSV_DESCRIPTION}` })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async get(
    @Param('batchId') batchId: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<unknown> {
    requireRegionWide(principal);
    return send(await this.exports.get(batchId), res);
  }

  @Post(':batchId/confirm')
  @HttpCode(200)
  @Roles('FINANCE')
  @ApiOperation({ summary: 'Finance confirms a batch: its EXPORTED payments become CONFIRMED (idempotent)' })
  @ApiParam({ name: 'batchId', format: 'uuid' })
  @ApiOkResponse({ type: ExportBatchDto })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  confirm(
    @Param('batchId') batchId: string,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ExportBatchView> {
    requireRegionWide(principal);
    return this.exports.confirm(batchId, actorOf(principal));
  }
}

function send(result: ExportResult, res: Response): unknown {
  if (result.batch.format === 'json') return { batch: result.batch, declaration: JSON.parse(result.content) };
  res.setHeader('Content-Type', result.batch.contentType);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="payments-${result.batch.period}-${result.batch.id}.csv"`,
  );
  res.setHeader('X-Export-Batch-Id', result.batch.id);
  res.setHeader('X-Export-Row-Count', String(result.batch.rowCount));
  res.setHeader('X-Export-Total-Cents', String(result.batch.totalCents));
  return result.content;
}
