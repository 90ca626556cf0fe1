/**
 * An assignment (toewijzing) of one product to one provider for one trajectory, as the chain knows it: the
 * product, its volume and period, and the number (ToewijzingNummer) it keeps for its whole life (IV066).
 */
export interface Assignment {
  /** Undefined until stored (a new assignment gets its number from the database sequence). */
  assignmentNumber?: number;
  trajectoryId: string;
  providerId: string;
  arrangementCode: string;
  productCategory: string;
  productCode: string;
  /** Eenheid (WJ756) and Frequentie (WMO757) from the arrangement catalogue. */
  unit: string;
  frequency: string;
  /** Omvang/Volume: with eenheid 83 the budget in euro cents (IV042), with 82 the number of trajectories. */
  volume: number;
  validFrom: string;
  validTo: string;
  /** The decision version that created it, and the latest that changed it. */
  firstDecisionVersion: number;
  decisionVersion: number;
  /** RedenWijziging (JZ002) of its latest change; undefined for an assignment as first issued. */
  changeReason?: string;
  /** ReferentieAanbieder: the 315/317 request it honours. */
  providerReference?: string;
}

/** The catalogue's product of an arrangement, which an assignment is for. */
export interface ArrangementProduct {
  arrangementCode: string;
  productCategory: string;
  productCode: string;
  unit: string;
  frequency: string;
}

/** Omvang/Volume of a decision: its total budget in cents under eenheid 83 (IV042); otherwise one trajectory. */
export function volumeOf(unit: string, totalBudgetCents: number): number {
  return unit === '83' ? totalBudgetCents : 1;
}
