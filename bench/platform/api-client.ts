import { loadConfig } from '../../libs/config/src';
import type { Role } from '../../libs/contracts/src';
import { mintDevToken } from '../../libs/platform/src';
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

/**
 * The platform API over HTTP, as a case system, a local team, a provider and the table call it: one
 * locally minted token per role, latencies recorded per `METHOD /path/:with/placeholders`.
 */
export class ApiClient {
  private readonly tokens = new Map<Role, string>();

  constructor(
    private readonly baseUrl: string,
    private readonly latency: LatencyRecorder,
    env: Record<string, string | undefined>,
  ) {
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
    const url = new URL(routePath(route, params), this.baseUrl);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    const label = `${route.method} ${route.path}`;
    return this.latency.time(label, async () => {
      const res = await fetch(url, {
        method: route.method,
        headers: {
          authorization: `Bearer ${this.tokens.get(role ?? route.role)}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
      });
      const text = await res.text();
      if (!res.ok) throw new ApiError(res.status, label, text);
      return (text ? JSON.parse(text) : undefined) as T;
    });
  }
}
