import { lookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isNonPublicAddress, signedHeaders } from '@app/notify';

export interface SendOutcome {
  ok: boolean;
  statusCode: number | null;
  /** For the delivery's last_error: status or network failure, never the receiver's body. */
  error: string;
}

/**
 * One delivery attempt: POST the event as JSON, signed per Standard Webhooks, with a time limit. Unless
 * private targets are allowed, the connection is refused when the host resolves to a loopback, link-local or
 * private address — checked on the address actually connected to, so DNS rebinding cannot get around it.
 * Redirects are not followed (a 3xx is a failed attempt).
 */
export class WebhookSender {
  constructor(private readonly options: { timeoutMs: number; allowPrivateTargets: boolean }) {}

  send(url: string, secrets: readonly string[], eventId: string, body: string): Promise<SendOutcome> {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return Promise.resolve({ ok: false, statusCode: null, error: 'invalid URL' });
    }
    const host = target.hostname.replace(/^\[|\]$/g, '');
    if (!this.options.allowPrivateTargets && isIP(host) !== 0 && isNonPublicAddress(host)) {
      return Promise.resolve({ ok: false, statusCode: null, error: 'target address not allowed' });
    }
    const headers = {
      'content-type': 'application/json',
      'user-agent': 'perspective-plan-webhooks/1',
      ...signedHeaders(secrets, eventId, Math.floor(Date.now() / 1000), body),
    };
    const requestOptions: RequestOptions = {
      method: 'POST',
      headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      timeout: this.options.timeoutMs,
      lookup: this.options.allowPrivateTargets ? undefined : publicOnlyLookup,
    };
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve) => {
      // Called only from the request's events, after `deadline` below is set.
      const finish = (outcome: SendOutcome) => {
        clearTimeout(deadline);
        resolve(outcome);
      };
      const req = send(target, requestOptions, (res) => {
        res.resume(); // the body is the receiver's business; drain it so the socket is freed
        res.on('end', () => {
          const code = res.statusCode ?? 0;
          const ok = code >= 200 && code < 300;
          finish({ ok, statusCode: code, error: ok ? '' : `HTTP ${code}` });
        });
        res.on('error', (error) =>
          finish({ ok: false, statusCode: res.statusCode ?? null, error: error.message }),
        );
      });
      // The whole attempt (connect, send, answer) within the time limit, not only an idle socket.
      const deadline = setTimeout(() => req.destroy(new Error('timed out')), this.options.timeoutMs);
      req.on('timeout', () => req.destroy(new Error('timed out')));
      req.on('error', (error) => finish({ ok: false, statusCode: null, error: error.message.slice(0, 200) }));
      req.end(body);
    });
  }
}

/** dns.lookup that fails for addresses outside the public internet (both callback shapes of net.connect). */
const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  lookup(hostname, options, (error, address: string | LookupAddress[], family?: number) => {
    if (error) return callback(error, address as string, family);
    const addresses = Array.isArray(address) ? address.map((a) => a.address) : [address];
    if (addresses.some(isNonPublicAddress)) {
      const refused = Object.assign(new Error(`${hostname} resolves to a non-public address`), {
        code: 'ENOTPUBLIC',
      });
      return callback(refused, address as string, family);
    }
    callback(null, address as string, family);
  });
};
