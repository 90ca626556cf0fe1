import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Res,
  UseInterceptors,
} from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiSecurity,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { STAFF_ROLES } from '@app/contracts';
import { amsterdamDate } from '@app/ledger';
import {
  ProviderRegister,
  RegisterError,
  type ContractView,
  type IntakeFreezeView,
  type ProviderView,
} from '@app/register';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiErrorBody } from '../common/api-error';
import { ContractScope } from './contract-scope';
import {
  ContractDto,
  EndContractDto,
  IntakeFreezeDto,
  LiftIntakeFreezeDto,
  ListProvidersQueryDto,
  NewContractDto,
  NewIntakeFreezeDto,
  PROVIDER_ID,
  ProviderDto,
  PutProviderDto,
} from './dto/provider.dto';
import { RegisterErrorInterceptor } from './register-error.interceptor';

/** A provider id in a path: anything else is no provider (404), or cannot become one (PUT, 422). */
const ProviderIdParam = () =>
  ApiParam({
    name: 'providerId',
    example: 'PRV-HORIZON',
    schema: { type: 'string', pattern: PROVIDER_ID.source },
  });

function providerId(id: string): string {
  if (!PROVIDER_ID.test(id)) throw new RegisterError('NOT_FOUND', `no provider ${id} in the register`);
  return id;
}

/**
 * The provider register (issue 14): kept by contract management, read by everyone who submits or checks a
 * plan. A plan's lead provider and subcontractors are checked against it at plan/submit.
 */
@ApiTags('provider register')
@ApiBearerAuth()
@ApiSecurity('api-key')
@UseInterceptors(RegisterErrorInterceptor)
@Controller('providers')
export class ProvidersController {
  constructor(
    private readonly register: ProviderRegister,
    private readonly scope: ContractScope,
  ) {}

  @Get()
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'Providers with their contracts and intake freezes' })
  @ApiOkResponse({ type: [ProviderDto] })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  list(@Query() query: ListProvidersQueryDto): Promise<ProviderView[]> {
    return this.register.list(query);
  }

  @Get(':providerId')
  @Roles(...STAFF_ROLES)
  @ApiOperation({ summary: 'One provider with its contracts and intake freezes' })
  @ProviderIdParam()
  @ApiOkResponse({ type: ProviderDto })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  get(@Param('providerId') id: string): Promise<ProviderView> {
    return this.register.get(providerId(id));
  }

  @Put(':providerId')
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Add a provider to the register, or rename it (201 when new)' })
  @ProviderIdParam()
  @ApiOkResponse({ type: ProviderDto })
  @ApiCreatedResponse({ type: ProviderDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Not a provider id' })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'The AGB code belongs to another provider' })
  async put(
    @Param('providerId') id: string,
    @Body() body: PutProviderDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProviderView> {
    if (!PROVIDER_ID.test(id)) {
      throw new RegisterError(
        'RULE_VIOLATION',
        'a provider id is letters, digits, . _ : - (max 64)',
        'providerId',
      );
    }
    const { provider, created } = await this.register.upsert(id, body.name, body.agbCode);
    res.status(created ? 201 : 200);
    return provider;
  }

  @Post(':providerId/contracts')
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Contract the provider for an arrangement in a region (R-ROLE-06)' })
  @ProviderIdParam()
  @ApiCreatedResponse({ type: ContractDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'Overlaps a contract for the same arrangement' })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody, description: 'Not in the region’s catalogue' })
  async addContract(
    @Param('providerId') id: string,
    @Body() body: NewContractDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContractView> {
    await this.scope.assertManages(principal, body.regionId);
    return this.register.addContract(providerId(id), body, principal.subject);
  }

  @Post(':providerId/contracts/:contractId/end')
  @ProviderIdParam()
  @HttpCode(200)
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'End a contract on a date (it may be shortened, never extended)' })
  @ApiOkResponse({ type: ContractDto })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiConflictResponse({ type: ApiErrorBody })
  async endContract(
    @Param('providerId') id: string,
    @Param('contractId') contractId: string,
    @Body() body: EndContractDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<ContractView> {
    const contract = await this.register.contract(providerId(id), contractId);
    await this.scope.assertManages(principal, contract.regionId);
    return this.register.endContract(id, contractId, body.validTo);
  }

  @Post(':providerId/intake-freezes')
  @ProviderIdParam()
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Put a client intake freeze on the provider in a region (R-END-03)' })
  @ApiCreatedResponse({ type: IntakeFreezeDto })
  @ApiBadRequestResponse({ type: ApiErrorBody })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiUnprocessableEntityResponse({ type: ApiErrorBody })
  async addFreeze(
    @Param('providerId') id: string,
    @Body() body: NewIntakeFreezeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IntakeFreezeView> {
    await this.scope.assertManages(principal, body.regionId);
    return this.register.addIntakeFreeze(providerId(id), body, principal.subject);
  }

  @Post(':providerId/intake-freezes/:freezeId/lift')
  @ProviderIdParam()
  @HttpCode(200)
  @Roles('CONTRACT_MANAGEMENT')
  @ApiOperation({ summary: 'Lift an intake freeze' })
  @ApiOkResponse({ type: IntakeFreezeDto })
  @ApiNotFoundResponse({ type: ApiErrorBody })
  @ApiConflictResponse({ type: ApiErrorBody, description: 'Lifted already' })
  async liftFreeze(
    @Param('providerId') id: string,
    @Param('freezeId') freezeId: string,
    @Body() body: LiftIntakeFreezeDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<IntakeFreezeView> {
    const freeze = await this.register.intakeFreeze(providerId(id), freezeId);
    await this.scope.assertManages(principal, freeze.regionId);
    return this.register.liftIntakeFreeze(
      id,
      freezeId,
      body.liftedOn ?? amsterdamDate(new Date()),
      principal.subject,
    );
  }
}
