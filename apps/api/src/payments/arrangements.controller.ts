import { Controller, Get, Param, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { STAFF_ROLES } from '@app/contracts';
import { ArrangementCatalogue, type ArrangementView } from '@app/ledger';
import { Roles } from '../auth/decorators';
import { ApiErrorBody } from '../common/api-error';
import { ArrangementDto, ArrangementVersionQueryDto, ListArrangementsQueryDto } from './dto/arrangement.dto';
import { LedgerErrorInterceptor } from './ledger-error.interceptor';

@ApiTags('arrangements')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(LedgerErrorInterceptor)
@Controller('arrangements')
export class ArrangementsController {
  constructor(private readonly catalogue: ArrangementCatalogue) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary: 'The arrangement catalogue: tariff versions (average prices, R-TAR-05), filterable',
  })
  @ApiOkResponse({ type: [ArrangementDto] })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  list(@Query() query: ListArrangementsQueryDto): Promise<ArrangementView[]> {
    return this.catalogue.list(query);
  }

  @Get(':code')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Every tariff version of one arrangement, or the one valid on a date' })
  @ApiParam({ name: 'code', example: 'WF-J-B-OPV-M' })
  @ApiOkResponse({ type: [ArrangementDto] })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async get(
    @Param('code') code: string,
    @Query() query: ArrangementVersionQueryDto,
  ): Promise<ArrangementView[]> {
    if (query.validOn !== undefined) return [await this.catalogue.validOn(code, query.validOn)];
    return this.catalogue.versions(code);
  }
}
