/**
 * A database refusal caused by the data written, not by the database being away: SQLSTATE class 22 (data
 * exception: a value too long, out of range, a byte the encoding refuses) and class 23 (integrity constraint:
 * not null, foreign key, check). Retrying the same write cannot succeed, so the caller must stop and report it
 * instead of retrying for ever. Connection failures and class 40/53/57/08 errors are outages: retry.
 */
export interface DataFailure {
  sqlState: string;
  /** What PostgreSQL names as refusing (table, column or constraint): never the value itself. */
  where: string;
}

export function dataFailureOf(error: unknown): DataFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const driver = (error as { driverError?: unknown }).driverError ?? error;
  const { code, table, column, constraint } = driver as {
    code?: unknown;
    table?: unknown;
    column?: unknown;
    constraint?: unknown;
  };
  if (typeof code !== 'string' || !/^2[23][0-9A-Z]{3}$/.test(code)) return undefined;
  const where = [table, column, constraint].filter((p): p is string => typeof p === 'string').join('.');
  return { sqlState: code, where: where || 'unknown' };
}
