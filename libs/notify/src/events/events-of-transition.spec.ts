import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { EVENT_CATALOGUE, eventSchema, eventsOfTransition, type LifecycleEvent } from '@app/notify';

const facts = {
  municipalityCode: 'GM0363',
  providerId: 'PRV-0001',
  audit: [
    {
      trajectoryId: 'trajectory-GM0363-CASE-1',
      seq: 8,
      type: 'PLAN_APPROVED',
      actorRole: 'LOCAL_TEAM',
      actorRef: 'employee-17',
      at: '2026-12-06T10:00:00.000Z',
      planVersion: 2,
      decisionVersion: 1,
      details: { arrangementCode: 'JH-MIDDEN', tariffCents: 720000 },
    },
    {
      trajectoryId: 'trajectory-GM0363-CASE-1',
      seq: 7,
      type: 'PLAN_SIGNED',
      actorRole: 'PROVIDER',
      actorRef: 'provider-user-3',
      at: '2026-12-06T09:59:00.000Z',
      details: {},
    },
  ],
  notifications: [
    {
      id: 'trajectory-GM0363-CASE-1:8:DECISION_ISSUED:PROVIDER',
      trajectoryId: 'trajectory-GM0363-CASE-1',
      topic: 'DECISION_ISSUED',
      audience: 'PROVIDER',
      ids: { decisionVersion: '1' },
      createdAt: '2026-12-06T10:00:00.000Z',
    },
  ],
};

describe('eventsOfTransition', () => {
  const events = eventsOfTransition(facts);

  it('orders state changes by audit seq, then the notices they raised', () => {
    expect(events.map((e) => e.type)).toEqual([
      'trajectory.plan-signed.v1',
      'trajectory.plan-approved.v1',
      'notice.decision-issued.v1',
    ]);
  });

  it('derives the same ids on a retry, different ids for different records', () => {
    expect(eventsOfTransition(facts).map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(new Set(events.map((e) => e.id)).size).toBe(3);
    for (const e of events) expect(e.id).toMatch(/^evt_[A-Za-z0-9_-]{26}$/);
  });

  it('carries roles, codes and links, never the actor reference', () => {
    const approved = events[1];
    expect(approved.data).toMatchObject({
      trajectoryId: 'trajectory-GM0363-CASE-1',
      municipalityCode: 'GM0363',
      providerId: 'PRV-0001',
      actorRole: 'LOCAL_TEAM',
      planVersion: 2,
      decisionVersion: 1,
      details: { arrangementCode: 'JH-MIDDEN', tariffCents: 720000 },
      links: { trajectory: '/trajectories/trajectory-GM0363-CASE-1' },
    });
    expect(JSON.stringify(events)).not.toContain('employee-17');
  });

  it('fits the schema of its type once numbered (the catalogue the AsyncAPI document publishes)', () => {
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const byType = new Map(EVENT_CATALOGUE.map((e) => [e.type, ajv.compile(eventSchema(e))]));
    events.forEach((draft, i) => {
      const event: LifecycleEvent = { ...draft, data: { ...draft.data, sequence: i + 1 } };
      const validate = byType.get(event.type)!;
      expect({ type: event.type, valid: validate(event), errors: validate.errors ?? null }).toEqual({
        type: event.type,
        valid: true,
        errors: null,
      });
    });
  });

  it('puts a table case on its own event family with the escalation link', () => {
    const [opened] = eventsOfTransition({
      municipalityCode: 'GM0363',
      providerId: null,
      audit: [
        {
          trajectoryId: 't-1',
          stream: 'esc-1',
          seq: 1,
          type: 'CASE_OPENED',
          actorRole: 'LOCAL_TEAM',
          actorRef: 'x',
          at: '2026-12-06T10:00:00.000Z',
          details: {},
        },
      ],
      notifications: [],
    });
    expect(opened.type).toBe('breakthrough-case.opened.v1');
    expect(opened.data.escalationId).toBe('esc-1');
    expect(opened.data.links.escalation).toBe('/escalations/esc-1');
  });
});
