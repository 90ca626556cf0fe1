import { Body, Controller, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { trajectoryWorkflowId, municipalityOfTrajectory } from '@app/contracts';
import type { TrajectoryView } from '@app/domain';
import { CurrentPrincipal } from '../auth/decorators';
import type { Principal } from '../auth/principal';
import { LifecycleAction } from '../common/api-docs';
import { IdempotencyKey } from '../common/idempotency-key';
import { ArrangementTermsResolver } from './arrangement-terms.resolver';
import { rolesFor } from './command-roles';
import {
  ArrangementChangeDecisionDto,
  ArrangementChangeRequestDto,
  ConfirmCompletionDto,
  ConfirmStartDto,
  RecordEvaluationDto,
  RenewIndicationDto,
} from './dto/care.dto';
import {
  DropoutDto,
  NewCareNeedDto,
  PriceCorrectionDto,
  SwitchProviderDto,
  TransferDto,
  WithholdDto,
} from './dto/closure.dto';
import { EscalateDto, PlanExemptionDto, WithdrawDto } from './dto/intake.dto';
import { PlanVersionDto, RejectPlanDto, RequestChangesDto, SignPlanDto, SubmitPlanDto } from './dto/plan.dto';
import { TrajectoryActions } from './trajectory-actions.service';

/**
 * Every transition of domain.md §7.4 as its own endpoint. Thin: each maps its body to the workflow command
 * (arrangement codes resolved against the catalogue) and returns the trajectory's new live view.
 */
@ApiTags('trajectory actions')
@Controller('trajectories/:trajectoryId')
export class TrajectoryActionsController {
  constructor(
    private readonly actions: TrajectoryActions,
    private readonly arrangements: ArrangementTermsResolver,
  ) {}

  @LifecycleAction(
    'drafting',
    rolesFor('beginDrafting'),
    'Begin drafting the perspective plan (INTAKE → DRAFTING)',
  )
  beginDrafting(
    @Param('trajectoryId') id: string,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'beginDrafting', {}, key);
  }

  @LifecycleAction(
    'plan-exemption',
    rolesFor('recordPlanExemption'),
    'Record that no plan is needed (R-PLAN-05)',
  )
  exemption(
    @Param('trajectoryId') id: string,
    @Body() dto: PlanExemptionDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'recordPlanExemption', dto, key);
  }

  @LifecycleAction(
    'withdraw',
    rolesFor('withdraw'),
    'Withdraw before care starts (→ CLOSED WITHDRAWN_BEFORE_START)',
  )
  withdraw(
    @Param('trajectoryId') id: string,
    @Body() dto: WithdrawDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'withdraw', dto, key);
  }

  @LifecycleAction(
    'plan/submit',
    rolesFor('submitPlan'),
    'Submit a plan version for approval (→ AWAITING_APPROVAL)',
  )
  async submitPlan(
    @Param('trajectoryId') id: string,
    @Body() dto: SubmitPlanDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const { arrangementCode, ...plan } = dto;
    const arrangement = await this.arrangements.resolve(arrangementCode, 'arrangementCode');
    return this.actions.run(p, id, 'submitPlan', { plan: { ...plan, arrangement } }, key);
  }

  @LifecycleAction(
    'plan/sign',
    rolesFor('signPlan'),
    'Sign the submitted plan version for a party (R-ROLE-04)',
  )
  signPlan(
    @Param('trajectoryId') id: string,
    @Body() dto: SignPlanDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'signPlan', dto, key);
  }

  @LifecycleAction(
    'plan/request-changes',
    rolesFor('requestChanges'),
    'Return the plan to the drafters with a reason code',
  )
  async requestChanges(
    @Param('trajectoryId') id: string,
    @Body() dto: RequestChangesDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const { offeredArrangementCode, ...rest } = dto;
    const offeredArrangement = offeredArrangementCode
      ? await this.arrangements.resolve(offeredArrangementCode, 'offeredArrangementCode')
      : undefined;
    return this.actions.run(
      p,
      id,
      'requestChanges',
      { ...rest, ...(offeredArrangement ? { offeredArrangement } : {}) },
      key,
    );
  }

  @LifecycleAction(
    'plan/approve',
    rolesFor('approvePlan'),
    'Approve the plan: issues the care decision and the 301 assignment (R-ROLE-09)',
  )
  approvePlan(
    @Param('trajectoryId') id: string,
    @Body() dto: PlanVersionDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'approvePlan', dto, key);
  }

  @LifecycleAction('plan/reject', rolesFor('rejectPlan'), 'Reject the plan (→ CLOSED REJECTED)')
  rejectPlan(
    @Param('trajectoryId') id: string,
    @Body() dto: RejectPlanDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'rejectPlan', dto, key);
  }

  @LifecycleAction(
    'escalate',
    rolesFor('escalate'),
    'Escalate to the breakthrough table with a trigger code (domain.md §4.2)',
  )
  async escalate(
    @Param('trajectoryId') id: string,
    @Body() dto: EscalateDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const { offeredArrangementCode, ...rest } = dto;
    const offeredArrangement = offeredArrangementCode
      ? await this.arrangements.resolve(offeredArrangementCode, 'offeredArrangementCode')
      : undefined;
    return this.actions.run(
      p,
      id,
      'escalate',
      { ...rest, ...(offeredArrangement ? { offeredArrangement } : {}) },
      key,
    );
  }

  @LifecycleAction(
    'start',
    rolesFor('confirmStart'),
    'The provider confirms the start of care (→ ACTIVE; initial payment)',
  )
  confirmStart(
    @Param('trajectoryId') id: string,
    @Body() dto: ConfirmStartDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'confirmStart', dto, key);
  }

  @LifecycleAction(
    'evaluations',
    rolesFor('recordEvaluation'),
    'Record a periodic evaluation and its outcome',
  )
  evaluate(
    @Param('trajectoryId') id: string,
    @Body() dto: RecordEvaluationDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'recordEvaluation', dto, key);
  }

  @LifecycleAction(
    'arrangement-changes',
    rolesFor('requestArrangementChange'),
    'Request scaling up or down to another arrangement',
  )
  async requestChange(
    @Param('trajectoryId') id: string,
    @Body() dto: ArrangementChangeRequestDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const { arrangementCode, ...rest } = dto;
    const arrangement = await this.arrangements.resolve(arrangementCode, 'arrangementCode');
    return this.actions.run(p, id, 'requestArrangementChange', { ...rest, arrangement }, key);
  }

  @LifecycleAction(
    'arrangement-changes/decision',
    rolesFor('decideArrangementChange'),
    'Approve, return or reject the pending arrangement change',
  )
  decideChange(
    @Param('trajectoryId') id: string,
    @Body() dto: ArrangementChangeDecisionDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'decideArrangementChange', dto, key);
  }

  @LifecycleAction(
    'indication/renew',
    rolesFor('renewIndication'),
    'Renew the indication after reassessment (new decision version)',
  )
  async renew(
    @Param('trajectoryId') id: string,
    @Body() dto: RenewIndicationDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    const arrangement = dto.arrangementCode
      ? await this.arrangements.resolve(dto.arrangementCode, 'arrangementCode')
      : undefined;
    return this.actions.run(p, id, 'renewIndication', arrangement ? { arrangement } : {}, key);
  }

  @LifecycleAction(
    'completion',
    rolesFor('confirmCompletion'),
    'Confirm completion per plan with the final evaluation (→ final payment, CLOSED)',
  )
  complete(
    @Param('trajectoryId') id: string,
    @Body() dto: ConfirmCompletionDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'confirmCompletion', dto, key);
  }

  @LifecycleAction(
    'dropout',
    rolesFor('reportDropout'),
    'Report early dropout (→ CLOSED; final tranche cancelled, R-END-01)',
  )
  dropout(
    @Param('trajectoryId') id: string,
    @Body() dto: DropoutDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'reportDropout', dto, key);
  }

  @LifecycleAction(
    'new-care-need',
    rolesFor('reportNewCareNeed'),
    'Close for a new care need and start the successor trajectory (R-SCALE-03)',
  )
  newCareNeed(
    @Param('trajectoryId') id: string,
    @Body() dto: NewCareNeedDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(
      p,
      id,
      'reportNewCareNeed',
      { ...dto, successorTrajectoryId: successorId(id, dto.successorCaseReference) },
      key,
    );
  }

  @LifecycleAction(
    'provider-switch',
    rolesFor('switchProvider'),
    'The client switches provider (→ CLOSED; successor with the new provider)',
  )
  switchProvider(
    @Param('trajectoryId') id: string,
    @Body() dto: SwitchProviderDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(
      p,
      id,
      'switchProvider',
      { ...dto, successorTrajectoryId: successorId(id, dto.successorCaseReference) },
      key,
    );
  }

  @LifecycleAction(
    'transfer',
    rolesFor('transferClient'),
    'The municipality transfers the client (→ CLOSED; successor with the new provider)',
  )
  transfer(
    @Param('trajectoryId') id: string,
    @Body() dto: TransferDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(
      p,
      id,
      'transferClient',
      { ...dto, successorTrajectoryId: successorId(id, dto.successorCaseReference) },
      key,
    );
  }

  @LifecycleAction(
    'payments/withhold',
    rolesFor('withholdPayment'),
    'Withhold the final tranche with a written reason (domain.md §7.8)',
  )
  withhold(
    @Param('trajectoryId') id: string,
    @Body() dto: WithholdDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.run(p, id, 'withholdPayment', dto, key);
  }

  @LifecycleAction(
    'decision/price-correction',
    rolesFor('amendDecisionPrice'),
    'Correct the decision price retroactively by agreement (R-END-05)',
  )
  correctPrice(
    @Param('trajectoryId') id: string,
    @Body() dto: PriceCorrectionDto,
    @CurrentPrincipal() p: Principal,
    @IdempotencyKey() key?: string,
  ): Promise<TrajectoryView> {
    return this.actions.run(p, id, 'amendDecisionPrice', dto, key);
  }
}

/** A successor is addressed like any trajectory: by municipality and the case system's new reference. */
function successorId(trajectoryId: string, caseReference: string): string | undefined {
  const municipality = municipalityOfTrajectory(trajectoryId);
  return municipality ? trajectoryWorkflowId(municipality, caseReference) : undefined;
}
