import { defineQuery } from '@temporalio/workflow';

/** Care domains: Wmo support and youth care (jeugdhulp). */
export const CARE_DOMAINS = ['WMO', 'JEUGD'] as const;
export type CareDomain = (typeof CARE_DOMAINS)[number];

/** domain.md §3.4 R-SEG-01: segment A (free access), B (one tariff per arrangement), C (tailored). */
export const CARE_SEGMENTS = ['A', 'B', 'C'] as const;
export type CareSegment = (typeof CARE_SEGMENTS)[number];

/** domain.md §3.4 R-SEG-03: proposed low/high complexity classes, kept apart from the segment (§1.7). */
export const COMPLEXITY_CLASSES = ['LOW', 'HIGH'] as const;
export type ComplexityClass = (typeof COMPLEXITY_CLASSES)[number];

/** What a municipal case system sends to open a trajectory. Pseudonymous ids only: no BSN, no names. */
export interface StartTrajectoryInput {
  trajectoryId: string;
  municipalityCode: string;
  caseReference: string;
  clientId: string;
  domain: CareDomain;
  segment: CareSegment;
  complexity: ComplexityClass;
  requestType: string;
  intensive: boolean;
  requestedBy: { role: string; ref: string };
}

export interface TrajectoryWorkflowInput {
  start: StartTrajectoryInput;
}

export interface TrajectorySnapshot {
  trajectoryId: string;
  status: string;
  municipalityCode: string;
  caseReference: string;
  domain: CareDomain;
  segment: CareSegment;
  complexity: ComplexityClass;
  createdAt: string;
}

export const getTrajectoryQuery = defineQuery<TrajectorySnapshot>('getTrajectory');
