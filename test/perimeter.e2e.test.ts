import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { AppModule } from '../apps/api/src/app.module';
import { setupApp } from '../apps/api/src/setup-app';
import { bearer } from './support/auth';
import { migrateTestDatabase } from './support/stack';

/**
 * The perimeter (issue 15): security headers on every response, rate limits per address, per caller and for
 * failed sign-ins that hold across API replicas (two apps here, sharing PostgreSQL), /metrics behind a token,
 * /docs switchable off.
 */
describe('perimeter: headers, shared rate limits, metrics and docs', () => {
  const replicas: INestApplication[] = [];
  let a: App;
  let b: App;
  const saved = { ...process.env };
  const metricsToken = 'metrics-token-for-the-perimeter-test';

  /** A documentation address of its own per run (RFC 5737), so no other suite's requests count. */
  const address = () =>
    `198.51.100.${1 + Math.floor(Math.random() * 250)}, 10.0.0.${Math.floor(Math.random() * 250)}`;

  async function replica(env: Record<string, string>): Promise<INestApplication> {
    Object.assign(process.env, env);
    const app = await NestFactory.create(AppModule, { logger: false });
    setupApp(app);
    await app.init();
    replicas.push(app);
    return app;
  }

  beforeAll(async () => {
    await migrateTestDatabase();
    const env = {
      RATE_LIMIT_PER_ADDRESS: '20',
      RATE_LIMIT_PER_CALLER: '10',
      RATE_LIMIT_AUTH_FAILURES: '5',
      // One proxy in front: the client's address is the last one it appends to X-Forwarded-For.
      TRUST_PROXY_HOPS: '1',
      METRICS_TOKEN: metricsToken,
      DOCS_ENABLED: 'false',
    };
    a = (await replica(env)).getHttpServer();
    b = (await replica(env)).getHttpServer();
  });
  afterAll(async () => {
    for (const app of replicas) await app.close();
    process.env = saved;
  });

  // Several flush intervals (250 ms): on two busy cores one interval's flush can start late (seen once at 700 ms).
  const settle = () => new Promise((r) => setTimeout(r, 1500));

  /**
   * Limits count per clock minute: a test that starts in the last 15 s of a minute waits for the next one, so
   * its requests all fall in one window.
   */
  const inOneWindow = async () => {
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 45_000) await new Promise((r) => setTimeout(r, 60_000 - intoMinute + 100));
  };

  it('sends security headers on every response and no X-Powered-By', async () => {
    const from = address();
    for (const res of [
      await request(a).get('/health').set('X-Forwarded-For', from),
      await request(a).get('/trajectories').set('X-Forwarded-For', from),
      await request(a).get('/no-such-route').set('X-Forwarded-For', from),
    ]) {
      expect(res.status).not.toBe(429);
      expect(res.headers['x-powered-by']).toBeUndefined();
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    }
  });

  it('limits one address across replicas, with 429 and Retry-After', async () => {
    await inOneWindow();
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++)
      statuses.push((await request(a).get('/no-such-route').set('X-Forwarded-For', from)).status);
    expect(statuses.every((s) => s === 404)).toBe(true);
    await settle(); // replica A has added its 15 to the shared count
    statuses.push((await request(b).get('/no-such-route').set('X-Forwarded-For', from)).status);
    await settle(); // replica B has learned the shared count (16)
    let refused: request.Response | undefined;
    for (let i = 0; i < 10; i++) {
      const res = await request(b).get('/no-such-route').set('X-Forwarded-For', from);
      statuses.push(res.status);
      if (res.status === 429) refused ??= res;
    }
    // 20 answered across the two replicas, the rest refused.
    expect(statuses.filter((s) => s === 404)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(6);
    expect(refused!.body).toMatchObject({ statusCode: 429, code: 'TOO_MANY_REQUESTS' });
    const retryAfter = Number(refused!.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused!.body.retryAfterSeconds).toBe(retryAfter);
    // Health checks are never limited.
    await request(b).get('/health').set('X-Forwarded-For', from).expect(200);
  });

  it('limits one caller wherever it calls from', async () => {
    await inOneWindow();
    const token = bearer(['LOCAL_TEAM'], ['GM0405'], undefined, `rate-caller-${process.pid}-${Date.now()}`);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (
          await request(a)
            .get('/worklists/overdue')
            .set('Authorization', token)
            .set('X-Forwarded-For', address())
        ).status,
      );
    }
    expect(statuses.slice(0, 10).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('answers token guessing with 429 after a few failures from one address', async () => {
    await inOneWindow();
    const from = address();
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push(
        (
          await request(a)
            .get('/trajectories')
            .set('Authorization', `Bearer guess-${i}`)
            .set('X-Forwarded-For', from)
        ).status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
  });

  it('serves /metrics only with its token, and /docs not at all when switched off', async () => {
    // An address of its own: 127.0.0.1 has the whole suite's requests of this minute in the shared count.
    const from = address();
    const get = (path: string) => request(a).get(path).set('X-Forwarded-For', from);
    await get('/metrics').expect(401);
    await get('/metrics').set('Authorization', 'Bearer wrong').expect(401);
    const scraped = await get('/metrics').set('Authorization', `Bearer ${metricsToken}`).expect(200);
    expect(scraped.text).toContain('http_request_duration_seconds');
    await get('/docs-json').expect(404);
    await get('/docs').expect(404);
  });
});
