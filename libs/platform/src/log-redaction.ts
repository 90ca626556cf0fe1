/**
 * JSON.stringify replacer for log lines: an Error is written as its name, its code and (for errors that do
 * not come from the database) its message, never as its enumerable fields. TypeORM's QueryFailedError carries
 * the failing SQL with all its parameters, and a database error's message can quote the value it refused;
 * either may hold personal data, so a database error is logged as its class, SQLSTATE and the table, column
 * or constraint it names. Bigints become strings.
 */
export function logReplacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (!(value instanceof Error)) return value;
  const e = value as Error & {
    code?: unknown;
    type?: unknown;
    driverError?: { code?: unknown; table?: unknown; column?: unknown; constraint?: unknown };
    query?: unknown;
    cause?: unknown;
  };
  const driver =
    e.driverError ?? (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e : undefined);
  if (driver !== undefined || e.query !== undefined) {
    const d = (driver ?? {}) as { code?: unknown; table?: unknown; column?: unknown; constraint?: unknown };
    return { name: e.name, sqlState: d.code, table: d.table, column: d.column, constraint: d.constraint };
  }
  return {
    name: e.name,
    message: e.message,
    ...(typeof e.code === 'string' || typeof e.type === 'string' ? { code: e.code ?? e.type } : {}),
    ...(e.cause !== undefined ? { cause: e.cause } : {}),
  };
}
