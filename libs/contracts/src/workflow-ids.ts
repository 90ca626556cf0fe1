/**
 * Business workflow ids. One trajectory per municipality and case reference of the municipal case system:
 * the id makes a repeated start request find the running workflow instead of creating a second one.
 */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isSafeIdPart(value: string): boolean {
  return SAFE.test(value);
}

export function trajectoryWorkflowId(municipalityCode: string, caseReference: string): string {
  if (!isSafeIdPart(municipalityCode) || !isSafeIdPart(caseReference)) {
    throw new Error('municipality code and case reference must match ' + SAFE.source);
  }
  return `trajectory-${municipalityCode}-${caseReference}`;
}

/** domain.md §7.6: one breakthrough-table case (child workflow) per escalation. */
export function breakthroughWorkflowId(escalationId: string): string {
  return `breakthrough-${escalationId}`;
}
