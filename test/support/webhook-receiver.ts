import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got: its headers, its body and whether its signature verified. */
export interface ReceivedDelivery {
  webhookId: string;
  body: string;
  event: {
    id: string;
    type: string;
    data: { trajectoryId: string; sequence: number; providerId?: string | null } & Record<string, unknown>;
  } & Record<string, unknown>;
  /** The three Standard Webhooks headers as sent. */
  signed: SignedHeaders;
  signatureValid: boolean;
  answered: number;
}

export interface SignedHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

function signedHeadersOf(headers: IncomingHttpHeaders): SignedHeaders {
  return {
    'webhook-id': String(headers['webhook-id']),
    'webhook-timestamp': String(headers['webhook-timestamp']),
    'webhook-signature': String(headers['webhook-signature']),
  };
}

/** Answer 204, 500, 410 Gone, or 500 for a while from the first request on (an outage), then 204. */
export type ReceiverMode = 'ok' | 'fail' | 'gone' | { failForMs: number };

/**
 * A case system's webhook endpoint, real HTTP on loopback: it verifies every request with the Standard
 * Webhooks reference library (`standardwebhooks` on npm) against the subscription's secret(s), records it,
 * and answers 204 — or 500 while it is set to fail. `delayMs` keeps deliveries in flight for crash tests.
 */
export class WebhookReceiver {
  readonly received: ReceivedDelivery[] = [];
  private secrets: string[] = [];
  private failUntil?: number;
  private failForMs = 0;
  private server?: Server;

  constructor(
    private mode: ReceiverMode = 'ok',
    private readonly delayMs = 0,
  ) {
    this.setMode(mode);
  }

  setMode(mode: ReceiverMode): void {
    this.mode = mode;
    this.failForMs = typeof mode === 'object' ? mode.failForMs : 0;
    this.failUntil = undefined;
  }

  /** Secrets any of which may verify a request (a rotation's overlap has two). */
  trust(...secrets: string[]): void {
    this.secrets = secrets;
  }

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const answer = this.answerFor();
        const record = () =>
          this.received.push({
            webhookId: String(req.headers['webhook-id']),
            body,
            event: JSON.parse(body),
            signed: signedHeadersOf(req.headers),
            signatureValid: this.verifies(req.headers, body),
            answered: answer,
          });
        setTimeout(() => {
          record();
          res.writeHead(answer).end();
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** The accepted deliveries, first arrival of each webhook-id only (what a de-duplicating receiver keeps). */
  accepted(): ReceivedDelivery[] {
    const seen = new Set<string>();
    return this.received.filter((d) => {
      if (d.answered >= 300 || seen.has(d.webhookId)) return false;
      seen.add(d.webhookId);
      return true;
    });
  }

  private answerFor(): number {
    if (this.mode === 'fail') return 500;
    if (this.mode === 'gone') return 410;
    if (this.failForMs > 0) {
      this.failUntil ??= Date.now() + this.failForMs;
      if (Date.now() < this.failUntil) return 500;
    }
    return 204;
  }

  private verifies(headers: IncomingHttpHeaders, body: string): boolean {
    const signed = signedHeadersOf(headers);
    return this.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(body, signed);
        return true;
      } catch {
        return false;
      }
    });
  }
}
