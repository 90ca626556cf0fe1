import type { ClientTrajectoryFact, MonitoringPeriod, TrajectoryFact } from './monitoring-facts';
import { closedIn } from './outcome-figures';
import { groupBy, rate } from './statistics';

/** decisions.md 9: the re-entry window after a closure. */
export const REENTRY_WINDOW_MONTHS = 12;

export interface ReentryCounts {
  closures: number;
  reentries: number;
  rate: number | null;
  /** Closures less than 12 months ago that have not re-entered yet: their answer can still change. */
  windowOpen: number;
}

/**
 * Re-entry (decisions.md 9, domain.md §6.7 — a product addition, not from the documents): of the
 * trajectories CLOSED in the period, the share whose client (the same pseudonymous clientId) starts a new
 * trajectory in the same domain within 12 months after the closure, overall and per provider. A closure
 * with a successor (restart for a new need, provider switch, transfer) continues the same care and is not
 * counted; neither is the successor of the closed trajectory as a new start.
 */
export interface ReentryFigures {
  overall: ReentryCounts;
  byProvider: (ReentryCounts & { providerId: string | null })[];
}

export function addMonths(iso: string, months: number): Date {
  const d = new Date(iso);
  const day = d.getUTCDate();
  const shifted = new Date(d.getTime());
  shifted.setUTCDate(1);
  shifted.setUTCMonth(shifted.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, 0)).getUTCDate();
  shifted.setUTCDate(Math.min(day, lastDay));
  return shifted;
}

/** Whether the client of a closed trajectory started another one in the same domain within the window. */
export function reentered(
  closed: TrajectoryFact,
  clientTrajectories: readonly ClientTrajectoryFact[],
): boolean {
  if (closed.closedAt === null) return false;
  const from = Date.parse(closed.closedAt);
  const until = addMonths(closed.closedAt, REENTRY_WINDOW_MONTHS).getTime();
  return clientTrajectories.some((c) => {
    if (c.clientId !== closed.clientId || c.domain !== closed.domain) return false;
    if (c.trajectoryId === closed.trajectoryId || c.predecessorTrajectoryId === closed.trajectoryId)
      return false;
    const at = Date.parse(c.createdAt);
    return at > from && at <= until;
  });
}

function counts(
  closures: readonly TrajectoryFact[],
  clients: ReadonlyMap<string, ClientTrajectoryFact[]>,
  now: number,
): ReentryCounts {
  let reentries = 0;
  let windowOpen = 0;
  for (const t of closures) {
    if (reentered(t, clients.get(t.clientId) ?? [])) reentries += 1;
    else if (addMonths(t.closedAt!, REENTRY_WINDOW_MONTHS).getTime() > now) windowOpen += 1;
  }
  return { closures: closures.length, reentries, rate: rate(reentries, closures.length), windowOpen };
}

export function reentryFigures(
  trajectories: readonly TrajectoryFact[],
  clientTrajectories: readonly ClientTrajectoryFact[],
  period: MonitoringPeriod,
  now: string,
): ReentryFigures {
  const closures = closedIn(trajectories, period).filter((t) => t.successorTrajectoryId === null);
  const clients = new Map<string, ClientTrajectoryFact[]>();
  for (const c of clientTrajectories) {
    const list = clients.get(c.clientId);
    if (list) list.push(c);
    else clients.set(c.clientId, [c]);
  }
  const at = Date.parse(now);
  return {
    overall: counts(closures, clients, at),
    byProvider: groupBy(closures, (t) => t.providerId).map(([providerId, group]) => ({
      providerId,
      ...counts(group, clients, at),
    })),
  };
}
