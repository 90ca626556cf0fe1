import { Body, Controller, Get, Param, Put, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { amsterdamMonth } from '@app/ledger';
import { MonthlyReports } from '@app/register';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { isProviderScoped } from '../auth/tenant-scope';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { invalidFields } from '../common/domain-errors';
import { ISO_MONTH } from '../validation/iso-dates';
import { ContractScope } from './contract-scope';
import {
  CooperationScoreDto,
  cooperationScoreOf,
  PutCooperationScoreDto,
  PutWaitingListDto,
  WaitingListDto,
  waitingListOf,
} from './dto/monthly-report.dto';
import { own } from './own-provider';
import { RegisterErrorInterceptor } from './register-error.interceptor';

const PROVIDER_PARAM = { name: 'providerId', example: 'PRV-HORIZON' };
const MONTH_PARAM = { name: 'month', example: '2026-11', description: 'YYYY-MM, not after this month' };

/** A reported month: YYYY-MM, not after this month in the Dutch calendar. */
function reportedMonth(month: string): string {
  if (!ISO_MONTH.test(month) || month > amsterdamMonth(new Date())) {
    throw invalidFields([{ field: 'month', message: 'month must be YYYY-MM, not after this month' }]);
  }
  return month;
}

/**
 * Figures no workflow holds, reported per provider, region and month (issue 19): K-Q4's waiting list, which the
 * provider reports (or contract management for the regions it keeps), and K-C2's cooperation score from the
 * region's survey, which contract management reports. A provider reads its own only; another's answers 404. A
 * new report of the same month replaces the earlier one.
 */
@ApiTags('provider register')
@ApiStandardErrors()
@UseInterceptors(RegisterErrorInterceptor)
@Controller('providers/:providerId')
export class MonthlyReportsController {
  constructor(
    private readonly reports: MonthlyReports,
    private readonly scope: ContractScope,
  ) {}

  @Get('waiting-lists')
  @Roles('PROVIDER', 'CONTRACT_MANAGEMENT', 'LOCAL_TEAM', 'OPERATOR')
  @ApiOperation({ summary: "A provider's reported waiting lists (K-Q4), newest month first" })
  @ApiParam(PROVIDER_PARAM)
  @ApiOkResponse({ type: [WaitingListDto] })
  async waitingLists(@Param('providerId') providerId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.reports.list('WAITING_LIST', own(principal, providerId))).map(waitingListOf);
  }

  @Put('waiting-lists/:month')
  @Roles('PROVIDER', 'CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Report the residents waiting at a month’s end in a region (K-Q4); replaces' })
  @ApiParam(PROVIDER_PARAM)
  @ApiParam(MONTH_PARAM)
  @ApiCreatedResponse({ type: WaitingListDto, description: 'The first report of that month' })
  @ApiOkResponse({ type: WaitingListDto, description: 'It replaced the earlier report' })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async putWaitingList(
    @Param('providerId') providerId: string,
    @Param('month') month: string,
    @Body() body: PutWaitingListDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<WaitingListDto> {
    const id = own(principal, providerId);
    const at = reportedMonth(month);
    if (!isProviderScoped(principal)) await this.scope.assertManages(principal, body.regionId);
    const { report, created } = await this.reports.put(
      'WAITING_LIST',
      { providerId: id, regionId: body.regionId, month: at, value: body.waitingClients, respondents: null },
      principal.subject,
    );
    res.status(created ? 201 : 200);
    return waitingListOf(report);
  }

  @Get('cooperation-scores')
  @Roles('PROVIDER', 'CONTRACT_MANAGEMENT', 'OPERATOR')
  @ApiOperation({ summary: "The region's cooperation scores of a provider (K-C2), newest month first" })
  @ApiParam(PROVIDER_PARAM)
  @ApiOkResponse({ type: [CooperationScoreDto] })
  async cooperationScores(@Param('providerId') providerId: string, @CurrentPrincipal() principal: Principal) {
    return (await this.reports.list('COOPERATION_SCORE', own(principal, providerId))).map(cooperationScoreOf);
  }

  @Put('cooperation-scores/:month')
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({
    summary: 'Report the survey score of cooperation with a provider in a region (K-C2); replaces',
  })
  @ApiParam(PROVIDER_PARAM)
  @ApiParam(MONTH_PARAM)
  @ApiCreatedResponse({ type: CooperationScoreDto, description: 'The first report of that month' })
  @ApiOkResponse({ type: CooperationScoreDto, description: 'It replaced the earlier report' })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async putCooperationScore(
    @Param('providerId') providerId: string,
    @Param('month') month: string,
    @Body() body: PutCooperationScoreDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CooperationScoreDto> {
    const id = own(principal, providerId);
    const at = reportedMonth(month);
    await this.scope.assertManages(principal, body.regionId);
    const { report, created } = await this.reports.put(
      'COOPERATION_SCORE',
      {
        providerId: id,
        regionId: body.regionId,
        month: at,
        // Tenths of a point: the survey's one decimal.
        value: Math.round(body.score * 10),
        respondents: body.respondents,
      },
      principal.subject,
    );
    res.status(created ? 201 : 200);
    return cooperationScoreOf(report);
  }
}
