import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadConfig } from '@app/config';
import type { Role } from '@app/contracts';
import { mintDevToken } from '@app/platform';
import type { LatencyRecorder } from '../harness/latency';
import { MUNICIPALITY, PROVIDER_ID } from './requests';
import { ROUTES, routePath, type RouteName } from './routes';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly route: string,
    readonly body: string,
  ) {
    super(`${route} → ${status} ${body.slice(0, 300)}`);
  }
}

/** Retries of a call answered 503 (the API's "retry later"), 1 s apart, as the README asks of callers. */
const RETRIES_AFTER_503 = 5;
const RETRY_DELAY_MS = 1000;

/**
 * The platform API over HTTP, as a case system, a local team, a provider and the table call it: one
 * locally minted token per role, latencies recorded per `METHOD /path/:with/placeholders`. Like a well-behaved
 * case system it sends an `Idempotency-Key` with every POST and retries a 503 with the same key, so a command
 * that timed out in the API but ran in Temporal is answered, not repeated. A call's latency includes its retries.
 */
export class ApiClient {
  private readonly tokens = new Map<Role, string>();
  private readonly baseUrls: string[];
  private calls = 0;
  /** 503 answers that were retried, per route label. */
  readonly retriedAfter503 = new Map<string, number>();

  /** Several base URLs (API replicas) are called in turn: each call goes to the next one. */
  constructor(
    baseUrl: string | string[],
    private readonly latency: LatencyRecorder,
    env: Record<string, string | undefined>,
  ) {
    this.baseUrls = typeof baseUrl === 'string' ? [baseUrl] : baseUrl;
    // The API checks tokens with the same development secret (or JWT_SECRET) from the same environment.
    const config = loadConfig(env);
    for (const role of ['CASE_SYSTEM', 'LOCAL_TEAM', 'PROVIDER', 'BREAKTHROUGH_TABLE', 'FINANCE'] as Role[]) {
      this.tokens.set(
        role,
        mintDevToken(config, {
          sub: `bench-${role.toLowerCase()}`,
          roles: [role],
          municipalities: [MUNICIPALITY],
          providerId: role === 'PROVIDER' ? PROVIDER_ID : undefined,
          expiresIn: '24h',
        }),
      );
    }
  }

  async call<T = unknown>(
    name: RouteName,
    params: Record<string, string | undefined> = {},
    body?: object,
    query?: Record<string, string>,
    role?: Role,
  ): Promise<T> {
    const route = ROUTES[name];
    const url = new URL(routePath(route, params), this.baseUrls[this.calls++ % this.baseUrls.length]);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const label = `${route.method} ${route.path}`;
    const headers: Record<string, string> = {
      authorization: `Bearer ${this.tokens.get(role ?? route.role)}`,
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(route.method === 'POST' ? { 'idempotency-key': randomUUID() } : {}),
    };
    return this.latency.time(label, async () => {
      for (let attempt = 0; ; attempt++) {
        const res = await fetch(url, {
          method: route.method,
          headers,
          body: body ? JSON.stringify(body) : undefined,
        });
        const text = await res.text();
        if (res.status === 503 && attempt < RETRIES_AFTER_503) {
          this.retriedAfter503.set(label, (this.retriedAfter503.get(label) ?? 0) + 1);
          await sleep(RETRY_DELAY_MS * (attempt + 1));
          continue;
        }
        if (!res.ok) throw new ApiError(res.status, label, text);
        return (text ? JSON.parse(text) : undefined) as T;
      }
    });
  }
}
