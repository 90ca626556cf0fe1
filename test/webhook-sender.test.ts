import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebhookSender } from '../apps/worker/src/delivery/webhook-sender';
import { DigestScheduler } from '../apps/worker/src/delivery/digest-scheduler';
import { loadConfig } from '@app/config';

/**
 * The webhook sender against a real HTTP receiver on loopback (issue 16): in a production-like configuration a
 * host name that resolves to a private address is refused when connecting — after the subscription's URL check,
 * so a name re-pointed at an internal address later (DNS rebinding) reaches nothing — and an allowed target gets
 * the signed request.
 */
describe('webhook sender: the address actually connected to', () => {
  let server: Server;
  let port: number;
  const received: IncomingHttpHeaders[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      received.push(req.headers);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  const body = JSON.stringify({ type: 'trajectory.decision-issued.v1' });
  const secret = `whsec_${Buffer.alloc(24, 1).toString('base64')}`;

  it('refuses a host name that resolves to loopback when private targets are not allowed', async () => {
    const sender = new WebhookSender({ timeoutMs: 2000, allowPrivateTargets: false });
    const outcome = await sender.send(`http://localhost:${port}/hook`, [secret], 'msg_1', body);
    expect(outcome).toEqual({
      ok: false,
      statusCode: null,
      error: 'localhost resolves to a non-public address',
    });
    expect(received).toHaveLength(0);
  });

  it('refuses a private IP literal before connecting at all', async () => {
    const sender = new WebhookSender({ timeoutMs: 2000, allowPrivateTargets: false });
    const outcome = await sender.send(`http://127.0.0.1:${port}/hook`, [secret], 'msg_2', body);
    expect(outcome.error).toBe('target address not allowed');
    expect(received).toHaveLength(0);
  });

  it('delivers, signed per Standard Webhooks, where private targets are allowed (the local stack, tests)', async () => {
    const sender = new WebhookSender({ timeoutMs: 2000, allowPrivateTargets: true });
    const outcome = await sender.send(`http://localhost:${port}/hook`, [secret], 'msg_3', body);
    expect(outcome).toEqual({ ok: true, statusCode: 204, error: '' });
    expect(received).toHaveLength(1);
    expect(received[0]['webhook-id']).toBe('msg_3');
    expect(received[0]['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });
});

describe('daily digest: composed once the local hour reaches DIGEST_HOUR', () => {
  it('waits until 07:00 in Amsterdam, then composes that day’s digests, once over all workers', async () => {
    const days: [string, unknown][] = [];
    const config = loadConfig({ DATABASE_URL: 'postgres://app:secret@localhost:5432/app', DIGEST_HOUR: '7' });
    // The dispatcher's outbox and wake-up as plain recorders: what is asserted is the scheduler's clock rule.
    const mail = {
      outbox: {
        composeDigests: (day: string, options: unknown) => (days.push([day, options]), Promise.resolve(3)),
      },
    };
    const wakeup = { wakeAll: () => undefined };
    const scheduler = new DigestScheduler(config, mail as never, wakeup as never);
    // 05:59 UTC is 06:59 in Amsterdam in winter: not yet.
    expect(await scheduler.tick(new Date('2026-12-07T05:59:00Z'))).toBe(0);
    expect(days).toEqual([]);
    // 06:00 UTC is 07:00 in Amsterdam: that day's digests.
    expect(await scheduler.tick(new Date('2026-12-07T06:00:00Z'))).toBe(3);
    // `once`: the digest_run row lets one worker of many compose them (test/events-webhooks.e2e.test.ts).
    expect(days).toEqual([['2026-12-07', { once: true }]]);
  });
});
