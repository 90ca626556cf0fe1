import { Webhook } from 'standardwebhooks';
import { generateWebhookSecret, signedHeaders, verifySignature } from '@app/notify';

describe('Standard Webhooks signing', () => {
  const body = JSON.stringify({ id: 'evt_1', type: 'notice.decision-issued.v1', data: { n: 1 } });
  const now = Math.floor(Date.now() / 1000);

  it('is accepted by the reference library (standardwebhooks on npm)', () => {
    const secret = generateWebhookSecret();
    const headers = signedHeaders([secret], 'evt_1', now, body);
    expect(new Webhook(secret).verify(body, { ...headers })).toEqual(JSON.parse(body));
  });

  it('signs with every secret during a rotation, so either verifies', () => {
    const [next, previous] = [generateWebhookSecret(), generateWebhookSecret()];
    const headers = signedHeaders([next, previous], 'evt_1', now, body);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(() => new Webhook(previous).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(next).verify(body, { ...headers })).not.toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, { ...headers })).toThrow();
  });

  it('refuses a changed body, another id, or an old timestamp', () => {
    const secret = generateWebhookSecret();
    const headers = signedHeaders([secret], 'evt_1', now, body);
    expect(verifySignature(secret, headers, body, now)).toBe(true);
    expect(verifySignature(secret, headers, body.replace('1', '2'), now)).toBe(false);
    expect(verifySignature(secret, { ...headers, 'webhook-id': 'evt_2' }, body, now)).toBe(false);
    expect(verifySignature(secret, headers, body, now + 301)).toBe(false);
  });
});
