import { policyDurationProblem, validateTrajectoryPolicy } from '../policy';
import { jsonCopy } from '../shared/json-copy';
import { isKeySafeId, isNonEmptyString, requireText, violation } from '../shared/rule-helpers';
import { closeDraft, openDraft, recordAudit } from '../trajectory/transition-draft';
import type { TrajectoryStart } from '../trajectory/trajectory-start';
import type { Transition, TrajectoryState } from '../trajectory/trajectory-state';
import { CURRENT_RULES, type RulesVersion } from '../trajectory/rules-version';
import { TransitionRejected } from '../shared/transition-rejected';
import type { RuleViolation } from '../shared/transition-rejected';

function startViolations(start: TrajectoryStart): RuleViolation[] {
  const out: RuleViolation[] = [];
  // The id is part of every payment idempotency key `{trajectoryId}:{kind}:…` (domain.md §7.7).
  if (!isKeySafeId(start.trajectoryId)) out.push(violation('trajectoryId', 'a non-empty id without ":"'));
  requireText(out, 'municipalityCode', start.municipalityCode, 'the municipality code is required');
  requireText(out, 'caseReference', start.caseReference, 'the case reference is required');
  requireText(out, 'clientId', start.clientId, 'a pseudonymous client id is required (decisions.md 11)');
  requireText(out, 'requestType', start.requestType, 'the request type is required (D1, R-PLAN-05)');
  if (start.domain !== 'WMO' && start.domain !== 'JEUGD') out.push(violation('domain', 'WMO or JEUGD'));
  if (!['A', 'B', 'C'].includes(start.segment)) {
    out.push(violation('segment', 'segment A, B or C (R-SEG-01)'));
  }
  if (start.complexity !== 'LOW' && start.complexity !== 'HIGH') {
    out.push(violation('complexity', 'LOW or HIGH'));
  }
  if (typeof start.intensive !== 'boolean') out.push(violation('intensive', 'true or false'));
  if (typeof start.policy !== 'object' || start.policy === null) {
    out.push(violation('policy', 'the region policy snapshot is required (decisions.md 2)'));
  } else {
    for (const problem of validateTrajectoryPolicy(start.policy)) out.push(violation('policy', problem));
  }
  if (start.evaluationIntervalOverride !== undefined) {
    const problem = policyDurationProblem(start.evaluationIntervalOverride);
    if (problem !== undefined) out.push(violation('evaluationIntervalOverride', problem));
  }
  if (start.predecessorTrajectoryId !== undefined && start.predecessorTrajectoryId === start.trajectoryId) {
    out.push(violation('predecessorTrajectoryId', 'a predecessor is another trajectory'));
  }
  if (start.leadProviderId !== undefined && !isNonEmptyString(start.leadProviderId)) {
    out.push(violation('leadProviderId', 'a provider id'));
  }
  const role = start.requestedBy?.role;
  if (role !== 'CASE_SYSTEM' && role !== 'LOCAL_TEAM' && role !== 'SYSTEM') {
    out.push(
      violation(
        'requestedBy.role',
        'a trajectory is registered by the case system or the local team (§2.2 step 0)',
      ),
    );
  }
  requireText(out, 'requestedBy.ref', start.requestedBy?.ref, 'a pseudonymous actor ref is required');
  return out;
}

/**
 * How far before its workflow's first task a start's `receivedAt` may lie and still be the creation instant.
 * A start normally reaches its workflow within milliseconds; one that waited longer (no worker running) is
 * created when it runs, as every start was before `receivedAt`, and so is one from a clock ahead of Temporal's.
 * Fixed for good: version-3 histories replay through it, so another value would change their creation instant.
 */
export const RECEIPT_TOLERANCE_MS = 5 * 60_000;

/** The instant a trajectory is created at: its receipt when that was just before `now`, else `now`. */
export function creationInstant(start: TrajectoryStart, now: Date): Date {
  const received = start.receivedAt === undefined ? NaN : Date.parse(start.receivedAt);
  const ago = now.getTime() - received;
  return ago >= 0 && ago <= RECEIPT_TOLERANCE_MS ? new Date(received) : now;
}

/**
 * Registers a trajectory (aanmelding) in INTAKE (domain.md §7.4 `start`), under the current rules unless the
 * workflow replays a run begun under earlier ones (`rulesVersion` 1). Throws TransitionRejected
 * (DOMAIN_RULE_VIOLATION) when the start data break a rule. The policy is copied: it is the trajectory's
 * own frozen snapshot from now on (decisions.md 2).
 */
export function createTrajectory(
  start: TrajectoryStart,
  now: Date,
  rulesVersion: RulesVersion = CURRENT_RULES,
): Transition {
  const violations = startViolations(start);
  if (violations.length > 0) {
    throw new TransitionRejected({
      code: 'DOMAIN_RULE_VIOLATION',
      action: 'createTrajectory',
      currentStatus: 'NONE',
      allowedActions: [],
      violations,
    });
  }
  const at = now.toISOString();
  const initial: TrajectoryState = {
    schemaVersion: 1,
    ...(rulesVersion === 2 ? { rulesVersion: 2 as const } : {}),
    trajectoryId: start.trajectoryId,
    municipalityCode: start.municipalityCode,
    caseReference: start.caseReference,
    clientId: start.clientId,
    domain: start.domain,
    segment: start.segment,
    complexity: start.complexity,
    requestType: start.requestType,
    intensive: start.intensive,
    policy: jsonCopy(start.policy),
    ...(start.evaluationIntervalOverride !== undefined
      ? { evaluationIntervalOverride: jsonCopy(start.evaluationIntervalOverride) }
      : {}),
    ...(start.predecessorTrajectoryId !== undefined
      ? { predecessorTrajectoryId: start.predecessorTrajectoryId }
      : {}),
    ...(start.leadProviderId !== undefined ? { leadProviderId: start.leadProviderId } : {}),
    status: 'INTAKE',
    createdAt: at,
    updatedAt: at,
    auditSeq: 0,
    recentCommandIds: [],
    planRequired: true,
    rounds: [],
    escalations: [],
    decisions: [],
    care: { evaluationDue: false, evaluationOverdue: false },
    evaluations: [],
    changeCount: 0,
    paymentHistory: [],
    payments: [],
  };
  const draft = openDraft(initial, now);
  recordAudit(draft, 'TRAJECTORY_STARTED', start.requestedBy, {
    municipalityCode: start.municipalityCode,
    caseReference: start.caseReference,
    domain: start.domain,
    segment: start.segment,
    complexity: start.complexity,
    requestType: start.requestType,
    intensive: start.intensive,
    policyId: start.policy.policyId,
    policyVersion: start.policy.version,
    predecessorTrajectoryId: start.predecessorTrajectoryId ?? null,
  });
  return closeDraft(draft);
}
