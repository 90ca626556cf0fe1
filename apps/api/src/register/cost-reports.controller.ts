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
import { CostReports, type CostReportView } from '@app/register';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { isProviderScoped } from '../auth/tenant-scope';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { invalidFields } from '../common/domain-errors';
import { ContractScope } from './contract-scope';
import { own } from './own-provider';
import { CostReportDto, PutCostReportDto } from './dto/cost-report.dto';
import { RegisterErrorInterceptor } from './register-error.interceptor';

/**
 * K-F1, the averaging balance (issue 19): the provider reports what its delivered care cost, per region and
 * year; the steering figures set it against what the region paid. A provider reports and reads its own only
 * (another provider's answers 404); contract management for the regions it keeps.
 */
@ApiTags('provider register')
@ApiStandardErrors()
@UseInterceptors(RegisterErrorInterceptor)
@Controller('providers/:providerId/cost-reports')
export class CostReportsController {
  constructor(
    private readonly reports: CostReports,
    private readonly scope: ContractScope,
  ) {}

  @Get()
  @Roles('PROVIDER', 'CONTRACT_MANAGEMENT', 'FINANCE', 'OPERATOR')
  @ApiOperation({ summary: "A provider's cost reports (K-F1), newest year first" })
  @ApiParam({ name: 'providerId', example: 'PRV-HORIZON' })
  @ApiOkResponse({ type: [CostReportDto] })
  async list(@Param('providerId') providerId: string, @CurrentPrincipal() principal: Principal) {
    return this.reports.list(own(principal, providerId));
  }

  @Put(':year')
  @Roles('PROVIDER', 'CONTRACT_MANAGEMENT')
  @ApiOperation({
    summary: 'Report the cost of the delivered care in a region for a year (K-F1); a new report replaces it',
  })
  @ApiParam({ name: 'providerId', example: 'PRV-HORIZON' })
  // The document states the bound of the year it was made in (it is made at start-up).
  @ApiParam({
    name: 'year',
    schema: { type: 'integer', minimum: 2000, maximum: new Date().getUTCFullYear() },
  })
  @ApiCreatedResponse({ type: CostReportDto, description: 'The first report of that year' })
  @ApiOkResponse({ type: CostReportDto, description: 'It replaced the earlier report' })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  async put(
    @Param('providerId') providerId: string,
    @Param('year') year: string,
    @Body() body: PutCostReportDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CostReportView> {
    const id = own(principal, providerId);
    const thisYear = new Date().getUTCFullYear();
    if (!/^[0-9]{4}$/.test(year) || Number(year) < 2000 || Number(year) > thisYear) {
      throw invalidFields([{ field: 'year', message: `a year from 2000 to ${thisYear}` }]);
    }
    if (!isProviderScoped(principal)) await this.scope.assertManages(principal, body.regionId);
    const { report, created } = await this.reports.put(
      { providerId: id, regionId: body.regionId, year: Number(year), costCents: body.costCents },
      principal.subject,
    );
    res.status(created ? 201 : 200);
    return report;
  }
}
