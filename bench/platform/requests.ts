import type { BreakthroughDecisionDto } from '../../apps/api/src/trajectories/dto/breakthrough.dto';
import type {
  ArrangementChangeDecisionDto,
  ArrangementChangeRequestDto,
  ConfirmCompletionDto,
  EvaluationDto,
  RecordEvaluationDto,
} from '../../apps/api/src/trajectories/dto/care.dto';
import type { EscalateDto } from '../../apps/api/src/trajectories/dto/intake.dto';
import type {
  ChooseLeadProviderDto,
  PlanVersionDto,
  SignPlanDto,
} from '../../apps/api/src/trajectories/dto/plan.dto';
import type { StartTrajectoryDto } from '../../apps/api/src/trajectories/dto/start-trajectory.dto';
import type { Role } from '@app/contracts';
import { planSubmission } from '../../test/support/plan-submission';
import { EVALUATION_TIMER, type TrajectoryVariant } from '../trajectory-shape';

/**
 * Request bodies of the benchmark trajectories, exactly as test/api-lifecycle.e2e.test.ts posts them. They
 * are typed by the API's own DTOs (type-only imports), so tsc flags the benchmark when a DTO changes. The
 * baseline sends the same bodies as its update payloads: equal payload sizes on both sides.
 */
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
// A provider the demo register contracts for every West-Friesland arrangement (migration 1765000000001).
export const PROVIDER_ID = 'PRV-HORIZON';

/** Demo catalogue rows (libs/persistence/src/migrations/1764300000001-DemoArrangementCatalogue.ts). */
const SCALED_UP_CODE = 'WF-J-B-OPV-Z';

/** `shortTimers: false` keeps the region's months-long timers: trajectories that stay open (scenario open). */
export function startBody(ctx: TrajectoryContext, shortTimers = true): StartTrajectoryDto {
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
          },
        }
      : {}),
  };
}

const PLAN = planSubmission(PROVIDER_ID);

/** Who signs for a party: the case system for the client, the lead provider for itself. */
const SIGNER: Record<string, Role> = { CLIENT: 'CASE_SYSTEM', LEAD_PROVIDER: 'PROVIDER' };

function evaluation(outcome: EvaluationDto['outcome']): EvaluationDto {
  return {
    resultAssessments: [
      { resultId: 'r1', attainment: outcome === 'COMPLETE' ? 'ACHIEVED' : 'PARTIAL' },
      { resultId: 'r2', attainment: 'ACHIEVED' },
    ],
    clientSatisfaction: 'POSITIVE',
    outcome,
  };
}

/** The token role a step is sent with when it is not the route's default (bench/platform/routes.ts). */
export function commandRole(command: string, ctx: TrajectoryContext): Role | undefined {
  return command === 'signPlan' ? SIGNER[PLAN.requiredSignatures[ctx.signatures]] : undefined;
}

/** The body of a shape step's command (see SHAPES in bench/trajectory-shape.ts); undefined: no body. */
export function commandBody(command: string, ctx: TrajectoryContext): object | undefined {
  switch (command) {
    case 'beginDrafting':
    case 'confirmStart':
      return undefined;
    case 'chooseLeadProvider':
      return { leadProviderId: PROVIDER_ID, chosenByFamily: true } satisfies ChooseLeadProviderDto;
    case 'submitPlan':
      return PLAN;
    case 'signPlan':
      return {
        planVersion: ctx.planVersion,
        party: PLAN.requiredSignatures[ctx.signatures],
      } satisfies SignPlanDto;
    case 'approvePlan':
      return { planVersion: ctx.planVersion } satisfies PlanVersionDto;
    case 'escalate':
      return { trigger: 'FINANCIAL_DISPUTE' } satisfies EscalateDto;
    case 'decideEscalation':
      return {
        code: 'APPROVE_AS_SUBMITTED',
        rationaleRef: `rationale-${ctx.index}`,
      } satisfies BreakthroughDecisionDto;
    case 'recordEvaluation':
      // In the scaling variant the first evaluation scales up; otherwise care continues.
      return {
        evaluation: evaluation(ctx.variant === 'scaling' && ctx.evaluations === 1 ? 'SCALE_UP' : 'CONTINUE'),
      } satisfies RecordEvaluationDto;
    case 'requestArrangementChange':
      return {
        arrangementCode: SCALED_UP_CODE,
        reasonCode: 'RESULTS_NOT_ACHIEVED',
      } satisfies ArrangementChangeRequestDto;
    case 'decideArrangementChange':
      return {
        changeId: ctx.changeId ?? 'unknown',
        decision: 'APPROVE',
      } satisfies ArrangementChangeDecisionDto;
    case 'confirmCompletion':
      return { finalEvaluation: evaluation('COMPLETE') } satisfies ConfirmCompletionDto;
    default:
      throw new Error(`no request body for command ${command}: add it to bench/platform/requests.ts`);
  }
}
