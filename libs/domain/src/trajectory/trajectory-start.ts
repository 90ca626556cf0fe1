import type { PolicyDuration, TrajectoryPolicy } from '../policy';
import type { Actor } from '../shared/actor';
import type { CareDomain, CareSegment, ComplexityClass } from '../shared/arrangement-terms';

/**
 * What starts a trajectory (aanmelding, domain.md §2.2 step 0). `clientId` is a pseudonym: the case
 * system keeps the identity (decisions.md 11). `policy` is the region's policy version, frozen for the
 * life of the trajectory (decisions.md 2); per-trajectory changes go through mergePolicyOverrides.
 */
export interface TrajectoryStart {
  trajectoryId: string;
  municipalityCode: string;
  caseReference: string;
  clientId: string;
  domain: CareDomain;
  segment: CareSegment;
  complexity: ComplexityClass;
  requestType: string;
  /** Intensive (Wmo) indication: shorter evaluation interval (R-TIME-04, domain.md §7.5). */
  intensive: boolean;
  policy: TrajectoryPolicy;
  /** Evaluation frequency set by the client's vulnerability (R-TIME-05); wins over the policy. */
  evaluationIntervalOverride?: PolicyDuration;
  predecessorTrajectoryId?: string;
  leadProviderId?: string;
  requestedBy: Actor;
  /**
   * When the platform received the request (ISO instant, the API's clock; issue 20). The trajectory is created
   * at that instant when it lies shortly before its workflow first runs (creationInstant), so whoever starts it
   * knows its deadlines and can set every search attribute at the start.
   */
  receivedAt?: string;
}
