/**
 * What the provider register (kept by contract management in PostgreSQL) says about one provider a plan
 * names, as the API looked it up when the plan was submitted. The caller never sends these: the API fills
 * them in from the register (issue 14: facts, not flags).
 */
export interface ProviderStanding {
  /** Holds a contract, valid today, in the trajectory's region for the plan's arrangement. */
  contracted: boolean;
  /** That contract lets the provider, as lead provider, work with subcontractors (R-ROLE-06: a region's choice). */
  subcontractingAllowed: boolean;
  /** A client intake freeze (cliëntenstop, R-END-03) in force today. */
  intakeFreeze?: { since: string; reasonCode: string };
}

/** The register's view of a plan's lead provider and subcontractors, for one region and arrangement. */
export interface ProviderRegisterFacts {
  regionId: string;
  arrangementCode: string;
  /** Keyed by provider id; a provider the register does not know has no entry. */
  providers: Record<string, ProviderStanding>;
}
