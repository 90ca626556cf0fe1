import { gzipSync } from 'node:zlib';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import type { App } from 'supertest/types';
import { loadConfig } from '@app/config';
import { bearer } from './support/auth';
import { bootStack, RunningStack, uniqueRef, uniqueTaskQueue } from './support/stack';

/**
 * What a schema-driven fuzzer does not send (issue 15): sizes, nesting, encodings, path bytes, tokens that are
 * forged, expired, unsigned or carry odd claims, prototype keys and BSN-shaped values. Every answer is a 4xx
 * with the one error body; never a 500; the stack stays healthy.
 */
describe('hostile input: a clear 4xx, never a 500', () => {
  let stack: RunningStack;
  let http: App;
  let id: string;
  const caseSystem = bearer(['CASE_SYSTEM'], ['GM0405']);
  const localTeam = bearer(['LOCAL_TEAM'], ['GM0405']);
  const finance = bearer(['FINANCE'], ['GM0405']);
  const config = loadConfig();
  const startBody = () => ({
    municipalityCode: 'GM0405',
    caseReference: uniqueRef('HOSTILE'),
    clientId: 'c-hostile-1',
    domain: 'WMO',
    segment: 'B',
    complexity: 'LOW',
    requestType: 'SUPPORT',
  });

  beforeAll(async () => {
    stack = await bootStack(uniqueTaskQueue('hostile'));
    http = stack.api.getHttpServer();
    id = (
      await request(http).post('/trajectories').set('Authorization', caseSystem).send(startBody()).expect(201)
    ).body.trajectoryId;
  });
  afterAll(() => stack?.close());

  function expectError(res: request.Response, status: number, code: string): void {
    expect([res.status, res.body.code]).toEqual([status, code]);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(typeof res.body.requestId).toBe('string');
  }

  /** A raw body with a content type, as a hostile client sends it. */
  const raw = (path: string, body: string | Buffer, headers: Record<string, string>, auth = caseSystem) => {
    let req = request(http).post(path).set('Authorization', auth);
    for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
    // Sent as the bytes given (superagent would JSON-encode a Buffer under a JSON content type).
    return req.serialize((b: unknown) => b as string).send(body);
  };

  describe('bodies', () => {
    it('413 for a body over 100 kB, with or without a token', async () => {
      const big = JSON.stringify({ ...startBody(), clientId: 'x'.repeat(110 * 1024) });
      expectError(
        await raw('/trajectories', big, { 'Content-Type': 'application/json' }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      const anonymous = await request(http)
        .post('/trajectories')
        .set('Content-Type', 'application/json')
        .send(big);
      expectError(anonymous, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('400 for deeply nested JSON, balanced or not', async () => {
      const deep = '['.repeat(5000) + ']'.repeat(5000);
      expectError(
        await raw('/trajectories', deep, { 'Content-Type': 'application/json' }),
        400,
        'VALIDATION_FAILED',
      );
      const nestedObject = '{"a":'.repeat(2000) + '1' + '}'.repeat(2000);
      expectError(
        await raw('/trajectories', nestedObject, { 'Content-Type': 'application/json' }),
        400,
        'VALIDATION_FAILED',
      );
      const unclosed = '['.repeat(5000);
      expectError(
        await raw('/trajectories', unclosed, { 'Content-Type': 'application/json' }),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('a Content-Encoding that lies is 400, one nobody supports 415, an honest gzip body is read', async () => {
      const body = JSON.stringify(startBody());
      const lying = await raw('/trajectories', body, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
      expectError(lying, 400, 'VALIDATION_FAILED');
      const unknown = await raw('/trajectories', body, {
        'Content-Type': 'application/json',
        'Content-Encoding': 'compress',
      });
      expectError(unknown, 415, 'UNSUPPORTED_MEDIA_TYPE');
      const honest = await raw('/trajectories', gzipSync(Buffer.from(body)), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
      expect([honest.status, honest.body.message]).toEqual([201, undefined]);
    });

    it('415 for a body that is not JSON; 400 for a charset nobody supports', async () => {
      expectError(
        await raw('/trajectories', 'a=1', { 'Content-Type': 'text/plain' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectError(
        await raw('/trajectories', 'a=1', { 'Content-Type': 'application/x-www-form-urlencoded' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const charset = await raw('/trajectories', JSON.stringify(startBody()), {
        'Content-Type': 'application/json; charset=klingon',
      });
      expectError(charset, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('400 for prototype keys anywhere in a body', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const body = `{"${key}":{"admin":true},${JSON.stringify(startBody()).slice(1)}`;
        const res = await raw('/trajectories', body, { 'Content-Type': 'application/json' });
        expectError(res, 400, 'VALIDATION_FAILED');
        expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: key })]));
      }
      const nested = JSON.stringify({ plan: { results: [{ x: 1 }] } }).replace('"x"', '"__proto__"');
      expectError(
        await raw(
          `/trajectories/${id}/plan/submit`,
          nested,
          { 'Content-Type': 'application/json' },
          localTeam,
        ),
        400,
        'VALIDATION_FAILED',
      );
    });
  });

  describe('paths, queries and headers', () => {
    it('400 for a NUL byte, a control character or a broken escape in a path parameter', async () => {
      for (const path of [
        `/trajectories/abc%00def`,
        `/trajectories/abc%0Adef`,
        `/trajectories/abc%E0%A4%A`,
      ]) {
        expectError(await request(http).get(path).set('Authorization', localTeam), 400, 'VALIDATION_FAILED');
      }
      expectError(
        await request(http).get(`/payments/x%00y`).set('Authorization', finance),
        400,
        'VALIDATION_FAILED',
      );
    });

    it('400 for a cursor this API did not give out, including one past the bigint range', async () => {
      const past = Buffer.from('id:9999999999999999999').toString('base64url');
      for (const cursor of ['%%%', 'bm90LWEtY3Vyc29y', past]) {
        const res = await request(http)
          .get(`/trajectories/${id}/payments`)
          .query({ cursor })
          .set('Authorization', finance);
        expect([cursor, res.status, res.body.code]).toEqual([cursor, 400, 'VALIDATION_FAILED']);
      }
      const list = await request(http)
        .get('/trajectories')
        .query({ cursor: '!!' })
        .set('Authorization', localTeam);
      expectError(list, 400, 'VALIDATION_FAILED');
    });

    it('a caller’s request id is kept only as a UUID; anything else is replaced', async () => {
      const uuid = '6f1c1e0a-3b7d-4c55-9a66-0d2d1f3e4b5a';
      const kept = await request(http).get('/health').set('X-Request-Id', uuid);
      expect(kept.headers['x-request-id']).toBe(uuid);
      for (const offered of ['123456782', 'Jan-de-Vries-request', 'x'.repeat(300)]) {
        const res = await request(http).get('/health').set('X-Request-Id', offered);
        expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
        expect(res.headers['x-request-id']).not.toBe(offered);
      }
    });
  });

  it('405 with Allow for a method a known path does not answer; 404 for an unknown path', async () => {
    const res = await request(http).delete('/trajectories').set('Authorization', caseSystem);
    expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.allow.split(', ').sort()).toEqual(['GET', 'HEAD', 'POST']);
    const one = await request(http).put(`/trajectories/${id}`).set('Authorization', caseSystem).send({});
    expectError(one, 405, 'METHOD_NOT_ALLOWED');
    expectError(await request(http).get('/no-such-thing').set('Authorization', caseSystem), 404, 'NOT_FOUND');
  });

  it('a failed request frees its Idempotency-Key: a repeat runs again and answers with a body', async () => {
    const key = `hostile-failed-${Date.now()}`;
    for (let i = 0; i < 3; i++) {
      const res = await request(http)
        .post(`/trajectories/${id}/plan/approve`)
        .set('Authorization', localTeam)
        .set('Idempotency-Key', key)
        .send({ planVersion: 1 });
      expectError(res, 409, 'INVALID_TRANSITION');
    }
    const invalid = await request(http)
      .post(`/trajectories/${id}/drafting`)
      .set('Authorization', localTeam)
      .set('Idempotency-Key', 'bad key!')
      .send({});
    expectError(invalid, 400, 'VALIDATION_FAILED');
  });

  describe('tokens', () => {
    const sign = (claims: object, options: jwt.SignOptions = {}, secret = config.auth.jwtSecret!) =>
      `Bearer ${jwt.sign(claims, secret, {
        algorithm: 'HS256',
        issuer: config.auth.issuer,
        audience: config.auth.audience,
        ...('exp' in claims ? {} : { expiresIn: '1h' }),
        ...options,
      })}`;

    it('401 for forged, expired, unsigned and foreign tokens', async () => {
      const good = { sub: 'lt-1', roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] };
      const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
      const payload = Buffer.from(
        JSON.stringify({ ...good, iss: config.auth.issuer, aud: config.auth.audience, exp: 4102444800 }),
      ).toString('base64url');
      const tokens = [
        sign(good, {}, 'another-secret-that-is-long-enough-to-sign'),
        sign({ ...good, exp: Math.floor(Date.now() / 1000) - 60 }),
        `Bearer ${header}.${payload}.`,
        sign(good, { issuer: 'someone-else' }),
        sign(good, { audience: 'another-api' }),
        'Bearer not.a.token',
        'Bearer ' + 'A'.repeat(10_000),
      ];
      for (const token of tokens) {
        expectError(
          await request(http).get('/trajectories').set('Authorization', token),
          401,
          'UNAUTHENTICATED',
        );
      }
    });

    it('401 for validly signed tokens whose claims do not fit: types, lengths, unknown roles, a BSN', async () => {
      const claims = [
        { sub: 'lt-1', roles: ['LOCAL_TEAM'], municipalities: [405, { code: 'GM0405' }] },
        { sub: 'lt-1', roles: ['LOCAL_TEAM'], municipalities: 'GM0405' },
        { sub: 'x'.repeat(300), roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] },
        { sub: 'Jan de Vries', roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] },
        { sub: '123456782', roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] },
        { sub: 'lt-1', roles: ['LOCAL_TEAM', 'SUPERUSER'], municipalities: ['GM0405'] },
        { sub: 'lt-1', roles: 'LOCAL_TEAM', municipalities: ['GM0405'] },
        { sub: 'lt-1', roles: [], municipalities: ['GM0405'] },
        { sub: 'prov-1', roles: ['PROVIDER'], providerId: { id: 'x' } },
        { sub: 'lt-1', roles: ['LOCAL_TEAM'], municipalities: ['GM 0405'] },
      ];
      for (const c of claims) {
        const res = await request(http).get('/trajectories').set('Authorization', sign(c));
        expect([JSON.stringify(c).slice(0, 60), res.status]).toEqual([JSON.stringify(c).slice(0, 60), 401]);
      }
    });

    it('a long subject can no longer wedge a trajectory: it is refused at the door (poison pill of issue 15)', async () => {
      const longSub = sign({ sub: 'x'.repeat(300), roles: ['LOCAL_TEAM'], municipalities: ['GM0405'] });
      const res = await request(http)
        .post(`/trajectories/${id}/drafting`)
        .set('Authorization', longSub)
        .set('Idempotency-Key', 'hostile-key-0001')
        .send({});
      expectError(res, 401, 'UNAUTHENTICATED');
    });
  });

  describe('personal data at the door', () => {
    it('400 for a BSN-shaped value in a body field, a query or the Idempotency-Key', async () => {
      const res = await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .send({ ...startBody(), clientId: '123456782' });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'clientId' })]);
      expect(JSON.stringify(res.body)).not.toContain('123456782');
      const ref = await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .send({ ...startBody(), caseReference: 'CASE-111111110' });
      expectError(ref, 400, 'VALIDATION_FAILED');
      const query = await request(http)
        .get('/trajectories')
        .query({ caseReference: '123456782' })
        .set('Authorization', localTeam);
      expectError(query, 400, 'VALIDATION_FAILED');
      const key = await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .set('Idempotency-Key', 'key-123456782')
        .send(startBody());
      expectError(key, 400, 'VALIDATION_FAILED');
      // A nine-digit number that fails the check, and a longer one, are no BSN.
      await request(http)
        .post('/trajectories')
        .set('Authorization', caseSystem)
        .send({ ...startBody(), clientId: 'c-123456789' })
        .expect(201);
    });
  });

  it('24 concurrent callers on one trajectory get fast, documented answers: 200, 409 or 429 with Retry-After', async () => {
    const target = (
      await request(http).post('/trajectories').set('Authorization', caseSystem).send(startBody()).expect(201)
    ).body.trajectoryId as string;
    const answers = await Promise.all(
      Array.from({ length: 24 }, () =>
        request(http).post(`/trajectories/${target}/drafting`).set('Authorization', localTeam).send({}),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.every((s) => [200, 409, 429].includes(s))).toBe(true);
    // Exactly one caller moved it to DRAFTING; the others were told it already moved, or to come back.
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    const throttled = answers.filter((r) => r.status === 429);
    expect(throttled.length).toBeGreaterThan(0);
    for (const r of throttled) {
      expect(r.headers['retry-after']).toBe('1');
      expect(r.body.code).toBe('TOO_MANY_REQUESTS');
    }
  });

  it('the stack is healthy afterwards', async () => {
    await request(http).get('/health').expect(200);
    const live = await request(http).get(`/trajectories/${id}`).set('Authorization', localTeam).expect(200);
    expect(live.body.trajectoryId).toBe(id);
  });
});
