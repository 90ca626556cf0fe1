import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signing as the Standard Webhooks specification (standardwebhooks.com) says, so receivers can use any of its
 * libraries: headers `webhook-id`, `webhook-timestamp` (Unix seconds) and `webhook-signature`, the latter
 * `v1,<base64 HMAC-SHA256 over "id.timestamp.body">`, several separated by spaces while a rotated secret's
 * overlap runs. Secrets are `whsec_` + base64 of 32 random bytes; the HMAC key is the decoded bytes.
 */
export const SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;
}

function keyOf(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new RangeError('a webhook secret starts with whsec_');
  return Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
}

export function signatureOf(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret))
    .update(`${id}.${timestampSeconds}.${body}`)
    .digest('base64');
  return `v1,${mac}`;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** The three headers of one delivery attempt, signed with every secret that is valid now (current first). */
export function signedHeaders(
  secrets: readonly string[],
  id: string,
  timestampSeconds: number,
  body: string,
): SignedHeaders {
  if (secrets.length === 0) throw new RangeError('at least one secret is needed to sign');
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestampSeconds),
    'webhook-signature': secrets.map((s) => signatureOf(s, id, timestampSeconds, body)).join(' '),
  };
}

/**
 * A receiver's check (used by the tests and documented for case systems): one of the signatures matches, and
 * the timestamp is within `toleranceSeconds` of now (replay protection).
 */
export function verifySignature(
  secret: string,
  headers: SignedHeaders,
  body: string,
  nowSeconds: number,
  toleranceSeconds = 300,
): boolean {
  const timestamp = Number(headers['webhook-timestamp']);
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signatureOf(secret, headers['webhook-id'], timestamp, body));
  return headers['webhook-signature'].split(' ').some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
