import { PoolClient } from 'pg';
import { qualified } from '../sql-identifiers';

/**
 * One read-model table, defined once: its columns (name, SQL type, nullability, generated
 * expression), primary key and indexes, and which field of the row each written column holds.
 * The DDL for a rebuild or check schema, the projection's reads and writes and the queries'
 * column lists and row mapping all come from here; the frozen migrations that made the live
 * tables are compared with it by a spec (migrations/view-tables.int-spec.ts).
 */
export type ColumnType =
  | 'uuid'
  | 'text'
  | 'text[]'
  | 'smallint'
  | 'integer'
  | 'bigint'
  | 'boolean'
  | 'date'
  | 'timestamptz';

/** A written column; `T` is the type its row field has (the row type is derived from the
 * columns, so a column and its field are declared together, once). */
export interface Column<T = unknown> {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Never set: carries the field's type. */
  readonly value?: T;
}

export type RowOf<C> = { -readonly [K in keyof C]: C[K] extends Column<infer T> ? T : never };

/** The row type of a table definition. */
export type TableRow<T> = T extends ViewTable<infer Row> ? Row : never;

/** A column Postgres computes from others; never written, never part of the row. */
export interface GeneratedColumn {
  name: string;
  type: ColumnType;
  as: string;
  /** The field whose column it follows in the table. */
  after: string;
}

export interface ViewIndex {
  name: string;
  columns: readonly string[];
  where?: string;
}

export interface ViewTableSpec<C extends Record<string, Column>> {
  name: string;
  key: keyof C & string;
  /** Every field of the row, in table order, with its column. */
  columns: C;
  generated?: readonly (GeneratedColumn & { after: keyof C & string })[];
  indexes: readonly ViewIndex[];
}

export interface ViewTable<Row> {
  name: string;
  key: keyof Row & string;
  indexes: readonly ViewIndex[];
  /** Primary-key column, for diffs. */
  keyColumn: string;
  /** The written columns, in table order, each with its row field. */
  fields: readonly (Column & { field: keyof Row & string })[];
  createTable(schema: string): string;
  /** Secondary indexes; a rebuild creates them after the bulk replay, when it is cheapest. */
  createIndexes(schema: string): string[];
  /** The select list that `toRow` reads (dates as text, as the rows keep them). */
  selectList: string;
  toRow(record: Record<string, unknown>): Row;
}

const column =
  <T>(type: ColumnType) =>
  (name: string): Column<T> => ({ name, type, nullable: false });
/** Column kinds, each with the type its field has in the row: times as ISO-8601 strings in
 * UTC, dates as `YYYY-MM-DD`, bigints as numbers. */
export const uuid = column<string>('uuid');
export const text = <T extends string = string>(name: string): Column<T> => column<T>('text')(name);
export const textArray = column<string[]>('text[]');
export const integer = column<number>('integer');
export const bigint = column<number>('bigint');
export const boolean = column<boolean>('boolean');
export const date = column<string>('date');
export const timestamptz = column<string>('timestamptz');
export const nullable = <T>(c: Column<T>): Column<T | null> => ({ ...c, nullable: true });

export function viewTable<C extends Record<string, Column>>(
  spec: ViewTableSpec<C>,
): ViewTable<RowOf<C>> {
  const columns: Record<string, Column> = spec.columns;
  const fields = Object.keys(columns).map((field) => ({
    ...columns[field],
    field: field as keyof RowOf<C> & string,
  }));
  const keyColumn = columns[spec.key].name;
  const definitions: string[] = [];
  for (const c of fields) {
    const pk = c.field === spec.key ? ' PRIMARY KEY' : c.nullable ? '' : ' NOT NULL';
    definitions.push(`${c.name} ${c.type}${pk}`);
    for (const g of spec.generated ?? []) {
      if (g.after === c.field)
        definitions.push(`${g.name} ${g.type} GENERATED ALWAYS AS (${g.as}) STORED`);
    }
  }
  const selectList = fields
    .map((c) => (c.type === 'date' ? `${c.name}::text AS ${c.name}` : c.name))
    .join(', ');
  const decoders = fields.map((c) => ({ field: c.field, name: c.name, decode: decoder(c) }));
  return {
    name: spec.name,
    key: spec.key as keyof RowOf<C> & string,
    indexes: spec.indexes,
    keyColumn,
    fields,
    selectList,
    createTable: (schema) =>
      `CREATE TABLE ${qualified(schema, spec.name)} (\n  ${definitions.join(',\n  ')}\n)`,
    createIndexes: (schema) =>
      spec.indexes.map(
        (i) =>
          `CREATE INDEX IF NOT EXISTS ${i.name} ON ${qualified(schema, spec.name)} ` +
          `(${i.columns.join(', ')})${i.where ? ` WHERE ${i.where}` : ''}`,
      ),
    toRow(record) {
      const row: Record<string, unknown> = {};
      for (const d of decoders) row[d.field] = d.decode(record[d.name]);
      return row as RowOf<C>;
    },
  };
}

function decoder(c: Column): (value: unknown) => unknown {
  const decode =
    c.type === 'timestamptz'
      ? (v: unknown) => (v as Date).toISOString()
      : c.type === 'bigint'
        ? (v: unknown) => Number(v)
        : (v: unknown) => v;
  return c.nullable ? (v) => (v === null ? null : decode(v)) : decode;
}

/** Rows of the given keys, as the projection folds them. */
export async function loadRows<Row>(
  tx: PoolClient,
  table: ViewTable<Row>,
  schema: string,
  keys: readonly string[],
): Promise<Map<string, Row>> {
  const { rows } = await tx.query<Record<string, unknown>>(
    `SELECT ${table.selectList} FROM ${qualified(schema, table.name)}
     WHERE ${table.keyColumn} = ANY($1::uuid[])`,
    [keys],
  );
  return new Map(rows.map((r) => [r[table.keyColumn] as string, table.toRow(r)]));
}

/**
 * Writes a batch in one statement (arrays through `unnest`). `newer-version`: a row replaces
 * the stored one only when its version is higher, so even a stale writer (a rebuild swap racing
 * the live runner) can never move a row backwards; `insert-once`: a stored row stays as it is.
 */
export async function writeRows<Row>(
  tx: PoolClient,
  table: ViewTable<Row>,
  schema: string,
  rows: readonly Row[],
  onConflict: 'newer-version' | 'insert-once',
): Promise<void> {
  await tx.query(
    writeStatement(table, schema, onConflict),
    table.fields.map((c) =>
      rows.map((r) => {
        const v = r[c.field];
        // unnest would flatten text arrays, so they travel as JSON.
        return c.type === 'text[]' ? JSON.stringify(v) : v;
      }),
    ),
  );
}

const statements = new WeakMap<object, Map<string, string>>();

function writeStatement<Row>(
  table: ViewTable<Row>,
  schema: string,
  onConflict: 'newer-version' | 'insert-once',
): string {
  const cache = statements.get(table) ?? new Map<string, string>();
  statements.set(table, cache);
  const cacheKey = `${schema}/${onConflict}`;
  const cached = cache.get(cacheKey);
  if (cached) return cached;
  const names = table.fields.map((c) => c.name);
  const params = table.fields.map(
    (c, i) => `$${i + 1}::${c.type === 'text[]' ? 'jsonb' : c.type}[]`,
  );
  const values = table.fields.map((c) =>
    c.type === 'text[]' ? `ARRAY(SELECT jsonb_array_elements_text(u.${c.name}))` : `u.${c.name}`,
  );
  const update = names
    .filter((n) => n !== table.keyColumn)
    .map((n) => `${n} = EXCLUDED.${n}`)
    .join(', ');
  const sql =
    `INSERT INTO ${qualified(schema, table.name)} AS t (${names.join(', ')})
     SELECT ${values.join(', ')} FROM unnest(${params.join(', ')}) AS u(${names.join(', ')})
     ON CONFLICT (${table.keyColumn}) ` +
    (onConflict === 'insert-once'
      ? 'DO NOTHING'
      : `DO UPDATE SET ${update} WHERE t.version < EXCLUDED.version`);
  cache.set(cacheKey, sql);
  return sql;
}
