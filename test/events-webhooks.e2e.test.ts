import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { Webhook } from 'standardwebhooks';
import request from 'supertest';
import { containsBsn } from '@app/contracts';
import type { App } from 'supertest/types';
import { EVENT_CATALOGUE, pageLinks } from '@app/notify';
import { MailOutbox, WebhookDeliveries } from '@app/persistence';
import { DeliveryRetention } from '../apps/worker/src/delivery/delivery-retention';
import { LatencyRecorder } from '../bench/harness/latency';
import { ApiClient } from '../bench/platform/api-client';
import { runPlatformTrajectory } from '../bench/platform/driver';
import { MUNICIPALITY, PROVIDER_ID } from '../bench/platform/requests';
import { bearer } from './support/auth';
import { feedOf } from './support/event-feed';
import { startSmtpSink, type SmtpSink } from './support/smtp-sink';
import {
  bootStack,
  eventually,
  openDataSource,
  RunningStack,
  uniqueRef,
  uniqueTaskQueue,
} from './support/stack';
import { WebhookReceiver, type ReceivedDelivery } from './support/webhook-receiver';

/**
 * Issue 16 acceptance over HTTP with real parts: the API and worker of the project, PostgreSQL and Temporal of
 * `npm test`, webhook receivers (a real HTTP server verifying Standard Webhooks signatures with the reference
 * library) and a real SMTP server on loopback. Short retry settings (200 ms … 1.6 s) stand in for the
 * production schedule of 5 s … 10 h.
 */
jest.setTimeout(240_000);

const SETTINGS: Record<string, string> = {
  WEBHOOK_RETRY_SCHEDULE: '200ms,400ms,800ms,1600ms',
  DELIVERY_POLL_MS: '200',
  WEBHOOK_TIMEOUT_MS: '3000',
  MAIL_RETRY_SCHEDULE: '200ms,400ms',
};

interface Page {
  events: ReceivedDelivery['event'][];
  next: string;
}

describe('events, webhooks and mail over HTTP', () => {
  let stack: RunningStack;
  let http: App;
  let baseUrl: string;
  let smtp: SmtpSink;
  const saved: Record<string, string | undefined> = {};
  const caseSystem = bearer(['CASE_SYSTEM'], [MUNICIPALITY], undefined, 'case-system-hoorn');
  const provider = bearer(['PROVIDER'], [], PROVIDER_ID, 'prv-horizon-admin');
  const contractManagement = bearer(['CONTRACT_MANAGEMENT'], [MUNICIPALITY], undefined, 'cm-hoorn');
  const operator = bearer(['OPERATOR'], [], undefined, 'operator-1');
  const otherCaseSystem = bearer(['CASE_SYSTEM'], ['GM0361'], undefined, 'case-system-alkmaar');
  const otherProvider = bearer(['PROVIDER'], [], 'PRV-OTHER', 'prv-other');

  beforeAll(async () => {
    smtp = await startSmtpSink();
    const env = { ...SETTINGS, SMTP_URL: `smtp://${smtp.host}:${smtp.port}` };
    for (const [name, value] of Object.entries(env)) {
      saved[name] = process.env[name];
      process.env[name] = value;
    }
    // The mails' links must reach this API: it listens on a port chosen before the config is read.
    const { freePort } = await import('./support/stack');
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    saved.PUBLIC_BASE_URL = process.env.PUBLIC_BASE_URL;
    process.env.PUBLIC_BASE_URL = baseUrl;
    stack = await bootStack(uniqueTaskQueue('events'));
    await stack.api.listen(port, '127.0.0.1');
    http = stack.api.getHttpServer();
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  const allTypes = EVENT_CATALOGUE.map((e) => e.type);

  /** Starts a youth-care trajectory as the case system (its TRAJECTORY_STARTED event follows); returns its id. */
  async function startTrajectory(prefix: string, extra: object = {}): Promise<string> {
    const caseReference = uniqueRef(prefix);
    await request(http)
      .post('/trajectories')
      .set('Authorization', caseSystem)
      .send({
        municipalityCode: MUNICIPALITY,
        caseReference,
        clientId: `c-${prefix.toLowerCase()}`,
        domain: 'JEUGD',
        segment: 'B',
        complexity: 'LOW',
        requestType: 'SUPPORT',
        ...extra,
      })
      .expect(201);
    return `trajectory-${MUNICIPALITY}-${caseReference}`;
  }

  async function subscribe(token: string, url: string, eventTypes = allTypes, status = 'ACTIVE') {
    const res = await request(http)
      .post('/webhooks/subscriptions')
      .set('Authorization', token)
      .send({ url, eventTypes, status })
      .expect(201);
    expect(res.body.secret).toMatch(/^whsec_/);
    return res.body as { id: string; secret: string };
  }

  describe('a whole lifecycle with subscribed receivers', () => {
    const receiver = new WebhookReceiver({ failForMs: 1500 });
    const providerReceiver = new WebhookReceiver();
    const trajectoryIds = new Set<string>();
    let schemas: Map<string, ValidateFunction>;

    beforeAll(async () => {
      const caseSub = await subscribe(caseSystem, await receiver.start());
      receiver.trust(caseSub.secret);
      const providerSub = await subscribe(
        provider,
        await providerReceiver.start(),
        allTypes.filter((t) => t.startsWith('notice.')),
      );
      providerReceiver.trust(providerSub.secret);
      // The people behind the roles: the provider's contact (kept by the provider) and the local team.
      await request(http)
        .post('/mail/contacts')
        .set('Authorization', provider)
        .send({ audience: 'PROVIDER', email: 'intake@horizon.example', language: 'nl' })
        .expect(201);
      await request(http)
        .post('/mail/contacts')
        .set('Authorization', contractManagement)
        .send({ audience: 'LOCAL_TEAM', email: 'lokaalteam@hoorn.example' })
        .expect(201);

      const asyncApi = await request(http)
        .get('/events/asyncapi')
        .set('Authorization', caseSystem)
        .expect(200);
      const ajv = new Ajv2020({ allErrors: true, strict: false });
      addFormats(ajv);
      schemas = new Map<string, ValidateFunction>();
      for (const message of Object.values(asyncApi.body.components.messages) as {
        name: string;
        payload: object;
      }[]) {
        schemas.set(message.name, ajv.compile(message.payload));
      }

      // Three shapes of the benchmark's lifecycle (standard, escalation to the table, scaling up), over HTTP.
      const api = new ApiClient(baseUrl, new LatencyRecorder(), process.env);
      const runTag = uniqueRef('EVT');
      const contexts = await Promise.all(
        [0, 3, 7].map((i) => runPlatformTrajectory(api, runTag, i, new LatencyRecorder())),
      );
      for (const ctx of contexts) trajectoryIds.add(ctx.trajectoryId!);
    });

    afterAll(async () => {
      await receiver.stop();
      await providerReceiver.stop();
    });

    it('delivers every event of the feed exactly once after de-duplication, in order, signed, to the schema', async () => {
      const feed = await feedOf<Page['events'][number]>(http, caseSystem, trajectoryIds);
      expect(feed.length).toBeGreaterThan(60);
      const ours = () => receiver.accepted().filter((d) => trajectoryIds.has(d.event.data.trajectoryId));
      await eventually(async () => (ours().length >= feed.length ? true : undefined), 60_000);

      // The receiver answered 500 for its first 1.5 s and recovered: it still has everything.
      expect(receiver.received.filter((d) => d.answered === 500).length).toBeGreaterThan(0);
      expect(
        ours()
          .map((d) => d.event.id)
          .sort(),
      ).toEqual(feed.map((e) => e.id).sort());
      expect(receiver.received.every((d) => d.signatureValid)).toBe(true);
      expect(receiver.received.every((d) => d.webhookId === d.event.id)).toBe(true);

      // In order per trajectory: first arrivals have sequences 1, 2, 3 … as the feed has them.
      for (const id of trajectoryIds) {
        const arrived = ours()
          .filter((d) => d.event.data.trajectoryId === id)
          .map((d) => d.event.data.sequence);
        const written = feed.filter((e) => e.data.trajectoryId === id).map((e) => e.data.sequence);
        expect(arrived).toEqual(written);
        expect(written).toEqual(written.map((_, i) => written[0] + i));
      }

      // Each delivery fits the schema its type has in the published catalogue (AsyncAPI document).
      const invalid = ours()
        .map((d) => ({ type: d.event.type, ok: schemas.get(d.event.type)?.(d.event) ?? false }))
        .filter((r) => !r.ok);
      expect(invalid).toEqual([]);
      const types = new Set(ours().map((d) => d.event.type));
      for (const expected of [
        'trajectory.trajectory-started.v1',
        'trajectory.plan-approved.v1',
        'trajectory.escalated.v1',
        'breakthrough-case.opened.v1',
        'breakthrough-case.decided.v1',
        'trajectory.arrangement-change-approved.v1',
        'trajectory.trajectory-closed.v1',
        'notice.decision-issued.v1',
      ]) {
        expect(types).toContain(expected);
      }
      // Ids, codes and links only: no actor references (pseudonymous people) and no BSN-shaped numbers.
      const bodies = ours()
        .map((d) => d.body)
        .join('\n');
      expect(bodies).not.toMatch(/bench-(local_team|case_system)/);
      // BSN-shaped as the product means it (nine digits passing the elfproef, UUIDs aside): a random message id
      // may well hold nine digits in a row.
      expect(containsBsn(bodies)).toBe(false);
    });

    it('reports the delivery on /metrics and /health', async () => {
      const metrics = await request(http).get('/metrics').expect(200);
      expect(metrics.text).toMatch(/^lifecycle_events_written \d+/m);
      expect(metrics.text).toMatch(/^webhook_deliveries\{state="dead"\} \d+/m);
      expect(metrics.text).toMatch(/^webhook_delivery_lag_seconds\{quantile="0.99"\} [\d.e-]+/m);
      expect(metrics.text).toMatch(/^delivery_backlog_growing 0/m);
      expect(metrics.text).toMatch(/^lifecycle_feed_horizon_seconds [\d.e-]+/m);
      const health = await request(http).get('/health').expect(200);
      expect(health.body.details.delivery).toMatchObject({ status: 'up', backlogGrowing: false });
      const delivery = await request(http).get('/health/delivery').expect(200);
      expect(delivery.body.eventsWritten).toBeGreaterThan(60);
      expect(delivery.body.feedHorizonSeconds).toBeGreaterThanOrEqual(0);
      expect(delivery.body.webhooks.deliveredLast15Minutes).toBeGreaterThan(60);
    });

    it("gives the provider its notices only, for its own trajectories, and the provider's feed the same", async () => {
      const feed = await feedOf<Page['events'][number]>(http, provider, trajectoryIds);
      expect(feed.length).toBeGreaterThan(5);
      expect(feed.every((e) => e.data.providerId === PROVIDER_ID)).toBe(true);
      expect(
        feed.every(
          (e) => !('audience' in e.data) || ['PROVIDER', 'DRAFTERS'].includes(String(e.data.audience)),
        ),
      ).toBe(true);
      const notices = feed.filter((e) => e.type.startsWith('notice.'));
      await eventually(async () =>
        providerReceiver.accepted().filter((d) => trajectoryIds.has(d.event.data.trajectoryId)).length >=
        notices.length
          ? true
          : undefined,
      );
      expect(
        providerReceiver
          .accepted()
          .filter((d) => trajectoryIds.has(d.event.data.trajectoryId))
          .map((d) => d.event.id)
          .sort(),
      ).toEqual(notices.map((e) => e.id).sort());
      // Another provider reads none of it.
      expect(await feedOf<Page['events'][number]>(http, otherProvider, trajectoryIds)).toEqual([]);
    });

    it("mails the decision to the provider's contact, in Dutch, with a link that opens it in the provider's workspace", async () => {
      const [first] = trajectoryIds;
      const mail = await smtp.waitFor(
        (m) =>
          m.to.includes('intake@horizon.example') && m.subject.includes(first) && /beschikking/i.test(m.text),
        30_000,
      );
      expect(mail.headers['content-language']).toBe('nl');
      // It says by when to confirm the start (the provider-start deadline, in Dutch).
      expect(mail.text).toMatch(/Bevestig de start van de zorg vóór \d{1,2} [a-z]+ \d{4}/);
      const link = `${baseUrl}/ui/provider?trajectory=${first}`;
      expect(mail.text).toContain(link);
      expect(mail.html).toContain(link);
      const page = await fetch(link);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    });
  });

  it('sends the local team a Dutch digest of what is overdue, once per day', async () => {
    // A trajectory whose evaluation is due after 1 s and overdue 1 s later (per-trajectory policy overrides).
    const localTeam = bearer(['LOCAL_TEAM'], [MUNICIPALITY], undefined, 'lt-hoorn-01');
    const post = (path: string, token: string, body: object = {}) =>
      request(http).post(path).set('Authorization', token).send(body).expect(200);
    const id = await startTrajectory('DIGEST', {
      policyOverrides: {
        firstEvaluation: { duration: '1 second' },
        evaluationGrace: { duration: '1 second' },
      },
    });
    await post(`/trajectories/${id}/drafting`, localTeam);
    await post(`/trajectories/${id}/lead-provider`, localTeam, {
      leadProviderId: PROVIDER_ID,
      chosenByFamily: true,
    });
    const { planSubmission } = await import('./support/plan-submission');
    await post(`/trajectories/${id}/plan/submit`, provider, planSubmission(PROVIDER_ID));
    await post(`/trajectories/${id}/plan/sign`, caseSystem, { planVersion: 1, party: 'CLIENT' });
    await post(`/trajectories/${id}/plan/sign`, provider, { planVersion: 1, party: 'LEAD_PROVIDER' });
    await post(`/trajectories/${id}/plan/approve`, localTeam, { planVersion: 1 });
    await post(`/trajectories/${id}/start`, provider);
    await eventually(async () => {
      const view = await request(http).get(`/trajectories/${id}`).set('Authorization', localTeam).expect(200);
      return view.body.subFlags.evaluationOverdue ? true : undefined;
    }, 30_000);
    await eventually(async () => {
      const rows = await request(http).get('/worklists/overdue').set('Authorization', localTeam);
      return rows.status === 200 ? true : undefined;
    });

    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
    const composed = await request(http)
      .post('/mail/digests')
      .set('Authorization', operator)
      .send({ day })
      .expect(200);
    expect(composed.body.composed).toBeGreaterThanOrEqual(1);
    const digest = await smtp.waitFor(
      (m) =>
        m.to.includes('lokaalteam@hoorn.example') && m.text.includes(id) && /dagoverzicht/i.test(m.subject),
      30_000,
    );
    expect(digest.headers['content-language']).toBe('nl');
    expect(digest.text).toMatch(/te laat/i);
    expect(digest.text).toContain(`${baseUrl}/ui/local-team?trajectory=${id}`);
    // Composing the same day again queues nothing new for that contact.
    const again = await request(http)
      .post('/mail/digests')
      .set('Authorization', operator)
      .send({ day })
      .expect(200);
    expect(again.body.composed).toBe(0);
  });

  it('parks what a receiver never accepts as a dead letter, holds later events behind it, and replays in order', async () => {
    const receiver = new WebhookReceiver('fail');
    const sub = await subscribe(caseSystem, await receiver.start(), [
      'trajectory.trajectory-started.v1',
      'trajectory.drafting-started.v1',
    ]);
    receiver.trust(sub.secret);
    try {
      const id = await startTrajectory('DEAD');
      const deadLetters = async () =>
        (
          await request(http)
            .get('/webhooks/dead-letters')
            .query({ subscriptionId: sub.id })
            .set('Authorization', operator)
            .expect(200)
        ).body as { deliveryId: string; eventType: string; attempts: number; heldBehind: number }[];
      const [dead] = await eventually(
        async () => ((await deadLetters()).length > 0 ? deadLetters() : undefined),
        30_000,
      );
      expect(dead).toMatchObject({ eventType: 'trajectory.trajectory-started.v1', attempts: 5 });
      expect(receiver.received.length).toBe(5);

      // A later event of the same trajectory waits behind the dead letter: order is never broken.
      const localTeam = bearer(['LOCAL_TEAM'], [MUNICIPALITY], undefined, 'lt-hoorn-02');
      await request(http).post(`/trajectories/${id}/drafting`).set('Authorization', localTeam).expect(200);
      await eventually(async () => ((await deadLetters())[0]?.heldBehind === 1 ? true : undefined));
      await new Promise((r) => setTimeout(r, 600));
      expect(receiver.received.length).toBe(5);

      // Another tenant can neither see nor replay it.
      await request(http)
        .post(`/webhooks/subscriptions/${sub.id}/replay`)
        .set('Authorization', otherCaseSystem)
        .send({})
        .expect(404);

      receiver.setMode('ok');
      const replayed = await request(http)
        .post(`/webhooks/subscriptions/${sub.id}/replay`)
        .set('Authorization', operator)
        .send({})
        .expect(200);
      expect(replayed.body.replayed).toBe(1);
      await eventually(async () => (receiver.accepted().length === 2 ? true : undefined), 30_000);
      expect(receiver.accepted().map((d) => d.event.type)).toEqual([
        'trajectory.trajectory-started.v1',
        'trajectory.drafting-started.v1',
      ]);
      expect(await deadLetters()).toEqual([]);
    } finally {
      await receiver.stop();
    }
  });

  it('makes a delivery whose secret cannot be opened (its key left the ring) a dead letter, not a wedge', async () => {
    const receiver = new WebhookReceiver();
    const sub = await subscribe(caseSystem, await receiver.start(), ['trajectory.trajectory-started.v1']);
    const db = await openDataSource();
    try {
      await db.query(`UPDATE webhook_subscription SET secret_sealed = 'retired-key:AAAA' WHERE id = $1`, [
        sub.id,
      ]);
      await startTrajectory('KEY');
      const [dead] = await eventually(async () => {
        const res = await request(http)
          .get('/webhooks/dead-letters')
          .query({ subscriptionId: sub.id })
          .set('Authorization', caseSystem)
          .expect(200);
        return res.body.length > 0 ? res.body : undefined;
      }, 30_000);
      expect(dead.lastError).toMatch(/signing secret unreadable/);
      expect(receiver.received).toHaveLength(0);
    } finally {
      await db.destroy();
      await receiver.stop();
      await request(http)
        .delete(`/webhooks/subscriptions/${sub.id}`)
        .set('Authorization', caseSystem)
        .expect(204);
    }
  });

  it('keeps the feed gap-free: an event stays out of it while an older transaction is open, and the horizon shows it', async () => {
    // The newest cursor first, so the read below starts after everything written so far.
    let after: string | undefined;
    for (;;) {
      const res = await request(http)
        .get('/events')
        .query({ limit: 500, ...(after ? { after } : {}) })
        .set('Authorization', caseSystem)
        .expect(200);
      if (res.body.events.length === 0) break;
      after = res.body.next;
    }
    const db = await openDataSource();
    const holder = db.createQueryRunner();
    try {
      // A transaction with an id, open: like a slow writer whose events would land behind a cursor handed out.
      await holder.startTransaction();
      await holder.query(`SELECT pg_current_xact_id()`);
      const id = await startTrajectory('HORIZON');
      const feedHas = async () => {
        const res = await request(http)
          .get('/events')
          .query({ limit: 500, ...(after ? { after } : {}) })
          .set('Authorization', caseSystem)
          .expect(200);
        return (res.body.events as { data: { trajectoryId: string } }[]).some(
          (e) => e.data.trajectoryId === id,
        );
      };
      // Its event is committed (the bookkeeping runs after the start answered) …
      await eventually(async () => {
        const [{ written }] = await db.query(
          `SELECT count(*)::int AS written FROM lifecycle_event WHERE trajectory_id = $1`,
          [id],
        );
        return written > 0 ? true : undefined;
      });
      // … but younger than the open transaction, so not in the feed yet.
      expect(await feedHas()).toBe(false);
      await new Promise((r) => setTimeout(r, 2100)); // past the status cache
      const health = await request(http).get('/health/delivery').expect(200);
      expect(health.body.feedHorizonSeconds).toBeGreaterThanOrEqual(2);
      await holder.commitTransaction();
      expect(await eventually(async () => ((await feedHas()) ? true : undefined))).toBe(true);
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
      await db.destroy();
    }
  });

  it('pauses a subscription whose receiver answers 410 Gone; resumed, it gets the held event', async () => {
    const receiver = new WebhookReceiver('gone');
    const sub = await subscribe(caseSystem, await receiver.start(), ['trajectory.trajectory-started.v1']);
    receiver.trust(sub.secret);
    try {
      await startTrajectory('GONE');
      const read = () =>
        request(http).get(`/webhooks/subscriptions/${sub.id}`).set('Authorization', caseSystem).expect(200);
      await eventually(async () => ((await read()).body.status === 'PAUSED' ? true : undefined));
      expect(receiver.received).toHaveLength(1);
      receiver.setMode('ok');
      await request(http)
        .patch(`/webhooks/subscriptions/${sub.id}`)
        .set('Authorization', caseSystem)
        .send({ status: 'ACTIVE' })
        .expect(200);
      await eventually(async () => (receiver.accepted().length === 1 ? true : undefined));
      expect(receiver.accepted()[0].event.type).toBe('trajectory.trajectory-started.v1');
    } finally {
      await receiver.stop();
    }
  });

  it('rotates the secret: deliveries carry both signatures during the overlap', async () => {
    const receiver = new WebhookReceiver();
    const sub = await subscribe(caseSystem, await receiver.start(), ['trajectory.trajectory-started.v1']);
    try {
      const rotated = await request(http)
        .post(`/webhooks/subscriptions/${sub.id}/secret`)
        .set('Authorization', caseSystem)
        .expect(200);
      expect(rotated.body.secret).toMatch(/^whsec_/);
      expect(rotated.body.secret).not.toBe(sub.secret);
      expect(Date.parse(rotated.body.previousSecretValidUntil)).toBeGreaterThan(Date.now() + 23 * 3600_000);
      // A receiver that still knows only the old secret verifies, and so does one that switched.
      receiver.trust(sub.secret);
      await startTrajectory('ROT');
      const [delivery] = await eventually(async () =>
        receiver.received.length > 0 ? receiver.received : undefined,
      );
      expect(delivery.signatureValid).toBe(true);
      // Both signatures are on it: the receiver that switched to the new secret verifies the same request.
      expect(delivery.signed['webhook-signature'].split(' ')).toHaveLength(2);
      expect(() =>
        new Webhook(rotated.body.secret).verify(delivery.body, { ...delivery.signed }),
      ).not.toThrow();
      expect(() => new Webhook(sub.secret).verify(delivery.body, { ...delivery.signed })).not.toThrow();
    } finally {
      await receiver.stop();
    }
  });

  describe('bad input', () => {
    it('refuses invalid URLs and unknown event types with the field, and unknown cursors', async () => {
      const bad = async (body: object, field: string) => {
        const res = await request(http)
          .post('/webhooks/subscriptions')
          .set('Authorization', caseSystem)
          .send(body)
          .expect(400);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      };
      await bad({ url: 'not a url', eventTypes: ['notice.decision-issued.v1'] }, 'url');
      await bad({ url: 'ftp://example.org/x', eventTypes: ['notice.decision-issued.v1'] }, 'url');
      await bad({ url: 'https://example.org/x', eventTypes: ['notice.decision-issued.v9'] }, 'eventTypes');
      await bad({ url: 'https://example.org/x', eventTypes: [] }, 'eventTypes');
      const feed = await request(http)
        .get('/events')
        .query({ after: 'bm9wZQ' })
        .set('Authorization', caseSystem);
      expect(feed.status).toBe(400);
      expect(feed.body.errors[0].field).toBe('after');
      const types = await request(http)
        .get('/events')
        .query({ types: 'nope.v1' })
        .set('Authorization', caseSystem);
      expect(types.status).toBe(400);
    });

    it("answers 404 for another tenant's subscription and 403 for creating one in its name", async () => {
      const sub = await subscribe(caseSystem, 'https://example.org/hooks', ['notice.plan-rejected.v1']);
      // A read-only region-wide role (FINANCE) beside a managing one does not widen what the caller may change.
      const regionReaderAndCaseSystem = bearer(['CASE_SYSTEM', 'FINANCE'], [], undefined, 'cs-finance');
      for (const token of [otherCaseSystem, otherProvider, regionReaderAndCaseSystem]) {
        await request(http).get(`/webhooks/subscriptions/${sub.id}`).set('Authorization', token).expect(404);
        await request(http)
          .patch(`/webhooks/subscriptions/${sub.id}`)
          .set('Authorization', token)
          .send({ status: 'PAUSED' })
          .expect(404);
        await request(http)
          .delete(`/webhooks/subscriptions/${sub.id}`)
          .set('Authorization', token)
          .expect(404);
        await request(http)
          .post(`/webhooks/subscriptions/${sub.id}/secret`)
          .set('Authorization', token)
          .expect(404);
      }
      const listed = await request(http)
        .get('/webhooks/subscriptions')
        .set('Authorization', otherCaseSystem)
        .expect(200);
      expect(listed.body.map((s: { id: string }) => s.id)).not.toContain(sub.id);
      await request(http)
        .post('/webhooks/subscriptions')
        .set('Authorization', otherCaseSystem)
        .send({
          municipalityCode: MUNICIPALITY,
          url: 'https://example.org/x',
          eventTypes: ['notice.plan-rejected.v1'],
        })
        .expect(403);
      // The secret is shown once: not in a replay of the same request (Idempotency-Key), nowhere in clear text
      // in the database, never again on reads.
      const key = uniqueRef('idem-sub');
      const first = await request(http)
        .post('/webhooks/subscriptions')
        .set('Authorization', caseSystem)
        .set('Idempotency-Key', key)
        .send({ url: 'https://example.org/hooks', eventTypes: ['notice.plan-rejected.v1'] })
        .expect(201);
      expect(first.body.secret).toMatch(/^whsec_/);
      // (409 while the first answer is still being remembered, right after it was sent.)
      const replayed = await eventually(async () => {
        const res = await request(http)
          .post('/webhooks/subscriptions')
          .set('Authorization', caseSystem)
          .set('Idempotency-Key', key)
          .send({ url: 'https://example.org/hooks', eventTypes: ['notice.plan-rejected.v1'] });
        return res.status === 201 ? res : undefined;
      });
      expect(replayed.body.id).toBe(first.body.id);
      expect(replayed.body.secret).toBeUndefined();
      const db = await openDataSource();
      try {
        const [{ hits }] = await db.query(
          `SELECT (SELECT count(*) FROM api_idempotency WHERE response::text LIKE '%whsec_%')::int
                + (SELECT count(*) FROM webhook_subscription WHERE secret_sealed LIKE '%whsec_%')::int AS hits`,
        );
        expect(hits).toBe(0);
      } finally {
        await db.destroy();
      }
      await request(http)
        .delete(`/webhooks/subscriptions/${first.body.id}`)
        .set('Authorization', caseSystem)
        .expect(204);
      const read = await request(http)
        .get(`/webhooks/subscriptions/${sub.id}`)
        .set('Authorization', caseSystem)
        .expect(200);
      expect(read.body.secret).toBeUndefined();
      expect(JSON.stringify(read.body)).not.toContain('whsec_');
      await request(http)
        .delete(`/webhooks/subscriptions/${sub.id}`)
        .set('Authorization', caseSystem)
        .expect(204);
      await request(http)
        .get(`/webhooks/subscriptions/${sub.id}`)
        .set('Authorization', caseSystem)
        .expect(404);
    });

    it('refuses loopback and private-range URLs when the configuration is production-like', async () => {
      const { NestFactory } = await import('@nestjs/core');
      const { AppModule } = await import('../apps/api/src/app.module');
      const { setupApp } = await import('../apps/api/src/setup-app');
      process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS = 'false';
      const strict = await NestFactory.create(AppModule, { logger: ['error'] });
      try {
        setupApp(strict);
        await strict.init();
        for (const url of [
          'https://127.0.0.1/hooks',
          'https://10.0.0.7/hooks',
          'https://169.254.169.254/latest',
          'https://[::1]/hooks',
          'https://localhost/hooks',
          'http://zaaksysteem.gemeente.example/hooks',
        ]) {
          const res = await request(strict.getHttpServer())
            .post('/webhooks/subscriptions')
            .set('Authorization', caseSystem)
            .send({ url, eventTypes: ['notice.plan-rejected.v1'] });
          expect({ url, status: res.status, field: res.body.errors?.[0]?.field }).toEqual({
            url,
            status: 400,
            field: 'url',
          });
        }
        await request(strict.getHttpServer())
          .post('/webhooks/subscriptions')
          .set('Authorization', caseSystem)
          .send({
            url: 'https://zaaksysteem.gemeente.example/hooks',
            eventTypes: ['notice.plan-rejected.v1'],
          })
          .expect(201);
      } finally {
        delete process.env.WEBHOOK_ALLOW_PRIVATE_TARGETS;
        await strict.close();
      }
    });
  });

  it('purges delivery history past the retention, never pending work or dead letters', async () => {
    const db = await openDataSource();
    try {
      const [{ delivered, dead }] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'DELIVERED')::int AS delivered,
                coalesce(array_agg(id::text) FILTER (WHERE status = 'DEAD'), '{}') AS dead
         FROM webhook_delivery`,
      );
      expect(delivered).toBeGreaterThan(60);
      // Nothing is old enough under the default retention (30 days).
      expect(await stack.worker.get(DeliveryRetention).purge()).toEqual({ deliveries: 0, mails: 0 });
      // With a retention of 0 days everything delivered and sent before now goes; dead letters stay.
      const [{ now }] = await db.query(`SELECT now() AS now`);
      expect(await new WebhookDeliveries(db).purgeDelivered(0)).toBeGreaterThanOrEqual(delivered);
      const [left] = await db.query(
        `SELECT count(*) FILTER (WHERE status = 'DELIVERED' AND delivered_at < $1)::int AS old_delivered,
                count(*) FILTER (WHERE id = ANY($2::bigint[]))::int AS dead_kept
         FROM webhook_delivery`,
        [now, dead],
      );
      expect(left).toEqual({ old_delivered: 0, dead_kept: dead.length });
      expect(await new MailOutbox(db, pageLinks(baseUrl)).purgeSent(0)).toBeGreaterThan(0);
    } finally {
      await db.destroy();
    }
  });
});
