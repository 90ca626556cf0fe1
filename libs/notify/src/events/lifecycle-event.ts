/**
 * One lifecycle event as the pull feed returns it and a webhook delivers it (the Standard Webhooks payload
 * shape: `type`, `timestamp`, `data`). Ids, codes, times and links only: never a name, BSN, address or free
 * text (domain decision 11); actors appear by role, not by reference.
 */
export interface LifecycleEvent {
  /** Stable over retries and replays (`evt_…`); the webhook-id, so receivers de-duplicate on it. */
  id: string;
  /** A type of the catalogue, e.g. `trajectory.plan-approved.v1`. */
  type: string;
  /** When it happened in the lifecycle (ISO 8601, UTC). */
  timestamp: string;
  data: LifecycleEventData;
}

export type EventDetails = Record<string, string | number | boolean | null | string[]>;

export interface LifecycleEventData {
  trajectoryId: string;
  municipalityCode: string;
  /** The lead provider when the event was written (null before one is chosen). */
  providerId: string | null;
  /** 1, 2, 3 … per trajectory without gaps, over every event type: the order to apply events in. */
  sequence: number;
  /** The breakthrough-table case the event belongs to, if any. */
  escalationId: string | null;
  /** State changes: who acted, by role (SYSTEM for timers). */
  actorRole?: string;
  planVersion?: number | null;
  decisionVersion?: number | null;
  /** State changes: the transition's codes and ids. */
  details?: EventDetails;
  /** Notices: the role the message is for. */
  audience?: string;
  /** Notices: the ids and codes the message carries (e.g. wait, deadlineAt). */
  ids?: Record<string, string>;
  /** Chain messages: the message, client-less (the case system adds the client block when it leaves). */
  message?: ChainMessagePayload;
  /** API paths to read more (with the receiver's own credentials). */
  links: { trajectory: string; escalation?: string; message?: string };
}

/** The payload of a chain-message event. */
export interface ChainMessagePayload {
  id: string;
  code: string;
  standard: 'iJw' | 'iWmo';
  identification: string;
  /** The message as XML without the client's personal elements. */
  xml: string;
}

/** An event before the writer gives it its per-trajectory sequence. */
export type LifecycleEventDraft = Omit<LifecycleEvent, 'data'> & {
  data: Omit<LifecycleEventData, 'sequence'>;
};
