import { isIP } from 'node:net';
import {
  DEFAULT_MAIL_RETRY_SCHEDULE,
  DEFAULT_WEBHOOK_RETRY_SCHEDULE,
  parseRetrySchedule,
  type DeliveryConfig,
} from './delivery-config';
import type { OidcConfig } from './oidc-config';
import type { SteeringConfig } from './steering-config';
import { readPayloadKeys, type PayloadKeyConfig, type PayloadKeyOptions } from './payload-keys';

/**
 * Runtime configuration shared by the api, the worker and the scripts, read from the environment once and
 * validated at start-up: a bad value stops the process with a message that names the variable.
 * Plain TypeScript on purpose: the stack scripts and migrations use it without Nest.
 */
export interface AppConfig {
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** Address the API listens on; loopback unless a container or proxy must reach it (`HOST`). */
  host: string;
  port: number;
  /** Address of the worker's health endpoint (`WORKER_HEALTH_HOST`), loopback by default like `host`. */
  workerHealthHost: string;
  workerHealthPort: number;
  /**
   * Port of the worker's Prometheus endpoint for the Temporal SDK's own metrics (`WORKER_METRICS_PORT`, on
   * `workerHealthHost`): workflow-task and activity latencies, schedule-to-start, sticky-cache hits, slots.
   * Unset: no endpoint (tests and several workers on one machine).
   */
  workerMetricsPort?: number;
  databaseUrl: string;
  temporal: {
    address: string;
    namespace: string;
    taskQueue: string;
    uiUrl: string;
  };
  /** Path of a prebuilt workflow bundle; when unset the worker bundles `workflows/` at start (development). */
  workflowBundlePath?: string;
  /** Workflows kept in the worker's sticky cache; bounds worker memory with many open trajectories. */
  workerMaxCachedWorkflows: number;
  /**
   * How long the API remembers an `Idempotency-Key` and its response. Past it the key may be used again;
   * a repeated lifecycle command is still ignored by the workflow (its command id) and a payment by the
   * ledger's idempotency key, so only the stored HTTP answer is forgotten.
   */
  idempotencyRetentionHours: number;
  auth: AuthConfig;
  perimeter: PerimeterConfig;
  /** Keys of the payload codec (`PAYLOAD_KEYS` / `PAYLOAD_KEYS_FILE`): the first encrypts, all decrypt. */
  payloadKeys: PayloadKeyConfig[];
  /**
   * `PAYLOAD_COMPRESSION` (default on): payloads from 256 bytes on are compressed before they are encrypted
   * (codec format 2, issue 20). Off while upgrading from a release before it, until no replica of that release
   * runs: every release reads format 2, only from this one on.
   */
  payloadCompression: boolean;
  delivery: DeliveryConfig;
  oidc: OidcConfig;
  steering: SteeringConfig;
}

/**
 * Sized to the workflows busy at once, not to the ones open: an evicted trajectory is replayed only when its
 * next command or timer comes. 500 kept the worker at ~0.5 GiB in the open-trajectory benchmark
 * (bench/README.md), where a cache as large as the open count grew ~0.3 MiB per open trajectory.
 */
export const DEFAULT_WORKER_MAX_CACHED_WORKFLOWS = 500;

/**
 * Listen on loopback unless told otherwise: the local stack has development credentials (the JWT secret
 * default) and must not be reachable from the network; containers set 0.0.0.0 explicitly (docker/).
 */
export const DEFAULT_LISTEN_HOST = '127.0.0.1';

/** 24 h, as common for HTTP idempotency keys: case systems retry within minutes, a day covers an outage. */
export const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 24;

/**
 * The API's perimeter (issue 15): request limits per minute shared by all replicas (PostgreSQL), how many
 * proxies in front set `X-Forwarded-For`, who may read `/metrics`, and whether `/docs` is served.
 */
export interface PerimeterConfig {
  /** Requests per minute from one address (all routes but health). */
  rateLimitPerAddress: number;
  /** Requests per minute of one authenticated caller (token subject or API key). */
  rateLimitPerCaller: number;
  /** Failed authentications per minute from one address before it gets 429 instead of 401. */
  rateLimitAuthFailures: number;
  /** Express `trust proxy` hops: 0 uses the socket's address (no proxy in front). */
  trustProxy: number;
  /** Bearer token for `/metrics`; without it only loopback callers may scrape. */
  metricsToken?: string;
  /** `/docs` and `/docs-json` (`DOCS_ENABLED`); off by default in production. */
  docsEnabled: boolean;
}

/**
 * Generous for people and case systems (a busy case system sends a few requests a second), tight for
 * guessing tokens: 600 bad tokens in 2 seconds were all answered before (issue 15).
 */
export const DEFAULT_RATE_LIMITS = { perAddress: 1200, perCaller: 1200, authFailures: 30 };

/** Bearer JWTs (HS256 with a shared secret locally, RS256 via JWKS in production) and API keys for case systems. */
export interface AuthConfig {
  jwtSecret?: string;
  jwksUrl?: string;
  issuer: string;
  audience: string;
  apiKeys: ApiKeyConfig[];
}

/** A case system's API key, stored as the SHA-256 of the key, with the municipalities it acts for. */
export interface ApiKeyConfig {
  name: string;
  sha256: string;
  municipalities: string[];
}

/** Used only outside production when JWT_SECRET is unset, so `npm start` works on a fresh clone. */
export const DEVELOPMENT_JWT_SECRET = 'local-development-secret-not-for-production';

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}\nSee .env.example for every variable.`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const NODE_ENVS = ['development', 'test', 'production'] as const;

export function loadConfig(env: Env = process.env, options: PayloadKeyOptions = {}): AppConfig {
  const problems: string[] = [];
  const read = new EnvReader(env, problems);

  const config: AppConfig = {
    nodeEnv: read.oneOf('NODE_ENV', NODE_ENVS, 'development'),
    logLevel: read.oneOf('LOG_LEVEL', LOG_LEVELS, 'info'),
    host: read.listenHost('HOST', DEFAULT_LISTEN_HOST),
    port: read.port('PORT', 3000),
    workerHealthHost: read.listenHost('WORKER_HEALTH_HOST', DEFAULT_LISTEN_HOST),
    workerHealthPort: read.port('WORKER_HEALTH_PORT', 3001),
    workerMetricsPort: env.WORKER_METRICS_PORT ? read.port('WORKER_METRICS_PORT', 1) : undefined,
    databaseUrl: read.postgresUrl('DATABASE_URL'),
    temporal: {
      address: read.hostPort('TEMPORAL_ADDRESS', '127.0.0.1:7233'),
      namespace: read.name('TEMPORAL_NAMESPACE', 'default'),
      taskQueue: read.name('TEMPORAL_TASK_QUEUE', 'trajectories'),
      uiUrl: read.httpUrl('TEMPORAL_UI_URL', 'http://127.0.0.1:8233'),
    },
    workflowBundlePath: env.WORKFLOW_BUNDLE_PATH || undefined,
    workerMaxCachedWorkflows: read.positiveInt(
      'WORKER_MAX_CACHED_WORKFLOWS',
      DEFAULT_WORKER_MAX_CACHED_WORKFLOWS,
    ),
    idempotencyRetentionHours: read.positiveInt(
      'IDEMPOTENCY_RETENTION_HOURS',
      DEFAULT_IDEMPOTENCY_RETENTION_HOURS,
    ),
    auth: {
      jwtSecret: env.JWT_SECRET || undefined,
      jwksUrl: env.JWT_JWKS_URL ? read.httpUrl('JWT_JWKS_URL', '') : undefined,
      issuer: read.name('JWT_ISSUER', 'perspective-plan-platform'),
      audience: read.name('JWT_AUDIENCE', 'perspective-plan-api'),
      apiKeys: read.apiKeys('API_KEYS'),
    },
    perimeter: {
      rateLimitPerAddress: read.positiveInt('RATE_LIMIT_PER_ADDRESS', DEFAULT_RATE_LIMITS.perAddress),
      rateLimitPerCaller: read.positiveInt('RATE_LIMIT_PER_CALLER', DEFAULT_RATE_LIMITS.perCaller),
      rateLimitAuthFailures: read.positiveInt('RATE_LIMIT_AUTH_FAILURES', DEFAULT_RATE_LIMITS.authFailures),
      trustProxy: read.positiveIntOrZero('TRUST_PROXY_HOPS', 0),
      metricsToken: env.METRICS_TOKEN || undefined,
      docsEnabled: read.flag('DOCS_ENABLED', true),
    },
    payloadKeys: [],
    payloadCompression: read.flag('PAYLOAD_COMPRESSION', true),
    oidc: undefined as unknown as OidcConfig,
    steering: {
      stackedCostThresholdCents: read.positiveInt('STEERING_STACKED_COST_CENTS', 10_000_000),
      mixDeviationPercent: read.positiveInt('STEERING_MIX_DEVIATION_PERCENT', 25),
      averagingBalancePercent: read.positiveInt('STEERING_AVERAGING_BALANCE_PERCENT', 90),
      practiceVariationPercent: read.positiveInt('STEERING_PRACTICE_VARIATION_PERCENT', 25),
      refreshSeconds: read.positiveIntOrZero('STEERING_REFRESH_SECONDS', 300),
    },
    delivery: {
      enabled: read.flag('DELIVERY_ENABLED', true),
      publicBaseUrl: '',
      allowPrivateTargets: read.flag('WEBHOOK_ALLOW_PRIVATE_TARGETS', true),
      webhookRetrySchedule: read.schedule('WEBHOOK_RETRY_SCHEDULE', DEFAULT_WEBHOOK_RETRY_SCHEDULE),
      webhookTimeoutMs: read.positiveInt('WEBHOOK_TIMEOUT_MS', 10_000),
      secretOverlapHours: read.positiveInt('WEBHOOK_SECRET_OVERLAP_HOURS', 24),
      pollMs: read.positiveInt('DELIVERY_POLL_MS', 1000),
      backlogAlertSeconds: read.positiveInt('DELIVERY_BACKLOG_ALERT_SECONDS', 120),
      retentionDays: read.positiveInt('DELIVERY_RETENTION_DAYS', 30),
      mail: {
        smtpUrl: read.smtpUrl('SMTP_URL'),
        from: env.MAIL_FROM || '"Perspectiefplan" <noreply@perspectiefplan.local>',
        retrySchedule: read.schedule('MAIL_RETRY_SCHEDULE', DEFAULT_MAIL_RETRY_SCHEDULE),
        digestHour: read.hour('DIGEST_HOUR', 7),
      },
    },
  };
  config.delivery.publicBaseUrl = read.httpUrl('PUBLIC_BASE_URL', `http://127.0.0.1:${config.port}`);
  config.oidc = {
    issuer: env.OIDC_ISSUER ? read.httpUrl('OIDC_ISSUER', '') : undefined,
    clientId: read.name('OIDC_CLIENT_ID', 'perspective-plan'),
    clientSecret: env.OIDC_CLIENT_SECRET || undefined,
    redirectUrl: read.httpUrl('OIDC_REDIRECT_URL', `${config.delivery.publicBaseUrl}/auth/callback`),
    scopes: env.OIDC_SCOPES || 'openid perspective',
    claims: {
      roles: env.OIDC_ROLES_CLAIM || 'roles',
      municipalities: env.OIDC_MUNICIPALITIES_CLAIM || 'municipalities',
      providerId: env.OIDC_PROVIDER_CLAIM || 'provider_id',
      clientId: env.OIDC_CLIENT_CLAIM || 'client_ref',
    },
    sessionHours: read.positiveInt('SESSION_HOURS', 8),
    tokenSignIn: read.flag('TOKEN_SIGN_IN', config.nodeEnv !== 'production'),
  };
  if (!config.oidc.scopes.split(' ').includes('openid')) problems.push('OIDC_SCOPES must include openid');
  // Production subscriptions go to the internet only, unless an operator says otherwise on purpose.
  if (env.WEBHOOK_ALLOW_PRIVATE_TARGETS === undefined && config.nodeEnv === 'production') {
    config.delivery.allowPrivateTargets = false;
  }
  if (config.auth.jwtSecret !== undefined && config.auth.jwtSecret.length < 32) {
    problems.push('JWT_SECRET must be at least 32 characters');
  }
  if (!config.auth.jwtSecret && !config.auth.jwksUrl) {
    if (config.nodeEnv === 'production')
      problems.push('JWT_SECRET or JWT_JWKS_URL is required in production');
    else config.auth.jwtSecret = DEVELOPMENT_JWT_SECRET;
  }
  config.payloadKeys = readPayloadKeys(env, config.nodeEnv === 'production', problems, options);
  if (env.DOCS_ENABLED === undefined && config.nodeEnv === 'production') config.perimeter.docsEnabled = false;
  if (config.perimeter.metricsToken !== undefined && config.perimeter.metricsToken.length < 24)
    problems.push('METRICS_TOKEN must be at least 24 characters');
  if (config.workerMetricsPort !== undefined && config.workerMetricsPort === config.workerHealthPort)
    problems.push(
      `WORKER_METRICS_PORT=${config.workerMetricsPort} is WORKER_HEALTH_PORT too: give each its own`,
    );
  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}

/** The payload keys alone, for tools that talk to Temporal without the rest of the configuration. */
export function loadPayloadKeys(env: Env = process.env, options: PayloadKeyOptions = {}): PayloadKeyConfig[] {
  const problems: string[] = [];
  const keys = readPayloadKeys(env, env.NODE_ENV?.trim() === 'production', problems, options);
  if (problems.length > 0) throw new ConfigError(problems);
  return keys;
}

class EnvReader {
  constructor(
    private readonly env: Env,
    private readonly problems: string[],
  ) {}

  private raw(name: string): string | undefined {
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const value = this.raw(name) ?? fallback;
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}="${value}" must be one of ${allowed.join(', ')}`);
    return fallback;
  }

  positiveIntOrZero(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d{1,3}$/.test(value)) {
      this.problems.push(`${name}="${value}" must be a whole number (0-999)`);
      return fallback;
    }
    return Number(value);
  }

  flag(name: string, fallback: boolean): boolean {
    const value = this.raw(name)?.toLowerCase();
    if (value === undefined) return fallback;
    if (['true', '1', 'yes', 'on'].includes(value)) return true;
    if (['false', '0', 'no', 'off'].includes(value)) return false;
    this.problems.push(`${name}="${value}" must be true or false`);
    return fallback;
  }

  port(name: string, fallback: number): number {
    const value = this.positiveInt(name, fallback);
    if (value > 65535) this.problems.push(`${name}=${value} is not a TCP port (1-65535)`);
    return value;
  }

  positiveInt(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d+$/.test(value) || Number(value) < 1) {
      this.problems.push(`${name}="${value}" must be a positive integer`);
      return fallback;
    }
    return Number(value);
  }

  postgresUrl(name: string): string {
    const value = this.raw(name);
    if (value === undefined) {
      this.problems.push(`${name} is required (postgres://user:password@host:5432/database)`);
      return '';
    }
    try {
      const url = new URL(value);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') throw new Error('protocol');
      if (!url.hostname || url.pathname.length < 2) throw new Error('host or database missing');
    } catch {
      // The value itself may hold a password: never echo it.
      this.problems.push(`${name} must be a postgres:// URL with host and database name`);
    }
    return value;
  }

  /** An IPv4/IPv6 address or a host name to bind to (no port, no scheme). */
  listenHost(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (isIP(value) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(value)) {
      this.problems.push(`${name}="${value}" must be an IP address or a host name (e.g. 127.0.0.1, 0.0.0.0)`);
    }
    return value;
  }

  hostPort(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!/^[A-Za-z0-9.\-_]+:\d{1,5}$/.test(value)) this.problems.push(`${name}="${value}" must be host:port`);
    return value;
  }

  httpUrl(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!/^https?:\/\/\S+$/.test(value)) this.problems.push(`${name}="${value}" must be an http(s) URL`);
    return value.replace(/\/$/, '');
  }

  apiKeys(name: string): ApiKeyConfig[] {
    const value = this.raw(name);
    if (value === undefined) return [];
    try {
      const parsed: unknown = JSON.parse(value);
      if (!Array.isArray(parsed)) throw new Error('not an array');
      return parsed.map((k: Partial<ApiKeyConfig>) => {
        if (
          typeof k.name !== 'string' ||
          !/^[0-9a-f]{64}$/.test(String(k.sha256)) ||
          !Array.isArray(k.municipalities)
        ) {
          throw new Error('entry');
        }
        return { name: k.name, sha256: String(k.sha256), municipalities: k.municipalities.map(String) };
      });
    } catch {
      this.problems.push(
        `${name} must be a JSON array of {"name","sha256" (hex SHA-256 of the key),"municipalities":[…]}`,
      );
      return [];
    }
  }

  schedule(name: string, fallback: string): number[] {
    const value = this.raw(name) ?? fallback;
    const parsed = parseRetrySchedule(value);
    if (!parsed)
      this.problems.push(`${name}="${value}" must be waits like 5s,5m,2h (1 to 20, units ms/s/m/h)`);
    return parsed ?? parseRetrySchedule(fallback)!;
  }

  smtpUrl(name: string): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    if (!/^smtps?:\/\/\S+$/.test(value)) this.problems.push(`${name} must be an smtp:// or smtps:// URL`);
    return value;
  }

  hour(name: string, fallback: number): number {
    const value = this.raw(name);
    if (value === undefined) return fallback;
    if (!/^\d{1,2}$/.test(value) || Number(value) > 23) this.problems.push(`${name}="${value}" must be 0–23`);
    return Number(value) <= 23 ? Number(value) : fallback;
  }

  name(name: string, fallback: string): string {
    const value = this.raw(name) ?? fallback;
    if (!/^[A-Za-z0-9.\-_]{1,200}$/.test(value))
      this.problems.push(`${name}="${value}" has invalid characters`);
    return value;
  }
}
