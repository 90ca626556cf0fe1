import { createHash } from 'node:crypto';
import type { AuditRecord, NotificationRow } from '@app/contracts';
import {
  chainMessageEventType,
  noticeEventType,
  stateChangeEventType,
  type ChainMessageCode,
} from './event-catalogue';
import type { ChainMessagePayload, LifecycleEventDraft } from './lifecycle-event';

/** What the bookkeeping write of one transition knows: its records and the trajectory's tenant. */
export interface TransitionFacts {
  audit: readonly AuditRecord[];
  notifications: readonly NotificationRow[];
  municipalityCode: string;
  providerId: string | null;
}

/**
 * The events of one bookkeeping write, in order: the state changes by audit seq, then the notices they raised.
 * Pure and deterministic: a retried or replayed write derives the same ids, so the outbox keeps one row each.
 */
export function eventsOfTransition(facts: TransitionFacts): LifecycleEventDraft[] {
  const base = { municipalityCode: facts.municipalityCode, providerId: facts.providerId };
  const stateChanges = [...facts.audit]
    .sort((a, b) => a.seq - b.seq)
    .map((a): LifecycleEventDraft => {
      const escalationId = a.stream && a.stream !== 'trajectory' ? a.stream : null;
      return {
        id: eventId(`audit|${a.trajectoryId}|${a.stream ?? 'trajectory'}|${a.seq}`),
        type: stateChangeEventType(escalationId ? 'case' : 'trajectory', a.type),
        timestamp: a.at,
        data: {
          trajectoryId: a.trajectoryId,
          ...base,
          escalationId,
          actorRole: a.actorRole,
          planVersion: a.planVersion ?? null,
          decisionVersion: a.decisionVersion ?? null,
          details: a.details as LifecycleEventDraft['data']['details'],
          links: linksOf(a.trajectoryId, escalationId),
        },
      };
    });
  const notices = facts.notifications.map((n): LifecycleEventDraft => {
    const escalationId = n.ids.escalationId ?? null;
    return {
      id: noticeEventId(n.id),
      type: noticeEventType(n.topic),
      timestamp: n.createdAt,
      data: {
        trajectoryId: n.trajectoryId,
        ...base,
        escalationId,
        audience: n.audience,
        ids: n.ids,
        links: linksOf(n.trajectoryId, escalationId),
      },
    };
  });
  return [...stateChanges, ...notices];
}

/** The event id of a notice (its notification row's id), to find the event a notification became. */
export function noticeEventId(notificationId: string): string {
  return eventId(`notice|${notificationId}`);
}

/** The event of a chain message the municipality sent (issue 17): its payload is the client-less message. */
export function chainMessageEvent(facts: {
  message: ChainMessagePayload;
  code: ChainMessageCode;
  trajectoryId: string;
  municipalityCode: string;
  providerId: string;
  at: string;
}): LifecycleEventDraft {
  return {
    id: eventId(`chain|${facts.message.id}`),
    type: chainMessageEventType(facts.code),
    timestamp: facts.at,
    data: {
      trajectoryId: facts.trajectoryId,
      municipalityCode: facts.municipalityCode,
      providerId: facts.providerId,
      escalationId: null,
      message: facts.message,
      links: {
        ...linksOf(facts.trajectoryId, null),
        message: `/chain/messages/${encodeURIComponent(facts.message.id)}`,
      },
    },
  };
}

/** `evt_` and 26 characters of a SHA-256 of the record's identity (no content, so nothing leaks). */
function eventId(identity: string): string {
  return `evt_${createHash('sha256').update(identity).digest('base64url').slice(0, 26)}`;
}

function linksOf(trajectoryId: string, escalationId: string | null): LifecycleEventDraft['data']['links'] {
  const trajectory = `/trajectories/${encodeURIComponent(trajectoryId)}`;
  return escalationId
    ? { trajectory, escalation: `/escalations/${encodeURIComponent(escalationId)}` }
    : { trajectory };
}
