import type { Type } from '@nestjs/common';
import type { CommandPayload } from '@app/contracts';
import type { ArrangementTerms, ProviderRegisterFacts, TrajectoryCommandType } from '@app/domain';

/** What a route sends to the workflow: the command without the actor (the actor comes from the token). */
export type ActionPayload<T extends TrajectoryCommandType> = Omit<CommandPayload<T>, 'actor'>;

/** What a route's mapping may ask for while turning its body into a command. */
export interface PayloadContext {
  trajectoryId: string;
  /** The catalogue's terms of an arrangement code (R-TAR-03, P06: the tariff never comes from the caller). */
  arrangement(code: string, field: string): Promise<ArrangementTerms>;
  /** `{ [key]: terms }` when a code is given, `{}` when not: for optional arrangement fields. */
  optionalArrangement<K extends string>(
    key: K,
    code: string | undefined,
    field: string,
  ): Promise<Partial<Record<K, ArrangementTerms>>>;
  /**
   * The provider register's standing of these providers for an arrangement in its region, today: the facts
   * plan/submit is checked against (never the caller's say).
   */
  providerStandings(
    arrangement: ArrangementTerms,
    providerIds: readonly string[],
  ): Promise<ProviderRegisterFacts>;
  /** The workflow id of a successor, addressed like any trajectory: municipality + the new case reference. */
  successorId(caseReference: string): string | undefined;
  /** Whether the caller is the family itself (CLIENT): what it may choose is checked here, not attested. */
  byFamily: boolean;
  /** The providers this trajectory's family may choose as lead provider today (R-ROLE-05). */
  choosableLeadProviders(): Promise<{ providerId: string; name: string }[]>;
}

/**
 * One lifecycle action of the API: POST /trajectories/:trajectoryId/<path> sends `command`. The roles come
 * from the command's descriptor in the domain; `operation` names the OpenAPI operation (and its id, so
 * generated clients keep their method names); `body` is the request schema, validated before anything runs.
 */
export interface LifecycleRoute {
  operation: string;
  path: string;
  command: TrajectoryCommandType;
  body?: Type<object>;
  summary: string;
  toPayload?(body: object, context: PayloadContext): Promise<object> | object;
}

interface RouteSpec<T extends TrajectoryCommandType, D extends object> {
  operation: string;
  path: string;
  command: T;
  body?: Type<D>;
  summary: string;
}

type PayloadMapper<T extends TrajectoryCommandType, D> = (
  body: D,
  context: PayloadContext,
) => Promise<ActionPayload<T>> | ActionPayload<T>;

/**
 * Declares a route. Without `toPayload` the body must already be the command's payload; otherwise the
 * mapping must produce that payload. Both are checked by the compiler against the domain's command type.
 */
export function route<T extends TrajectoryCommandType, D extends object = ActionPayload<T>>(
  spec: RouteSpec<T, D> &
    (D extends ActionPayload<T> ? { toPayload?: PayloadMapper<T, D> } : { toPayload: PayloadMapper<T, D> }),
): LifecycleRoute {
  return spec as LifecycleRoute;
}
