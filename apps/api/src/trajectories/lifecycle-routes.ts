import {
  ArrangementChangeDecisionDto,
  ArrangementChangeRequestDto,
  ConfirmCompletionDto,
  ConfirmStartDto,
  EvaluationProposalDecisionDto,
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
import {
  ChooseLeadProviderDto,
  PlanVersionDto,
  RejectPlanDto,
  RequestChangesDto,
  SignPlanDto,
  SubmitPlanDto,
} from './dto/plan.dto';
import { domainViolation } from '../common/domain-errors';
import { route } from './lifecycle-route';
import type { LifecycleRoute, PayloadContext } from './lifecycle-route';

/** Bodies that name the local team's offer by its code carry the catalogue's terms to the workflow. */
async function withOfferedArrangement<B extends { offeredArrangementCode?: string }>(
  { offeredArrangementCode, ...rest }: B,
  c: PayloadContext,
) {
  return {
    ...rest,
    ...(await c.optionalArrangement('offeredArrangement', offeredArrangementCode, 'offeredArrangementCode')),
  };
}

/**
 * Every transition of domain.md §7.4 as its own endpoint, one declaration each: path, command, request
 * body and the OpenAPI summary; the roles are the command's own (its descriptor in libs/domain). Arrangement
 * codes are resolved against the catalogue; successors get their workflow id from the new case reference.
 */
export const LIFECYCLE_ROUTES: readonly LifecycleRoute[] = [
  route({
    operation: 'beginDrafting',
    path: 'drafting',
    command: 'beginDrafting',
    summary: 'Begin drafting the perspective plan (INTAKE → DRAFTING)',
  }),
  route({
    operation: 'exemption',
    path: 'plan-exemption',
    command: 'recordPlanExemption',
    body: PlanExemptionDto,
    summary: 'Record that no plan is needed (R-PLAN-05)',
  }),
  route({
    operation: 'withdraw',
    path: 'withdraw',
    command: 'withdraw',
    body: WithdrawDto,
    summary: 'Withdraw before care starts (→ CLOSED WITHDRAWN_BEFORE_START)',
  }),
  route({
    operation: 'chooseLeadProvider',
    path: 'lead-provider',
    command: 'chooseLeadProvider',
    body: ChooseLeadProviderDto,
    summary: 'Record the family’s choice of lead provider (R-ROLE-05); the provider may then read and submit',
    // The family choosing for itself picks among the region's contracted providers without an intake stop;
    // staff attest a choice made elsewhere (chosenByFamily) and the plan's submission checks the register.
    toPayload: async (body, c) => {
      if (
        c.byFamily &&
        !(await c.choosableLeadProviders()).some((p) => p.providerId === body.leadProviderId)
      ) {
        throw domainViolation('leadProviderId', 'not a provider with a contract for you in your region');
      }
      return body;
    },
  }),
  route({
    operation: 'submitPlan',
    path: 'plan/submit',
    command: 'submitPlan',
    body: SubmitPlanDto,
    summary: 'Submit a plan version for approval (→ AWAITING_APPROVAL)',
    toPayload: async ({ arrangementCode, ...plan }, c) => {
      const arrangement = await c.arrangement(arrangementCode, 'arrangementCode');
      return {
        plan: { ...plan, arrangement },
        register: await c.providerStandings(arrangement, [plan.leadProviderId, ...plan.subcontractorIds]),
      };
    },
  }),
  route({
    operation: 'signPlan',
    path: 'plan/sign',
    command: 'signPlan',
    body: SignPlanDto,
    summary: 'Sign the submitted plan version for a party (R-ROLE-04)',
  }),
  route({
    operation: 'requestChanges',
    path: 'plan/request-changes',
    command: 'requestChanges',
    body: RequestChangesDto,
    summary: 'Return the plan to the drafters with a reason code',
    toPayload: withOfferedArrangement,
  }),
  route({
    operation: 'approvePlan',
    path: 'plan/approve',
    command: 'approvePlan',
    body: PlanVersionDto,
    summary: 'Approve the plan: issues the care decision and the 301 assignment (R-ROLE-09)',
  }),
  route({
    operation: 'rejectPlan',
    path: 'plan/reject',
    command: 'rejectPlan',
    body: RejectPlanDto,
    summary: 'Reject the plan (→ CLOSED REJECTED)',
  }),
  route({
    operation: 'escalate',
    path: 'escalate',
    command: 'escalate',
    body: EscalateDto,
    summary: 'Escalate to the breakthrough table with a trigger code (domain.md §4.2)',
    toPayload: withOfferedArrangement,
  }),
  route({
    operation: 'confirmStart',
    path: 'start',
    command: 'confirmStart',
    body: ConfirmStartDto,
    summary: 'The provider confirms the start of care (→ ACTIVE; initial payment)',
  }),
  route({
    operation: 'evaluate',
    path: 'evaluations',
    command: 'recordEvaluation',
    body: RecordEvaluationDto,
    summary:
      'Record a periodic evaluation and its outcome; a provider’s COMPLETE, TERMINATE or SCALE_* is a proposal for the local team',
  }),
  route({
    operation: 'decideEvaluationProposal',
    path: 'evaluations/proposal/decision',
    command: 'decideEvaluationProposal',
    body: EvaluationProposalDecisionDto,
    summary: 'The local team confirms or rejects a provider’s proposed evaluation outcome',
  }),
  route({
    operation: 'requestChange',
    path: 'arrangement-changes',
    command: 'requestArrangementChange',
    body: ArrangementChangeRequestDto,
    summary: 'Request scaling up or down to another arrangement',
    toPayload: async ({ arrangementCode, ...rest }, c) => ({
      ...rest,
      arrangement: await c.arrangement(arrangementCode, 'arrangementCode'),
    }),
  }),
  route({
    operation: 'decideChange',
    path: 'arrangement-changes/decision',
    command: 'decideArrangementChange',
    body: ArrangementChangeDecisionDto,
    summary: 'Approve, return or reject the pending arrangement change',
  }),
  route({
    operation: 'renew',
    path: 'indication/renew',
    command: 'renewIndication',
    body: RenewIndicationDto,
    summary: 'Renew the indication after reassessment (new decision version)',
    toPayload: (dto, c) => c.optionalArrangement('arrangement', dto.arrangementCode, 'arrangementCode'),
  }),
  route({
    operation: 'complete',
    path: 'completion',
    command: 'confirmCompletion',
    body: ConfirmCompletionDto,
    summary: 'Confirm completion per plan with the final evaluation (→ final payment, CLOSED)',
  }),
  route({
    operation: 'dropout',
    path: 'dropout',
    command: 'reportDropout',
    body: DropoutDto,
    summary: 'Report early dropout (→ CLOSED; final tranche cancelled, R-END-01)',
  }),
  route({
    operation: 'newCareNeed',
    path: 'new-care-need',
    command: 'reportNewCareNeed',
    body: NewCareNeedDto,
    summary: 'Close for a new care need and start the successor trajectory (R-SCALE-03)',
    toPayload: (dto, c) => ({ ...dto, successorTrajectoryId: c.successorId(dto.successorCaseReference) }),
  }),
  route({
    operation: 'switchProvider',
    path: 'provider-switch',
    command: 'switchProvider',
    body: SwitchProviderDto,
    summary: 'The client switches provider (→ CLOSED; successor with the new provider)',
    toPayload: (dto, c) => ({ ...dto, successorTrajectoryId: c.successorId(dto.successorCaseReference) }),
  }),
  route({
    operation: 'transfer',
    path: 'transfer',
    command: 'transferClient',
    body: TransferDto,
    summary: 'The municipality transfers the client (→ CLOSED; successor with the new provider)',
    toPayload: (dto, c) => ({ ...dto, successorTrajectoryId: c.successorId(dto.successorCaseReference) }),
  }),
  route({
    operation: 'withhold',
    path: 'payments/withhold',
    command: 'withholdPayment',
    body: WithholdDto,
    summary: 'Withhold the final tranche with a written reason (domain.md §7.8)',
  }),
  route({
    operation: 'correctPrice',
    path: 'decision/price-correction',
    command: 'amendDecisionPrice',
    body: PriceCorrectionDto,
    summary: 'Correct the decision price retroactively by agreement (R-END-05)',
  }),
];
