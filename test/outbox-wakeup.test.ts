import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { AppConfig } from '@app/config';
import { noticeEventType, type LifecycleEventDraft } from '@app/notify';
import {
  dataSourceOptions,
  eventsKnownColumns,
  insertEvents,
  OUTBOX_CHANNEL,
  runMigrations,
  type EventsKnown,
  type OutboxTopic,
} from '@app/persistence';
import { OutboxWakeup, topicsOf } from '../apps/worker/src/delivery/outbox-wakeup';
import { createOwnDatabase } from './support/database';
import { settled } from './support/settled';

/**
 * The outbox's wake-ups (issue 20): a commit wakes only the dispatchers it gave work, and none when it gave
 * none, so the webhook and mail loops no longer poll after every transition. A database of its own, so no other
 * file's commits reach this listener.
 */
jest.setTimeout(60_000);

let own: { url: string; drop(): Promise<void> };
let db: DataSource;
let listener: Client;
const heard: string[] = [];

beforeAll(async () => {
  own = await createOwnDatabase('outbox_wakeup');
  await runMigrations(own.url);
  db = await new DataSource(dataSourceOptions(own.url, 2)).initialize();
  listener = new Client({ connectionString: own.url });
  listener.on('notification', (message) => heard.push(message.payload ?? ''));
  await listener.connect();
  await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
});

afterAll(async () => {
  await listener?.end();
  await db?.destroy();
  await own?.drop();
});

let counter = 0;

/** A state change, or a notice (whose notification row the bookkeeping writes beside it). */
function draft(municipalityCode: string, kind: 'state change' | 'notice'): LifecycleEventDraft {
  counter += 1;
  const trajectoryId = `trajectory-wakeup-${process.pid}-${counter}`;
  return {
    id: `evt_wakeup_${process.pid}_${counter}`,
    type: kind === 'notice' ? noticeEventType('DEADLINE_APPROACHING') : 'trajectory.plan-approved.v1',
    timestamp: new Date().toISOString(),
    data: {
      trajectoryId,
      municipalityCode,
      providerId: null,
      escalationId: null,
      ...(kind === 'notice' ? { audience: 'LOCAL_TEAM' } : {}),
      links: { trajectory: `/trajectories/${trajectoryId}` },
    },
  };
}

/**
 * Commits events of these kinds (one trajectory) through `insertEvents`, then a sentinel, and returns what was
 * heard up to the sentinel.
 */
async function heardAfter(
  municipalityCode: string,
  kinds: Array<'state change' | 'notice'>,
): Promise<string[]> {
  heard.length = 0;
  await db.transaction(async (tx) => {
    const [first, ...rest] = kinds.map((kind) => draft(municipalityCode, kind));
    const events = [
      first,
      ...rest.map((e) => ({ ...e, data: { ...e.data, trajectoryId: first.data.trajectoryId } })),
    ];
    const [known] = (await tx.query(`SELECT ${eventsKnownColumns('$1', '$2')}`, [
      first.data.trajectoryId,
      events.map((e) => e.id),
    ])) as EventsKnown[];
    expect(await insertEvents(tx, events, known)).toBe(events.length);
  });
  // Notifications of one session arrive in commit order: the sentinel comes after anything the commit sent.
  await db.query(`SELECT pg_notify($1, 'sentinel')`, [OUTBOX_CHANNEL]);
  const all = await settled(
    async () => [...heard],
    (payloads) => payloads.includes('sentinel'),
  );
  expect(all).toContain('sentinel');
  return all.slice(0, all.indexOf('sentinel'));
}

describe('what a commit that appends events wakes', () => {
  it('nothing, when it queued no delivery and composed no notification', async () => {
    expect(await heardAfter('0001', ['state change'])).toEqual([]);
  });

  it('the mail dispatcher, when the transition wrote notifications', async () => {
    expect(await heardAfter('0002', ['state change', 'notice'])).toEqual(['mail']);
  });

  it('the webhook dispatcher, when a subscription matched (and mail besides, for a notice)', async () => {
    await db.query(
      `INSERT INTO webhook_subscription (id, municipality_code, url, event_types, status, secret_sealed, created_by)
       VALUES (gen_random_uuid(), '0003', 'http://127.0.0.1:9/hook', ARRAY['trajectory.plan-approved.v1'],
               'ACTIVE', 'sealed', 'test')`,
    );
    expect(await heardAfter('0003', ['state change'])).toEqual(['webhook']);
    expect(await heardAfter('0003', ['state change', 'notice'])).toEqual(['webhook,mail']);
    const [{ n }] = (await db.query(`SELECT count(*)::int AS n FROM webhook_delivery`)) as { n: number }[];
    expect(n).toBe(2);
  });
});

describe('OutboxWakeup', () => {
  it('reads the topics of a payload; one it does not know (an older writer’s "event") is every topic', () => {
    expect(topicsOf('webhook')).toEqual(['webhook']);
    expect(topicsOf('webhook,mail')).toEqual(['webhook', 'mail']);
    expect(topicsOf('mail')).toEqual(['mail']);
    expect(topicsOf('event')).toEqual(['webhook', 'mail']);
    expect(topicsOf(undefined)).toEqual(['webhook', 'mail']);
  });

  it('wakes the loops waiting for the topics a notification names, keeps one for a busy loop, leaves the rest', async () => {
    const wakeup = new OutboxWakeup({ databaseUrl: own.url } as AppConfig);
    await wakeup.start();
    try {
      const woken: OutboxTopic[] = [];
      const waiting = (topic: OutboxTopic) => wakeup.wait(60_000, topic).then(() => void woken.push(topic));
      const mail = waiting('mail');
      const webhook = waiting('webhook');

      await db.query(`SELECT pg_notify($1, 'webhook')`, [OUTBOX_CHANNEL]);
      await webhook;
      // A notification wakes its waiters in one pass: had it woken the mail loop, that would have run by now.
      await new Promise((resolve) => setImmediate(resolve));
      expect(woken).toEqual(['webhook']);

      await db.query(`SELECT pg_notify($1, 'event')`, [OUTBOX_CHANNEL]);
      await mail;
      expect(woken).toEqual(['webhook', 'mail']);
      // The webhook loop was not waiting when "event" came: its next wait returns at once, the mail loop's not.
      await wakeup.wait(60_000, 'webhook');
      const later = waiting('mail');
      await new Promise((resolve) => setImmediate(resolve));
      expect(woken).toEqual(['webhook', 'mail']);
      await db.query(`SELECT pg_notify($1, 'mail')`, [OUTBOX_CHANNEL]);
      await later;
      expect(woken).toEqual(['webhook', 'mail', 'mail']);
    } finally {
      await wakeup.onApplicationShutdown();
    }
  });
});
