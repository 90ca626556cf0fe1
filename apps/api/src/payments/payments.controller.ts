import { Body, Controller, Get, HttpCode, Param, Post, Query, UseInterceptors } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiTags,
} from '@nestjs/swagger';
import { PaymentLedger, type Page } from '@app/ledger';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { canSee } from '../auth/tenant-scope';
import { ApiErrorBody } from '../common/api-error';
import { notFound } from '../common/domain-errors';
import {
  ListPaymentsQueryDto,
  PaymentInstructionDto,
  PaymentPageDto,
  WithholdPaymentDto,
  withholdReason,
} from './dto/payment.dto';
import { LedgerErrorInterceptor } from './ledger-error.interceptor';
import { ledgerScope } from './ledger-scope';
import type { PaymentInstructionView } from '@app/contracts';

const READERS = ['FINANCE', 'OPERATOR', 'LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM'] as const;

@ApiTags('payments')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(LedgerErrorInterceptor)
@Controller()
export class PaymentsController {
  constructor(private readonly ledger: PaymentLedger) {}

  @Get('payments')
  @Roles(...READERS)
  @ApiOperation({ summary: 'The payment ledger, filtered, in pages (keyset cursor)' })
  @ApiOkResponse({ type: PaymentPageDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  list(
    @Query() query: ListPaymentsQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PaymentInstructionView>> {
    return this.ledger.list({ ...query, ...ledgerScope(principal) });
  }

  @Post('payments/:idempotencyKey/withhold')
  @HttpCode(200)
  // domain.md §7.8: withholding money is the municipality's finance decision, as on the lifecycle route.
  @Roles('FINANCE')
  @ApiOperation({
    summary:
      'Withhold a SCHEDULED or RELEASED payment with a reason code and memo reference (domain.md §7.8; manual, audited)',
    description:
      'Idempotent: withholding a WITHHELD payment returns it. 409 when the payment is already exported, confirmed or cancelled.',
  })
  @ApiParam({ name: 'idempotencyKey', example: 'trajectory-GM0405-CASE-2026-0001:FINAL:1' })
  @ApiOkResponse({ type: PaymentInstructionDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiConflictResponse({ type: ApiErrorBody })
  async withhold(
    @Param('idempotencyKey') idempotencyKey: string,
    @Body() body: WithholdPaymentDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<PaymentInstructionView> {
    const payment = await this.ledger.getByKey(idempotencyKey);
    if (!canSee(principal, { municipalityCode: payment.municipalityCode, providerId: payment.providerId })) {
      throw notFound(`payment ${idempotencyKey}`);
    }
    return this.ledger.withhold({ idempotencyKey, reason: withholdReason(body), actor: actorOf(principal) });
  }
}

/** The audit actor: the caller's pseudonymous subject, as a ledger actor ref. */
export function actorOf(principal: Principal): string {
  const ref = principal.subject.replace(/[^A-Za-z0-9._:@-]/g, '_').slice(0, 190);
  return `${principal.via}:${ref || 'unknown'}`;
}
