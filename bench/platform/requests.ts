import type { BreakthroughDecision } from '../../libs/domain/src/breakthrough/breakthrough-decision';
import type { TrajectoryPolicyOverrides } from '../../libs/domain/src/policy';
import type { ArrangementTerms } from '../../libs/domain/src/trajectory/arrangement-terms';
import type { EvaluationInput } from '../../libs/domain/src/trajectory/evaluation';
import type { PlanDraft } from '../../libs/domain/src/trajectory/perspective-plan';
import type { CommandOf, TrajectoryCommandType } from '../../libs/domain/src/trajectory/trajectory-command';
import { EVALUATION_TIMER, type TrajectoryVariant } from '../trajectory-shape';

/**
 * Request bodies of the benchmark trajectories. Command bodies are the domain's command types minus
 * `type` and `actor` (the API fills those from the token), so tsc flags the benchmark when a command
 * changes. The baseline sends the same bodies as its update payloads: equal payload sizes on both sides.
 */
export type CommandBody<T extends TrajectoryCommandType> = Omit<CommandOf<T>, 'type' | 'actor'>;
export type TableDecisionBody = Omit<
  Extract<BreakthroughDecision, { code: 'APPROVE_AS_SUBMITTED' }>,
  'decidedBy'
>;

/** Everything a body depends on; the driver fills in what earlier responses returned. */
export interface TrajectoryContext {
  index: number;
  variant: TrajectoryVariant;
  municipalityCode: string;
  caseReference: string;
  trajectoryId?: string;
  planVersion: number;
  /** Which of the plan's required signatures comes next. */
  signatures: number;
  /** The evaluation about to be recorded, 1-based. */
  evaluations: number;
  escalationId?: string;
  changeId?: string;
}

export const MUNICIPALITY = 'GM0405';
export const PROVIDER_ID = 'PRV-001';

/** Demo catalogue rows (libs/persistence/src/migrations/1764300000001-DemoArrangementCatalogue.ts). */
const ARRANGEMENT: ArrangementTerms = {
  code: 'WF-J-B-OPV-M',
  tariffCents: 540_000,
  pricingBasis: 'PER_TRAJECTORY',
  trajectoryType: 'RECOVERY',
  segment: 'B',
  domain: 'JEUGD',
};
const SCALED_UP: ArrangementTerms = { ...ARRANGEMENT, code: 'WF-J-B-OPV-Z', tariffCents: 975_000 };

/** `shortTimers: false` keeps the region's months-long timers: trajectories that stay open (scenario open). */
export function startBody(ctx: TrajectoryContext, shortTimers = true) {
  return {
    municipalityCode: ctx.municipalityCode,
    caseReference: ctx.caseReference,
    clientId: `c-bench-${ctx.index.toString(36)}`,
    domain: 'JEUGD',
    segment: 'B',
    complexity: 'LOW',
    requestType: 'SUPPORT',
    // Months-long evaluation timers become seconds for this trajectory only (mergePolicyOverrides).
    ...(shortTimers
      ? {
          policyOverrides: {
            firstEvaluation: { duration: EVALUATION_TIMER },
            evaluationInterval: { duration: EVALUATION_TIMER },
          } satisfies TrajectoryPolicyOverrides,
        }
      : {}),
  };
}

const PLAN: PlanDraft = {
  results: [
    { id: 'r1', lifeDomain: 'OPVOEDING', resultAreaCode: 'RG-01', smart: true, targetDate: '2027-06-30' },
    { id: 'r2', lifeDomain: 'SCHOOL', resultAreaCode: 'RG-04', smart: false },
  ],
  profileCode: 'J-OPV',
  intensityCode: 'M',
  intensityProposedBy: 'PROVIDER',
  arrangement: ARRANGEMENT,
  leadProviderId: PROVIDER_ID,
  leadProviderChosenByFamily: true,
  subcontractorIds: [],
  requiredSignatures: ['CLIENT', 'LEAD_PROVIDER'],
};

function evaluation(outcome: EvaluationInput['outcome']): EvaluationInput {
  const attainment = outcome === 'COMPLETE' ? 'ACHIEVED' : 'PARTIAL';
  return {
    resultAssessments: PLAN.results.map((r) => ({ resultId: r.id, attainment })),
    clientSatisfaction: 'POSITIVE',
    localTeamParticipated: true,
    outcome,
  };
}

/** The body of a shape step's command (see SHAPES in bench/trajectory-shape.ts). */
export function commandBody(command: string, ctx: TrajectoryContext): object {
  const commandId = `${ctx.caseReference}-${command}-${ctx.signatures}-${ctx.evaluations}`;
  switch (command) {
    case 'beginDrafting':
      return { commandId } satisfies CommandBody<'beginDrafting'>;
    case 'submitPlan':
      return { commandId, plan: PLAN } satisfies CommandBody<'submitPlan'>;
    case 'signPlan':
      return {
        commandId,
        planVersion: ctx.planVersion,
        party: PLAN.requiredSignatures[ctx.signatures],
      } satisfies CommandBody<'signPlan'>;
    case 'approvePlan':
      return { commandId, planVersion: ctx.planVersion } satisfies CommandBody<'approvePlan'>;
    case 'escalate':
      return {
        commandId,
        trigger: 'FINANCIAL_DISPUTE',
        offeredArrangement: ARRANGEMENT,
      } satisfies CommandBody<'escalate'>;
    case 'decideEscalation':
      return {
        code: 'APPROVE_AS_SUBMITTED',
        rationaleRef: `doc-${ctx.caseReference}`,
      } satisfies TableDecisionBody;
    case 'confirmStart':
      return { commandId } satisfies CommandBody<'confirmStart'>;
    case 'recordEvaluation': {
      // The last evaluation completes; in the scaling variant the first one scales up.
      const last = ctx.evaluations >= 2;
      const outcome = last ? 'COMPLETE' : ctx.variant === 'scaling' ? 'SCALE_UP' : 'CONTINUE';
      return { commandId, evaluation: evaluation(outcome) } satisfies CommandBody<'recordEvaluation'>;
    }
    case 'requestArrangementChange':
      return {
        commandId,
        arrangement: SCALED_UP,
        intensityCode: 'Z',
        reasonCode: 'SCALE_UP_AFTER_EVALUATION',
      } satisfies CommandBody<'requestArrangementChange'>;
    case 'decideArrangementChange':
      return {
        commandId,
        changeId: ctx.changeId ?? 'unknown',
        decision: 'APPROVE',
      } satisfies CommandBody<'decideArrangementChange'>;
    default:
      throw new Error(`no request body for command ${command}: add it to bench/platform/requests.ts`);
  }
}
