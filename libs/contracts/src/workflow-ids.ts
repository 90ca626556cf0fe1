/**
 * Business workflow ids. One trajectory per municipality and case reference of the municipal case system:
 * the id makes a repeated start request find the running workflow instead of creating a second one.
 */
/** A municipality code has no dash, so the id `trajectory-<municipality>-<case ref>` parses back unambiguously. */
export const MUNICIPALITY_CODE = /^[A-Za-z0-9]{1,16}$/;
export const CASE_REFERENCE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The pseudonymous client id of a trajectory, as the case system and the municipality's portal know it. */
export const CLIENT_ID = /^[A-Za-z0-9._-]{4,100}$/;

export function trajectoryWorkflowId(municipalityCode: string, caseReference: string): string {
  if (!MUNICIPALITY_CODE.test(municipalityCode) || !CASE_REFERENCE.test(caseReference)) {
    throw new Error(
      `municipality code must match ${MUNICIPALITY_CODE.source}, case reference ${CASE_REFERENCE.source}`,
    );
  }
  return `trajectory-${municipalityCode}-${caseReference}`;
}

/** The municipality a trajectory id belongs to (tenant checks without a database round trip). */
export function municipalityOfTrajectory(trajectoryId: string): string | undefined {
  return /^trajectory-([A-Za-z0-9]{1,16})-/.exec(trajectoryId)?.[1];
}

/** Escalation ids are `<trajectory id>-esc-<n>` (libs/domain escalation-raising). */
export function trajectoryOfEscalation(escalationId: string): string | undefined {
  return /^(.+)-esc-\d+$/.exec(escalationId)?.[1];
}

/** domain.md §7.6: one breakthrough-table case (child workflow) per escalation. */
export function breakthroughWorkflowId(escalationId: string): string {
  return `breakthrough-${escalationId}`;
}
