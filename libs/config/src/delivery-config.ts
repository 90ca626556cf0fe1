/**
 * How the platform tells people and systems (issue 16): webhooks, mail and the daily digest. Read by the
 * worker (which delivers) and the API (which validates subscription URLs and builds links).
 */
export interface DeliveryConfig {
  /** The worker runs the dispatchers (`DELIVERY_ENABLED`); any number of workers may, they share the queues. */
  enabled: boolean;
  /** Where people reach the pages (`PUBLIC_BASE_URL`), for the links in mails. */
  publicBaseUrl: string;
  /** Subscription URLs to loopback/private ranges (`WEBHOOK_ALLOW_PRIVATE_TARGETS`); off in production. */
  allowPrivateTargets: boolean;
  /** Waits before each retry (`WEBHOOK_RETRY_SCHEDULE`, e.g. `5s,5m,30m`); after the last, a dead letter. */
  webhookRetrySchedule: number[];
  /** One attempt's time limit (`WEBHOOK_TIMEOUT_MS`). */
  webhookTimeoutMs: number;
  /** How long a rotated secret keeps signing beside the new one (`WEBHOOK_SECRET_OVERLAP_HOURS`). */
  secretOverlapHours: number;
  /** Idle poll of the queues (`DELIVERY_POLL_MS`); a commit wakes them at once through LISTEN/NOTIFY. */
  pollMs: number;
  /** A due delivery older than this (`DELIVERY_BACKLOG_ALERT_SECONDS`) means the backlog grows: /health says so. */
  backlogAlertSeconds: number;
  /** Days delivered webhooks and sent mail are kept before the hourly purge (`DELIVERY_RETENTION_DAYS`). */
  retentionDays: number;
  mail: MailConfig;
}

export interface MailConfig {
  /** `SMTP_URL` (smtp://user:pass@host:port or smtps://…); without it mail waits in the outbox, unsent. */
  smtpUrl?: string;
  /** `MAIL_FROM`, e.g. `"Perspectiefplan" <noreply@gemeente.example>`. */
  from: string;
  /** `MAIL_RETRY_SCHEDULE`, like the webhook schedule. */
  retrySchedule: number[];
  /** Local hour (Europe/Amsterdam) at which the daily digest goes out (`DIGEST_HOUR`). */
  digestHour: number;
}

/**
 * The Standard Webhooks / Svix practice: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h — eight attempts over
 * about 27.5 hours, so a receiver that is down for a day still gets everything.
 */
export const DEFAULT_WEBHOOK_RETRY_SCHEDULE = '5s,5m,30m,2h,5h,10h,10h';

/** People read mail within the day; an SMTP server that refuses for 12 h is an operator's problem. */
export const DEFAULT_MAIL_RETRY_SCHEDULE = '1m,5m,30m,2h,4h,6h';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses `5s,5m,2h` (units ms, s, m, h; at most 20 steps) into milliseconds; undefined if it is not one. */
export function parseRetrySchedule(text: string): number[] | undefined {
  const delays: number[] = [];
  for (const part of text.split(',').map((p) => p.trim())) {
    const match = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(part);
    if (!match) return undefined;
    delays.push(Math.round(Number(match[1]) * UNIT_MS[match[2]]));
  }
  return delays.length > 0 && delays.length <= 20 ? delays : undefined;
}
