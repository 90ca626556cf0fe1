/** The workflow states of a trajectory (traject), domain.md §7.3. */
export type TrajectoryStatus =
  | 'INTAKE'
  | 'DRAFTING'
  | 'AWAITING_APPROVAL'
  | 'CHANGES_REQUESTED'
  | 'ESCALATED'
  | 'DECIDED'
  | 'ACTIVE'
  | 'REASSESSMENT'
  | 'COMPLETING'
  | 'CLOSED';

export const TRAJECTORY_STATUSES: readonly TrajectoryStatus[] = [
  'INTAKE',
  'DRAFTING',
  'AWAITING_APPROVAL',
  'CHANGES_REQUESTED',
  'ESCALATED',
  'DECIDED',
  'ACTIVE',
  'REASSESSMENT',
  'COMPLETING',
  'CLOSED',
];

/** States in which care is being delivered under a valid or renewing decision (domain.md §7.3). */
export function isInCare(status: TrajectoryStatus): boolean {
  return status === 'ACTIVE' || status === 'REASSESSMENT';
}
