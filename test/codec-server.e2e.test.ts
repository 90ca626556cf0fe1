import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';
import type { App } from 'supertest/types';
import { EncryptionCodec, KeyRing } from '@app/codec';
import { loadConfig, loadPayloadKeys } from '@app/config';
import { ROLES } from '@app/contracts';
import { AppModule } from '../apps/api/src/app.module';
import { setupApp } from '../apps/api/src/setup-app';
import { bearer, clientBearer } from './support/auth';
import { migrateTestDatabase } from './support/stack';

/** Base64 of text or bytes, as the Temporal UI sends payload fields. */
const b64 = (value: string | Uint8Array) => Buffer.from(value).toString('base64');
const text = (base64: string | undefined) => Buffer.from(base64 ?? '', 'base64').toString('utf8');

const MARKER = { clientId: 'c-codec-marker-7f3a', caseReference: 'CASE-CODEC-MARKER' };
/** A payload as the SDK's JSON converter writes it, in protobuf JSON (what the UI posts). */
const plainPayload = { metadata: { encoding: b64('json/plain') }, data: b64(JSON.stringify(MARKER)) };

/**
 * The codec server of the Temporal Web UI (Temporal's remote codec protocol) over the real API: operators
 * only, CORS for the UI's origin only, bad input 400 with the one error body, a session cookie for browsers.
 */
describe('codec server: POST /codec/encode and /codec/decode', () => {
  let app: INestApplication;
  let http: App;
  const operator = bearer(['OPERATOR']);
  const uiOrigin = new URL(loadConfig().temporal.uiUrl).origin;
  const encryptingKeyId = loadPayloadKeys()[0].id;

  beforeAll(async () => {
    await migrateTestDatabase();
    app = await NestFactory.create(AppModule, { logger: ['error'] });
    setupApp(app);
    await app.init();
    http = app.getHttpServer();
  });
  afterAll(() => app?.close());

  const post = (path: string, body: unknown, token?: string) => {
    const req = request(http).post(path).set('X-Namespace', 'default');
    if (token) req.set('Authorization', token);
    return req.send(body as object);
  };

  function expectErrorBody(body: Record<string, unknown>, statusCode: number, code: string): void {
    expect(body).toMatchObject({ statusCode, code });
    expect(typeof body.message).toBe('string');
    expect(typeof body.requestId).toBe('string');
  }

  it('401 without a token', async () => {
    for (const path of ['/codec/encode', '/codec/decode']) {
      const res = await post(path, { payloads: [plainPayload] }).expect(401);
      expectErrorBody(res.body, 401, 'UNAUTHENTICATED');
    }
  });

  it('403 for every role but OPERATOR', async () => {
    for (const role of ROLES.filter((r) => r !== 'OPERATOR')) {
      // A resident's token names its client id (a CLIENT token without one is no token at all: 401).
      const token = role === 'CLIENT' ? clientBearer('GM0405', 'c-codec-1') : bearer([role], ['GM0405']);
      for (const path of ['/codec/encode', '/codec/decode']) {
        const res = await post(path, { payloads: [plainPayload] }, token).expect(403);
        expectErrorBody(res.body, 403, 'FORBIDDEN');
      }
    }
  });

  it('round-trips for an operator: encode encrypts with the current key, decode gives the payload back', async () => {
    const encoded = (await post('/codec/encode', { payloads: [plainPayload] }, operator).expect(200)).body;
    expect(encoded.payloads).toHaveLength(1);
    const [stored] = encoded.payloads as { metadata: Record<string, string>; data: string }[];
    expect(text(stored.metadata.encoding)).toBe('binary/encrypted');
    expect(text(stored.metadata['encryption-key-id'])).toBe(encryptingKeyId);
    expect(text(stored.data)).not.toContain(MARKER.clientId);
    expect(JSON.stringify(encoded)).not.toContain(b64(JSON.stringify(MARKER)).slice(0, 24));

    const decoded = (await post('/codec/decode', encoded, operator).expect(200)).body;
    expect(decoded).toEqual({ payloads: [plainPayload] });
    expect(JSON.parse(text(decoded.payloads[0].data))).toEqual(MARKER);
  });

  it('decodes what the apps store, passes plain payloads through, and takes URL-safe base64 and empty data', async () => {
    const [fromApps] = await new EncryptionCodec(new KeyRing(loadPayloadKeys())).encode([
      { metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from(JSON.stringify(MARKER)) },
    ]);
    const nullPayload = { metadata: { encoding: b64('binary/null') } };
    const urlSafe = {
      metadata: { encoding: b64('json/plain') },
      data: b64(JSON.stringify({ q: '??>>' }))
        .replace(/\+/g, '-')
        .replace(/\//g, '_')
        .replace(/=+$/, ''),
    };
    const res = await post(
      '/codec/decode',
      {
        payloads: [
          {
            metadata: {
              encoding: b64(fromApps.metadata!.encoding),
              'encryption-key-id': b64(fromApps.metadata!['encryption-key-id']),
            },
            data: b64(fromApps.data!),
          },
          plainPayload,
          nullPayload,
          urlSafe,
        ],
      },
      operator,
    ).expect(200);
    expect(JSON.parse(text(res.body.payloads[0].data))).toEqual(MARKER);
    expect(res.body.payloads[1]).toEqual(plainPayload);
    expect(res.body.payloads[2]).toEqual(nullPayload);
    expect(JSON.parse(text(res.body.payloads[3].data))).toEqual({ q: '??>>' });
  });

  it('400, never 500, for bad input: not JSON, no payloads array, bad base64, an unknown key id, a tampered payload', async () => {
    const notJson = await request(http)
      .post('/codec/decode')
      .set('Authorization', operator)
      .set('Content-Type', 'application/json')
      .send('{"payloads": [')
      .expect(400);
    expectErrorBody(notJson.body, 400, 'VALIDATION_FAILED');

    for (const body of [{}, { payloads: 'x' }, { payloads: null }, [1, 2], { payloads: [7] }]) {
      const res = await post('/codec/decode', body, operator).expect(400);
      expectErrorBody(res.body, 400, 'VALIDATION_FAILED');
    }
    const badBase64 = await post(
      '/codec/decode',
      { payloads: [{ metadata: { encoding: 'not base64!' }, data: 'Zm9v' }, { data: 12 }] },
      operator,
    ).expect(400);
    expect(badBase64.body.errors).toEqual([
      { field: 'payloads.0.metadata.encoding', message: expect.stringMatching(/base64/) },
      { field: 'payloads.1.data', message: expect.stringMatching(/base64/) },
    ]);

    const [foreign] = await new EncryptionCodec(
      new KeyRing([{ id: 'retired-2025', key: Buffer.alloc(32, 9) }]),
    ).encode([{ metadata: { encoding: Buffer.from('json/plain') }, data: Buffer.from('{}') }]);
    const asJson = (p: typeof foreign, data = p.data!) => ({
      metadata: {
        encoding: b64(p.metadata!.encoding),
        'encryption-key-id': b64(p.metadata!['encryption-key-id']),
      },
      data: b64(data),
    });
    const unknownKey = await post(
      '/codec/decode',
      { payloads: [plainPayload, asJson(foreign)] },
      operator,
    ).expect(400);
    expectErrorBody(unknownKey.body, 400, 'UNKNOWN_PAYLOAD_KEY');
    expect(unknownKey.body.message).toMatch(/key id "retired-2025"/);
    expect(unknownKey.body.errors).toEqual([{ field: 'payloads.1', message: unknownKey.body.message }]);

    const encoded = (await post('/codec/encode', { payloads: [plainPayload] }, operator).expect(200)).body;
    const tampered = Buffer.from(encoded.payloads[0].data, 'base64');
    tampered[tampered.length - 1] ^= 0xff;
    const refused = await post(
      '/codec/decode',
      { payloads: [{ ...encoded.payloads[0], data: tampered.toString('base64') }] },
      operator,
    ).expect(400);
    expectErrorBody(refused.body, 400, 'PAYLOAD_NOT_DECRYPTABLE');
  });

  describe('CORS: the Temporal UI origin only', () => {
    const preflight = (origin: string) =>
      request(http)
        .options('/codec/decode')
        .set('Origin', origin)
        .set('Access-Control-Request-Method', 'POST')
        .set('Access-Control-Request-Headers', 'authorization,content-type,x-namespace');

    it('answers the UI origin preflight with its origin, credentials and the codec headers', async () => {
      const res = await preflight(uiOrigin).expect(204);
      expect(res.headers['access-control-allow-origin']).toBe(uiOrigin);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-allow-methods']).toContain('POST');
      for (const header of ['Authorization', 'Content-Type', 'X-Namespace']) {
        expect(res.headers['access-control-allow-headers']).toContain(header);
      }
      expect(res.headers.vary).toMatch(/Origin/);

      const call = await post('/codec/decode', { payloads: [plainPayload] }, operator)
        .set('Origin', uiOrigin)
        .expect(200);
      expect(call.headers['access-control-allow-origin']).toBe(uiOrigin);
      // Refusals are readable by the UI too, so it can tell a missing session from an outage.
      const refused = await post('/codec/decode', { payloads: [] }).set('Origin', uiOrigin).expect(401);
      expect(refused.headers['access-control-allow-origin']).toBe(uiOrigin);
    });

    it('refuses the preflight of any other origin and never names it allowed', async () => {
      for (const origin of [
        'http://evil.example',
        'http://127.0.0.1:9999',
        uiOrigin.replace('http:', 'https:'),
      ]) {
        const res = await preflight(origin).expect(403);
        expectErrorBody(res.body, 403, 'CORS_ORIGIN_REFUSED');
        expect(res.headers['access-control-allow-origin']).toBeUndefined();
        expect(res.headers['access-control-allow-credentials']).toBeUndefined();
      }
      const call = await post('/codec/decode', { payloads: [plainPayload] }, operator)
        .set('Origin', 'http://evil.example')
        .expect(200);
      expect(call.headers['access-control-allow-origin']).toBeUndefined();
    });
  });

  describe('session cookie for the browser (POST /codec/session)', () => {
    it('gives an operator an HttpOnly SameSite=Strict cookie for /codec that the codec accepts', async () => {
      const res = await request(http).post('/codec/session').set('Authorization', operator).expect(200);
      expect(res.body).toEqual({
        expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        codecEndpoint: expect.stringMatching(/\/codec$/),
      });
      expect(Date.parse(res.body.expiresAt)).toBeGreaterThan(Date.now() + 3_600_000);
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/^codec_session=[\w-]+\.[\w-]+\.[\w-]+; /);
      expect(cookie).toMatch(/Path=\/codec/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);

      const session = cookie.split(';')[0];
      const decoded = await request(http)
        .post('/codec/decode')
        .set('Origin', uiOrigin)
        .set('Cookie', session)
        .send({ payloads: [plainPayload] })
        .expect(200);
      expect(decoded.body).toEqual({ payloads: [plainPayload] });
      // No other route takes the cookie: it authenticates the codec and nothing else.
      await request(http).get('/reconciliation').set('Cookie', session).expect(401);
    });

    it('opens no session for another role, refuses a body, and clears the cookie on DELETE', async () => {
      await request(http)
        .post('/codec/session')
        .set('Authorization', bearer(['FINANCE']))
        .expect(403);
      const withBody = await request(http)
        .post('/codec/session')
        .set('Authorization', operator)
        .send({ token: 'x' })
        .expect(400);
      expectErrorBody(withBody.body, 400, 'VALIDATION_FAILED');
      const nonOperatorCookie = `codec_session=${bearer(['FINANCE']).slice('Bearer '.length)}`;
      await request(http)
        .post('/codec/decode')
        .set('Cookie', nonOperatorCookie)
        .send({ payloads: [] })
        .expect(403);

      const cleared = await request(http).delete('/codec/session').expect(204);
      expect(String(cleared.headers['set-cookie'])).toMatch(/^codec_session=; Path=\/codec; Max-Age=0/);
    });
  });
});
