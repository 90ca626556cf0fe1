import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { EVENT_CATALOGUE, verifySignature } from '@app/notify';
import type { BenchSettings } from '../harness/args';
import { shutdown } from '../harness/lifetime';
import { LatencyRecorder } from '../harness/latency';
import type { PhaseResult } from '../harness/phase-result';
import { startPlatformApps } from '../harness/platform-apps';
import { printPhases, printRatios } from '../harness/report';
import { round } from '../harness/resource-monitor';
import { BenchServices } from '../harness/services';
import { platformApiClient, platformMonitor, runPlatformLifecyclePhase } from '../platform/phase';
import type { ScenarioOutput } from './scenario-output';

/**
 * The event path (issue 16): the same lifecycle twice on the same services. First with no subscriber (events
 * are written in the bookkeeping transaction, nothing is delivered: today's lifecycle plus the event rows),
 * then with a case system subscribed to every event type, its receiver a real HTTP server in the harness
 * process that verifies every signature. The second phase lasts until every delivery has arrived, so its CPU
 * includes the whole delivery. Reports events written and delivered per second, the delivery lag (event row
 * committed → delivery recorded, from PostgreSQL's clock) and the cost per trajectory, second over first.
 */
export async function eventsScenario(settings: BenchSettings): Promise<ScenarioOutput> {
  const services = await BenchServices.start({
    engine: settings.engine,
    persistence: settings.persistence,
    postgres: true,
  });
  const apps = await startPlatformApps(services, { maxCachedWorkflows: settings.cache });
  const db = new Client({ connectionString: services.postgres!.url });
  await db.connect();
  const receiver = new BenchReceiver();
  const url = await receiver.start();
  try {
    const options = { n: settings.n, concurrency: settings.concurrency };
    const quiet = await runPlatformLifecyclePhase(services, apps, { ...options, phase: 'no subscriber' });
    const quietEvents = await eventsSince(db, 0);

    const api = platformApiClient(services, apps, new LatencyRecorder());
    const sub = await api.call<{ id: string; secret: string }>(
      'subscribe',
      {},
      {
        url,
        eventTypes: EVENT_CATALOGUE.map((e) => e.type),
      },
    );
    receiver.secret = sub.secret;
    const before = quietEvents.lastPosition;
    const delivering = await runPlatformLifecyclePhase(services, apps, {
      ...options,
      phase: 'subscribed',
      drain: async () => {
        const began = Date.now();
        for (;;) {
          const [{ pending }] = (
            await db.query(
              `SELECT count(*)::int AS pending FROM webhook_delivery WHERE status <> 'DELIVERED'`,
            )
          ).rows;
          if (pending === 0) return { drainSeconds: (Date.now() - began) / 1000 };
          if (Date.now() - began > 600_000)
            throw new Error(`${pending} deliveries still pending after 10 min`);
          await new Promise((r) => setTimeout(r, 100));
        }
      },
    });
    const written = await eventsSince(db, before);
    const delivery = await deliveryFacts(db, before);

    // Capacity: the subscription paused for a third lifecycle run, then resumed; how fast the backlog drains.
    await api.call('updateSubscription', { subscriptionId: sub.id }, { status: 'PAUSED' });
    const held = await runPlatformLifecyclePhase(services, apps, { ...options, phase: 'paused' });
    const drain = await drainBacklog(
      db,
      () =>
        api
          .call('updateSubscription', { subscriptionId: sub.id }, { status: 'ACTIVE' })
          .then(() => undefined),
      platformMonitor(services, apps),
    );
    await db.end();
    await receiver.stop();
    await shutdown();

    const loadSeconds = Number(delivering.extra?.loadSeconds ?? delivering.wallSeconds);
    const summary = {
      eventsPerTrajectory: round(written.count / Math.max(delivering.completed, 1), 1),
      eventsWrittenPerSecond: round(written.count / loadSeconds, 1),
      deliveredPerSecond: round(delivery.delivered / delivery.spanSeconds, 1),
      deliveryLagMs: { p50: delivery.lagP50Ms, p99: delivery.lagP99Ms, max: delivery.lagMaxMs },
      drainSecondsAfterLastTrajectory: delivering.extra?.drainSeconds,
      receiver: {
        requests: receiver.requests,
        unique: receiver.unique.size,
        badSignatures: receiver.badSignatures,
        duplicates: receiver.requests - receiver.unique.size,
      },
      backlogDrain: drain,
      pausedPhaseTrajectories: held.completed,
      subscribedOverNoSubscriber: costRatios(delivering, quiet),
      eventRowBytes: written.bytesPerEvent,
    };
    printPhases([quiet, delivering, held]);
    printRatios('subscribed / no subscriber (per trajectory)', summary.subscribedOverNoSubscriber);
    console.log(
      `\nevents: ${written.count} written (${summary.eventsPerTrajectory}/trajectory), ` +
        `${summary.eventsWrittenPerSecond}/s written, ${summary.deliveredPerSecond}/s delivered; ` +
        `lag p50 ${delivery.lagP50Ms} ms, p99 ${delivery.lagP99Ms} ms; ` +
        `receiver ${receiver.unique.size} unique of ${receiver.requests}, ${receiver.badSignatures} bad signatures`,
    );
    console.log(
      `backlog of ${drain.deliveries} deliveries drained in ${drain.seconds} s: ${drain.perSecond}/s, ` +
        `worker ${drain.cpuMsPerDelivery.worker} + postgres ${drain.cpuMsPerDelivery.postgres} ms CPU per delivery`,
    );
    return {
      persistence: services.facts(),
      phases: [quiet, delivering, held],
      summary,
      notes: [
        'Events are always written (bookkeeping transaction); "no subscriber" is the lifecycle with the event rows and idle dispatchers.',
        'The subscribed phase ran second, on a database that already held the first phase.',
        'Lag = delivered_at − recorded_at of the event row, both from PostgreSQL: commit to delivery recorded.',
        'The receiver (harness process, not counted in system CPU) verifies every Standard Webhooks signature.',
        'Backlog drain: a third lifecycle run with the subscription paused, then resumed; per trajectory one delivery is in flight at a time (order), so the drain runs n heads in parallel.',
      ],
    };
  } finally {
    await receiver.stop().catch(() => undefined);
    await db.end().catch(() => undefined);
  }
}

/** Resumes a paused subscription with a backlog and times (and measures the CPU of) its draining. */
async function drainBacklog(
  db: Client,
  resume: () => Promise<void>,
  monitor: ReturnType<typeof platformMonitor>,
) {
  const pending = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM webhook_delivery WHERE status <> 'DELIVERED'`)).rows[0]
      .n as number;
  const deliveries = await pending();
  monitor.beginPhase();
  const began = Date.now();
  await resume();
  while ((await pending()) > 0) {
    if (Date.now() - began > 600_000) throw new Error('the backlog did not drain within 10 min');
    await new Promise((r) => setTimeout(r, 50));
  }
  const seconds = (Date.now() - began) / 1000;
  const resources = monitor.endPhase();
  const per = (role: string) =>
    round(((resources.roles[role]?.cpuSeconds ?? 0) * 1000) / Math.max(deliveries, 1), 2);
  return {
    deliveries,
    seconds: round(seconds, 2),
    perSecond: round(deliveries / seconds, 1),
    cpuMsPerDelivery: {
      worker: per('worker'),
      postgres: per('postgres'),
      api: per('api'),
      harness: per('harness'),
    },
  };
}

async function eventsSince(
  db: Client,
  position: number,
): Promise<{ count: number; lastPosition: number; bytesPerEvent: number | null }> {
  const { rows } = await db.query(
    `SELECT count(*)::int AS count, coalesce(max(position), 0)::bigint AS last,
            avg(pg_column_size(e.*))::int AS bytes
     FROM lifecycle_event e WHERE position > $1`,
    [position],
  );
  return { count: rows[0].count, lastPosition: Number(rows[0].last), bytesPerEvent: rows[0].bytes };
}

async function deliveryFacts(db: Client, position: number) {
  const { rows } = await db.query(
    `SELECT count(*)::int AS delivered,
            extract(epoch FROM max(d.delivered_at) - min(e.recorded_at))::float AS span,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - e.recorded_at)) AS p50,
            percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.delivered_at - e.recorded_at)) AS p99,
            max(extract(epoch FROM d.delivered_at - e.recorded_at)) AS max
     FROM webhook_delivery d JOIN lifecycle_event e ON e.position = d.event_position
     WHERE e.position > $1 AND d.status = 'DELIVERED'`,
    [position],
  );
  const r = rows[0];
  const ms = (s: number | null) => (s === null ? null : Math.round(Number(s) * 1000));
  return {
    delivered: r.delivered as number,
    spanSeconds: Math.max(Number(r.span), 0.001),
    lagP50Ms: ms(r.p50),
    lagP99Ms: ms(r.p99),
    lagMaxMs: ms(r.max),
  };
}

function costRatios(subscribed: PhaseResult, quiet: PhaseResult): Record<string, number | null> {
  const complete = subscribed.failed === 0 && quiet.failed === 0;
  const r = (role: string) => {
    const a = subscribed.cpuMsPerTrajectory[role] ?? 0;
    const b = quiet.cpuMsPerTrajectory[role] ?? 0;
    return complete && b > 0 ? round(a / b, 2) : null;
  };
  return {
    'CPU per trajectory, system': r('system'),
    'CPU per trajectory, worker': r('worker'),
    'CPU per trajectory, postgres': r('postgres'),
    'CPU per trajectory, api': r('api'),
    'CPU per trajectory, temporal server': r('temporal'),
  };
}

/** The case system's endpoint: counts requests, de-duplicates on webhook-id, checks every signature. */
class BenchReceiver {
  secret = '';
  requests = 0;
  badSignatures = 0;
  readonly unique = new Set<string>();
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = {
          'webhook-id': String(req.headers['webhook-id']),
          'webhook-timestamp': String(req.headers['webhook-timestamp']),
          'webhook-signature': String(req.headers['webhook-signature']),
        };
        this.requests += 1;
        if (!verifySignature(this.secret, headers, body, Math.floor(Date.now() / 1000)))
          this.badSignatures += 1;
        this.unique.add(headers['webhook-id']);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    if (!this.server?.listening) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }
}
