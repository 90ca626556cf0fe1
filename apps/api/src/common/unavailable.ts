import { ServiceError } from '@temporalio/client';

const PG_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** True when the error means Temporal or PostgreSQL cannot be reached right now (→ 503). */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof ServiceError) {
    const code = (error.cause as { code?: number } | undefined)?.code;
    // gRPC status 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED
    return code === 14 || code === 4;
  }
  const e = error as { code?: string; message?: string } | undefined;
  if (e?.code && PG_CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect/i.test(
    e?.message ?? '',
  );
}
