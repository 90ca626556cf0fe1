import { Body, Controller, Get, HttpStatus, Param, Post, Query, Res, UseInterceptors } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { PaymentLedger, type Page } from '@app/ledger';
import { PaymentPageDto, PaymentPageQueryDto } from '../payments/dto/payment.dto';
import { LedgerErrorInterceptor } from '../payments/ledger-error.interceptor';
import type { Response } from 'express';
import { ROLES, STAFF_ROLES, trajectoryWorkflowId } from '@app/contracts';
import type { TrajectoryPolicyOverrides } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors } from '../common/api-docs';
import { ApiErrorBody } from '../common/api-error';
import { ApiException } from '../common/domain-errors';
import { AuditTrailService } from '../read-model/audit-trail.service';
import { TrajectoryListService } from '../read-model/trajectory-list.service';
import { ListTrajectoriesDto } from './dto/list-trajectories.dto';
import { StartTrajectoryDto } from './dto/start-trajectory.dto';
import { AuditTrailItemDto, TrajectoryPageDto, TrajectoryStateDto } from './dto/trajectory-reads.dto';
import { StartResultDto, TrajectoryViewDto } from './dto/trajectory-view.dto';
import { actionsFor } from './command-roles';
import { PolicySnapshots } from './policy-snapshots';
import { TrajectoryAccess } from './trajectory-access';
import { StartResult, TrajectoryGateway } from './trajectory-gateway';
import { TrajectoryReader } from './trajectory-reader';
import { ReadConsistencyQueryDto } from './dto/read-consistency.dto';
import type { PaymentInstructionView } from '@app/contracts';

/** Reading a trajectory is open to every role; the tenant check decides what each caller sees. */
const EVERYONE = ROLES;
/**
 * The full state and the audit trail name the professionals and the table's workings: for staff. The family
 * reads its own plan through GET /trajectories/:id/family.
 */
const STAFF = STAFF_ROLES;

@ApiTags('trajectories')
@ApiStandardErrors()
@Controller('trajectories')
export class TrajectoriesController {
  constructor(
    private readonly gateway: TrajectoryGateway,
    private readonly reader: TrajectoryReader,
    private readonly access: TrajectoryAccess,
    private readonly policies: PolicySnapshots,
    private readonly list: TrajectoryListService,
    private readonly audit: AuditTrailService,
    private readonly ledger: PaymentLedger,
  ) {}

  @Post()
  @Roles('CASE_SYSTEM')
  @ApiOperation({
    summary: 'Open a trajectory (idempotent on municipality + case reference)',
    description:
      'Starts the trajectory workflow `trajectory-<municipality>-<case reference>` with the region policy.',
  })
  @ApiCreatedResponse({ type: StartResultDto, description: 'A new trajectory was started' })
  @ApiOkResponse({
    type: StartResultDto,
    description: 'The trajectory already existed; the same one is returned',
  })
  @ApiUnprocessableEntityResponse({
    type: ApiErrorBody,
    description: 'The municipality is in no region, or the policy overrides break a rule of the domain',
  })
  async start(
    @Body() dto: StartTrajectoryDto,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StartResult> {
    if (!principal.municipalities.includes(dto.municipalityCode)) {
      throw new ApiException(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        `You do not act for municipality ${dto.municipalityCode}`,
      );
    }
    const { policyOverrides, intensive, ...facts } = dto;
    const result = await this.gateway.start({
      ...facts,
      trajectoryId: trajectoryWorkflowId(dto.municipalityCode, dto.caseReference),
      intensive: intensive ?? false,
      // The DTO has the shape of the domain's overrides; the domain validates what it means.
      policy: await this.policies.policyFor(
        dto.municipalityCode,
        policyOverrides as TrajectoryPolicyOverrides | undefined,
      ),
      requestedBy: { role: 'CASE_SYSTEM', ref: principal.subject },
    });
    res.status(result.created ? 201 : 200);
    return result;
  }

  @Get()
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'List and filter trajectories (read model, cursor pagination)' })
  @ApiOkResponse({ type: TrajectoryPageDto })
  find(@Query() query: ListTrajectoriesDto, @CurrentPrincipal() principal: Principal) {
    return this.list.list(principal, query);
  }

  @Get(':trajectoryId')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary:
      'Status, allowed actions, deadlines and who is blocking: from the read model, or live from the workflow',
  })
  @ApiOkResponse({ type: TrajectoryViewDto })
  async get(
    @Param('trajectoryId') trajectoryId: string,
    @Query() query: ReadConsistencyQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    const view =
      (await this.access.authorize(principal, trajectoryId)) ??
      (await this.reader.view(trajectoryId, query.consistency));
    // The domain's decision rights (command-roles.ts), so a page offers exactly what the API will take.
    return { ...view, yourActions: actionsFor(principal, view.allowedActions) };
  }

  @Get(':trajectoryId/state')
  @Roles(...STAFF)
  @ApiOperation({
    summary: 'Full pseudonymous state: plan, rounds, escalations, decisions, evaluations, payments',
  })
  @ApiOkResponse({ type: TrajectoryStateDto })
  async state(
    @Param('trajectoryId') trajectoryId: string,
    @Query() query: ReadConsistencyQueryDto,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.access.authorize(principal, trajectoryId);
    return this.reader.state(trajectoryId, query.consistency);
  }

  @Get(':trajectoryId/audit')
  @Roles(...STAFF)
  @ApiOperation({ summary: 'Audit trail: who did what, when, in which role (append-only)' })
  @ApiOkResponse({ type: [AuditTrailItemDto] })
  async auditTrail(@Param('trajectoryId') trajectoryId: string, @CurrentPrincipal() principal: Principal) {
    await this.access.authorize(principal, trajectoryId);
    return this.audit.of(trajectoryId);
  }

  @Get(':trajectoryId/payments')
  @Roles('FINANCE', 'OPERATOR', 'LOCAL_TEAM', 'PROVIDER', 'CASE_SYSTEM')
  @ApiOperation({ summary: "One trajectory's payment instructions, oldest first" })
  @ApiOkResponse({ type: PaymentPageDto })
  // The ledger refuses a bad cursor or limit with its own error: mapped to 400 like on /payments.
  @UseInterceptors(LedgerErrorInterceptor)
  async payments(
    @Param('trajectoryId') trajectoryId: string,
    @Query() query: PaymentPageQueryDto,
    @CurrentPrincipal() principal: Principal,
  ): Promise<Page<PaymentInstructionView>> {
    await this.access.authorize(principal, trajectoryId);
    return this.ledger.list({ ...query, trajectoryId });
  }
}
