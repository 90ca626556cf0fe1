import { Controller, Get, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiOperation,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { ReconciliationService, type ReconciliationReport } from '@app/ledger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrorBody } from '../common/api-error';
import { ReconciliationQueryDto, ReconciliationReportDto } from './dto/reconciliation.dto';
import { LedgerErrorInterceptor } from './ledger-error.interceptor';
import { ledgerScope } from './ledger-scope';

@ApiTags('payments')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(LedgerErrorInterceptor)
@Controller('reconciliation')
export class ReconciliationController {
  constructor(private readonly reconciliation: ReconciliationService) {}

  @Get()
  @Roles('FINANCE', 'OPERATOR')
  @ApiOperation({
    summary:
      "Per trajectory: Σ of the ledger against the payment rules' expected total, with every deviation",
    description:
      'Deviation codes: MISSING_TRANCHE, DUPLICATE_TRANCHE, AMOUNT_MISMATCH, PAID_AFTER_CANCELLATION, DUE_BUT_CANCELLED, UNEXPECTED_TRANCHE, TOTAL_MISMATCH, NO_CARE_DECISION, UNKNOWN_DECISION_VERSION, POLICY_REFUSED.',
  })
  @ApiOkResponse({ type: ReconciliationReportDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  run(
    @Query() query: ReconciliationQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ReconciliationReport> {
    return this.reconciliation.run({ ...query, ...ledgerScope(principal) });
  }
}
