import { Body, Controller, Get, HttpStatus, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { trajectoryOfEscalation } from '@app/contracts';
import type { BreakthroughDecision } from '@app/domain';
import type { TrajectoryView } from '@app/domain';
import { CurrentPrincipal, Roles } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { ApiStandardErrors, LifecycleAction } from '../common/api-docs';
import { ApiException, notFound } from '../common/domain-errors';
import { IdempotencyKey } from '../common/idempotency-key';
import { DocketService } from '../read-model/docket.service';
import { ArrangementTermsResolver } from '../trajectories/arrangement-terms.resolver';
import { AssignCaseDto, BreakthroughDecisionDto } from '../trajectories/dto/breakthrough.dto';
import { TrajectoryAccess } from '../trajectories/trajectory-access';
import { TrajectoryGateway } from '../trajectories/trajectory-gateway';
import { BreakthroughCaseDto, DocketItemDto, EscalationCaseDto } from './docket.dto';

const READERS = ['BREAKTHROUGH_TABLE', 'LOCAL_TEAM', 'OPERATOR', 'PROVIDER'] as const;

/** The breakthrough table (doorbraaktafel): its docket, its cases and its decisions (domain.md §4, §7.6). */
@ApiTags('breakthrough table')
@ApiStandardErrors()
@Controller('escalations')
export class EscalationsController {
  constructor(
    private readonly docket: DocketService,
    private readonly gateway: TrajectoryGateway,
    private readonly access: TrajectoryAccess,
    private readonly arrangements: ArrangementTermsResolver,
  ) {}

  @Get()
  @Roles(...READERS)
  @ApiOperation({ summary: 'The docket: open escalations, oldest first, with days waiting and deadline' })
  @ApiOkResponse({ type: [DocketItemDto] })
  list(@CurrentPrincipal() principal: Principal) {
    return this.docket.open(principal);
  }

  @Get(':escalationId')
  @Roles(...READERS)
  @ApiOperation({ summary: 'One case: the docket facts and the live case (reminder, overdue, decisions)' })
  @ApiOkResponse({ type: EscalationCaseDto })
  async get(@Param('escalationId') escalationId: string, @CurrentPrincipal() principal: Principal) {
    await this.authorize(principal, escalationId);
    const item = await this.docket.one(principal, escalationId);
    if (!item) throw notFound(`escalation ${escalationId}`);
    return { ...item, case: await this.gateway.tableCase(escalationId) };
  }

  @ApiOkResponse({ type: BreakthroughCaseDto, description: 'The case with its chair and members' })
  @LifecycleAction(
    ':escalationId/assign',
    ['BREAKTHROUGH_TABLE'],
    'Assign the chair (and members) of the case',
  )
  async assign(
    @Param('escalationId') escalationId: string,
    @Body() dto: AssignCaseDto,
    @CurrentPrincipal() principal: Principal,
    // Validated like every documented Idempotency-Key; the interceptor replays a repeat.
    @IdempotencyKey() _idempotencyKey?: string,
  ) {
    const trajectoryId = await this.authorize(principal, escalationId);
    return this.whileCaseStarts(trajectoryId, escalationId, () =>
      this.gateway.assignTableCase(escalationId, principal.subject, dto.chairRef, dto.memberRefs),
    );
  }

  @LifecycleAction(
    ':escalationId/decision',
    ['BREAKTHROUGH_TABLE'],
    "Record the table's decision with its rationale; the trajectory continues with it",
    'The table never approves by default: only this call decides. Returns the trajectory once it applied the decision.',
  )
  async decide(
    @Param('escalationId') escalationId: string,
    @Body() dto: BreakthroughDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @IdempotencyKey() key?: string,
  ): Promise<TrajectoryView> {
    const trajectoryId = await this.authorize(principal, escalationId);
    const decision = await this.toDecision(dto, principal);
    await this.whileCaseStarts(trajectoryId, escalationId, () =>
      this.gateway.recordTableDecision(escalationId, decision, key),
    );
    return this.appliedView(trajectoryId, escalationId, decision.code);
  }

  /**
   * A trajectory that escalated before its workflow answered only once the case exists (runs from before
   * that change) may not have started the case yet: then the trajectory knows the escalation and the caller
   * gets 409 "retry" instead of a 404 that would say the case does not exist.
   */
  private async whileCaseStarts<T>(trajectoryId: string, escalationId: string, call: () => Promise<T>) {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof ApiException) || error.getStatus() !== HttpStatus.NOT_FOUND) throw error;
      const view = await this.gateway.view(trajectoryId);
      if (view.openEscalation?.id !== escalationId) throw error;
      throw new ApiException(
        HttpStatus.CONFLICT,
        'CASE_STARTING',
        `the breakthrough table's case ${escalationId} is starting; retry in a moment`,
        { currentStatus: view.status },
      );
    }
  }

  private async authorize(principal: Principal, escalationId: string): Promise<string> {
    const trajectoryId = trajectoryOfEscalation(escalationId);
    if (!trajectoryId) throw notFound(`escalation ${escalationId}`);
    await this.access.authorize(principal, trajectoryId).catch((error: unknown) => {
      // Outside the caller's scope reads as an unknown escalation; an outage stays an outage (503).
      throw error instanceof ApiException && error.getStatus() === 404
        ? notFound(`escalation ${escalationId}`)
        : error;
    });
    return trajectoryId;
  }

  /** The decision travels to the trajectory as a signal; wait briefly until it shows, then answer with it. */
  private async appliedView(
    trajectoryId: string,
    escalationId: string,
    code: string,
  ): Promise<TrajectoryView> {
    const deadline = Date.now() + 5000;
    for (;;) {
      const view = await this.gateway.view(trajectoryId);
      const stillOpen = view.openEscalation?.id === escalationId && view.openEscalation.status === 'OPEN';
      const provisionalApplied =
        code === 'AUTHORISE_PROVISIONAL_START' && view.openEscalation?.status === 'PROVISIONAL';
      if (!stillOpen || provisionalApplied || Date.now() > deadline) return view;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  private async toDecision(
    dto: BreakthroughDecisionDto,
    principal: Principal,
  ): Promise<BreakthroughDecision> {
    const { arrangementCode, ...rest } = dto;
    const arrangement = arrangementCode
      ? await this.arrangements.resolve(arrangementCode, 'arrangementCode')
      : undefined;
    const base = { ...rest, decidedBy: { role: 'BREAKTHROUGH_TABLE' as const, ref: principal.subject } };
    if (dto.code === 'AUTHORISE_PROVISIONAL_START')
      return { ...base, offeredArrangement: arrangement } as BreakthroughDecision;
    return { ...base, ...(arrangement ? { arrangement } : {}) } as BreakthroughDecision;
  }
}
