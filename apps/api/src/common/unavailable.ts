import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';

const PG_CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P03',
  '08006',
  '08001',
]);

/** gRPC status 14 UNAVAILABLE, 4 DEADLINE_EXCEEDED, 8 RESOURCE_EXHAUSTED: the server cannot answer now. */
const GRPC_RETRY_LATER = new Set([14, 4, 8]);

/**
 * True when the error means Temporal or PostgreSQL cannot answer right now (→ 503, retry later): an
 * unreachable or overloaded server, or a call that ran past its deadline (commands are idempotent, so a retry
 * with the same Idempotency-Key is safe).
 */
export function isUnavailable(error: unknown): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const grpcCode = (e: unknown) => (e as { code?: unknown } | undefined)?.code;
  if (error instanceof ServiceError) {
    const code = grpcCode(error.cause) ?? grpcCode(error);
    return typeof code === 'number' && GRPC_RETRY_LATER.has(code);
  }
  const e = error as { code?: unknown; details?: unknown; message?: string } | undefined;
  if (typeof e?.code === 'number' && typeof e.details === 'string') return GRPC_RETRY_LATER.has(e.code);
  if (typeof e?.code === 'string' && PG_CONNECTION_CODES.has(e.code)) return true;
  return /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|deadline exceeded/i.test(
    e?.message ?? '',
  );
}
