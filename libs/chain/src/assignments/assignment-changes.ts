import { isClosureReason, type ClosureReason, type DecisionCause } from '@app/domain';

export type { ClosureReason, DecisionCause };

/** A closure reason of the domain, or undefined for any other text (a read-model row, an audit detail). */
export function asClosureReason(value: string): ClosureReason | undefined {
  return isClosureReason(value) ? value : undefined;
}
import { addDays } from '../iso-day';
import { volumeOf, type Assignment, type ArrangementProduct } from './assignment';

/** A decision version as the chain needs it (care_decision row plus the arrangement's product). */
export interface DecisionFacts {
  trajectoryId: string;
  version: number;
  cause: DecisionCause;
  validFrom: string;
  validTo: string;
  totalBudgetCents: number;
  providerId: string;
  product: ArrangementProduct;
}

/** The request (315 or 317) a decision honours, when the provider asked for it through the chain. */
export interface HonouredRequest {
  kind: '315' | '317';
  providerReference: string;
}

/** What a decision or a closure does to a trajectory's assignments: the ones ended or changed, the one created. */
export interface AssignmentChanges {
  /** Existing assignments with new terms (a new end date, volume or reason); they keep their number. */
  changed: Assignment[];
  /** A new assignment (new number): the first, another product, or another provider. */
  created?: Assignment;
}

/** RedenWijziging (JZ002) codes the product sets. */
const REASON = {
  deceased: '02',
  contractChange: '03',
  extension: '04',
  shortening: '05',
  otherDomain: '06',
  moved: '07',
  providerSwitch: '09',
  byProvider: '12',
  removed: '13',
} as const;

function sameProduct(a: Assignment, p: ArrangementProduct): boolean {
  return a.productCategory === p.productCategory && a.productCode === p.productCode && a.unit === p.unit;
}

/**
 * Ends an assignment the day before `from`. A change that takes effect on the assignment's first day leaves
 * it that one day (both products were assigned that day); one that takes effect before it began removes it:
 * reason 13 with Einddatum = Ingangsdatum (CS335).
 */
function endBefore(a: Assignment, from: string, reason: string, version: number): Assignment {
  if (from < a.validFrom)
    return { ...a, validTo: a.validFrom, changeReason: REASON.removed, decisionVersion: version };
  const lastDay = from === a.validFrom ? a.validFrom : addDays(from, -1);
  return {
    ...a,
    validTo: lastDay < a.validTo ? lastDay : a.validTo,
    changeReason: reason,
    decisionVersion: version,
  };
}

/** Why the same product got other terms: the provider's request, a renewal, a price, or scaling either way. */
function reasonOfChange(a: Assignment, d: DecisionFacts, volume: number, request?: HonouredRequest): string {
  if (request?.kind === '317') return REASON.byProvider;
  if (d.cause === 'RENEWAL') return REASON.extension;
  if (d.cause === 'PRICE_CORRECTION' || d.cause === 'BREAKTHROUGH') return REASON.contractChange;
  return d.validTo > a.validTo || volume > a.volume ? REASON.extension : REASON.shortening;
}

/**
 * The assignments after a decision version (IV066, IV099, OP033x1, OP380). The first decision creates one.
 * The same provider and product keep the number and change the end date or volume in place (frequentie 6
 * allows a volume change; the volume is the decision's total budget, R-TAR-01), whatever day the new version
 * starts on, unless the assignment had lapsed before it. Another product or another provider end the current
 * one and create a new one. The request honoured sets ReferentieAanbieder (IV094, IV097) and, for a 317, reason 12.
 */
export function assignmentsAfterDecision(
  current: Assignment | undefined,
  d: DecisionFacts,
  request?: HonouredRequest,
): AssignmentChanges {
  const volume = volumeOf(d.product.unit, d.totalBudgetCents);
  const fresh: Assignment = {
    trajectoryId: d.trajectoryId,
    providerId: d.providerId,
    ...d.product,
    volume,
    validFrom: d.validFrom,
    validTo: d.validTo,
    firstDecisionVersion: d.version,
    decisionVersion: d.version,
    ...(request ? { providerReference: request.providerReference } : {}),
  };
  if (!current) return { changed: [], created: fresh };
  if (current.providerId !== d.providerId) {
    return { changed: [endBefore(current, d.validFrom, REASON.providerSwitch, d.version)], created: fresh };
  }
  // OP380: the same product that has not lapsed is stretched in place; after a gap it is assigned anew.
  const lapsed = d.validFrom > addDays(current.validTo, 1);
  if (!sameProduct(current, d.product) || lapsed) {
    if (lapsed) return { changed: [], created: fresh };
    const reason = request?.kind === '317' ? REASON.byProvider : REASON.shortening;
    return { changed: [endBefore(current, d.validFrom, reason, d.version)], created: fresh };
  }
  const unchanged = current.validTo === d.validTo && current.volume === volume;
  if (unchanged) {
    // Nothing the chain sees changed (e.g. a provisional decision confirmed at the same price).
    return {
      changed: [{ ...current, decisionVersion: d.version, changeReason: undefined, ...referenceOf(request) }],
    };
  }
  return {
    changed: [
      {
        ...current,
        arrangementCode: d.product.arrangementCode,
        volume,
        validTo: d.validTo,
        decisionVersion: d.version,
        changeReason: reasonOfChange(current, d, volume, request),
        ...referenceOf(request),
      },
    ],
  };
}

function referenceOf(request?: HonouredRequest): Partial<Assignment> {
  return request ? { providerReference: request.providerReference } : {};
}

/** Dropout reason codes (as the 307 reader maps them) that have a reason of their own in JZ002. */
const DROPOUT_REASONS: Record<string, string> = {
  CLIENT_DECEASED: REASON.deceased,
  OTHER_DOMAIN: REASON.otherDomain,
  CLIENT_MOVED: REASON.moved,
  // JZ588 35 "wegens externe omstandigheden" pairs with RedenWijziging 07 in the codelist's own table.
  EXTERNAL_CIRCUMSTANCES: REASON.moved,
};

/** RedenWijziging of an assignment cut short by a closure. */
export function reasonOfClosure(reason: ClosureReason, dropoutReasonCode?: string): string {
  switch (reason) {
    case 'CLIENT_SWITCHED_PROVIDER':
      return REASON.providerSwitch;
    case 'TRANSFERRED_BY_MUNICIPALITY':
      return REASON.contractChange;
    case 'EARLY_DROPOUT':
      return (dropoutReasonCode && DROPOUT_REASONS[dropoutReasonCode]) ?? REASON.shortening;
    default:
      return REASON.shortening;
  }
}

/**
 * The assignment after its trajectory closed on `closedOn` (Dutch date): the end date moves to that day when
 * it lies before the planned end; an assignment closed before it began is removed (13). A trajectory that
 * closes at or after the planned end leaves the assignment as it is.
 */
export function assignmentAfterClosure(
  current: Assignment,
  closedOn: string,
  reason: ClosureReason,
  dropoutReasonCode?: string,
): Assignment | undefined {
  if (closedOn >= current.validTo) return undefined;
  return endBefore(
    current,
    addDays(closedOn, 1),
    reasonOfClosure(reason, dropoutReasonCode),
    current.decisionVersion,
  );
}

/**
 * The products a 301 lists for one client at one provider (OP087): every assignment valid on or after the
 * day, and those changed by this message even when they ended before it. Removed ones (13) are listed once,
 * when removed.
 */
export function assignmentsOfMessage(
  all: readonly Assignment[],
  day: string,
  changed: ReadonlySet<number>,
): Assignment[] {
  return all
    .filter(
      (a) => changed.has(a.assignmentNumber!) || (a.validTo >= day && a.changeReason !== REASON.removed),
    )
    .sort((a, b) => a.assignmentNumber! - b.assignmentNumber!);
}
