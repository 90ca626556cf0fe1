/**
 * The rows of an `UPDATE … RETURNING` or `DELETE … RETURNING`: TypeORM's PostgreSQL driver answers those with
 * `[rows, rowCount]` but an INSERT or SELECT with the rows alone. Pure, so the ledger, the register and the
 * persistence library share it.
 */
export function returningRows<T>(result: unknown): T[] {
  if (
    Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
  ) {
    return result[0] as T[];
  }
  return result as T[];
}
