/**
 * One schema per read-model table: the column of each field and how its value is written and read. The row
 * type the workflows produce, the column list and the values of the INSERT, and the mapping of a SELECT
 * back to the row are all derived from it, so the four can never drift apart. The TypeORM entity stays the
 * migration's mirror of the table.
 */
export interface Column<T> {
  /** The PostgreSQL column. */
  readonly name: string;
  /** Identity columns are written once and never updated. */
  readonly immutable: boolean;
  toDb(value: T): unknown;
  fromDb(value: unknown): T;
}

/** The columns of a table, by row field. */
export type Columns = Record<string, Column<unknown>>;

/** The row a schema describes: each field typed by its column. */
export type RowOf<C extends Columns> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };

const same = <T>(value: T): unknown => value;
const instantText = (value: unknown): string => (value instanceof Date ? value.toISOString() : String(value));
const orNull =
  <T>(read: (value: unknown) => T) =>
  (value: unknown): T | null =>
    value === null || value === undefined ? null : read(value);

function column<T>(
  name: string,
  fromDb: (value: unknown) => T,
  options: { immutable?: boolean; toDb?: (value: T) => unknown } = {},
): Column<T> {
  return { name, immutable: options.immutable === true, toDb: options.toDb ?? same, fromDb };
}

/** Column kinds of the read model. `immutable` marks identity columns. */
export const col = {
  text: (name: string, immutable = false) => column<string>(name, String, { immutable }),
  textOrNull: (name: string) => column<string | null>(name, orNull(String)),
  int: (name: string) => column<number>(name, Number),
  intOrNull: (name: string) => column<number | null>(name, orNull(Number)),
  bool: (name: string) => column<boolean>(name, Boolean),
  /** timestamptz, an ISO-8601 string in the row. */
  instant: (name: string, immutable = false) => column<string>(name, instantText, { immutable }),
  instantOrNull: (name: string) => column<string | null>(name, orNull(instantText)),
  /** jsonb, written as JSON text. */
  json: <T extends object>(name: string) =>
    column<T>(name, (value) => value as T, { toDb: (value) => JSON.stringify(value) }),
};

export interface RowSchema<C extends Columns> {
  readonly table: string;
  readonly columns: C;
  /** The primary key's columns, comma-separated (for ON CONFLICT). */
  readonly key: string;
  /** Every column, in the schema's order. */
  readonly columnNames: readonly string[];
  readonly immutableColumns: ReadonlySet<string>;
  /** The row's values in `columnNames` order, ready for a parameterised INSERT. */
  values(row: RowOf<C>): unknown[];
  /** A SELECT of every column (or of `fields`) mapped back to the row. */
  fromDb(db: Record<string, unknown>): RowOf<C>;
  /** The SQL column list and the mapper of a SELECT of some fields. */
  pick<K extends keyof C & string>(
    fields: readonly K[],
  ): { columns: string; fromDb(db: Record<string, unknown>): Pick<RowOf<C>, K> };
}

export function rowSchema<C extends Columns>(
  table: string,
  key: readonly (keyof C & string)[],
  columns: C,
): RowSchema<C> {
  const fields = Object.keys(columns) as (keyof C & string)[];
  const read = <K extends keyof C & string>(keys: readonly K[], db: Record<string, unknown>) =>
    Object.fromEntries(keys.map((k) => [k, columns[k].fromDb(db[columns[k].name])])) as unknown as Pick<
      RowOf<C>,
      K
    >;
  return {
    table,
    columns,
    key: key.map((k) => columns[k].name).join(', '),
    columnNames: fields.map((k) => columns[k].name),
    immutableColumns: new Set(fields.filter((k) => columns[k].immutable).map((k) => columns[k].name)),
    values: (row) => fields.map((k) => (columns[k].toDb as (v: unknown) => unknown)(row[k])),
    fromDb: (db) => read(fields, db) as RowOf<C>,
    pick: (keys) => ({
      columns: keys.map((k) => columns[k].name).join(', '),
      fromDb: (db) => read(keys, db),
    }),
  };
}
