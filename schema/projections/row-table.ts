import { writeStatement, type PgConnection } from '../db/pg-connection';
import type { StoredEvent } from '../store/types';

/** A row as the projection code sees it: column name → value in its database form. */
export type Row = Record<string, unknown>;

export interface Column {
  name: string;
  /** The SQL type, used to cast the unnest() arrays of an upsert. */
  type:
    | 'text'
    | 'integer'
    | 'bigint'
    | 'boolean'
    | 'jsonb'
    | 'timestamptz'
    | 'date'
    | 'uuid'
    | 'double precision';
}

/**
 * A table projected with "load, evolve, store": for a batch of events, the rows they touch are loaded in one
 * query (skipping rows the batch itself creates), evolved in memory by a pure function, and written back in one
 * upsert. The same code serves a live append (a handful of events) and a rebuild (thousands per batch).
 * @example
 * const table: RowTable = { name: 'patterns', columns, key: ['pattern_id'], keysOf, createdBy, evolve };
 */
export interface RowTable {
  name: string;
  columns: readonly Column[];
  key: readonly string[];
  /** The keys (key column values, in `key` order) an event touches; none when it does not concern this table. */
  keysOf(event: StoredEvent): unknown[][];
  /** True when the event makes its row from scratch, so there is nothing to load. */
  createdBy(event: StoredEvent): boolean;
  evolve(row: Row | undefined, event: StoredEvent, key: readonly unknown[]): Row | undefined;
}

const keyString = (values: readonly unknown[]): string => JSON.stringify(values);

export async function projectRows(
  connection: PgConnection,
  table: RowTable,
  events: readonly StoredEvent[],
  schemaPrefix: string,
): Promise<void> {
  const touched: Array<{ event: StoredEvent; keys: unknown[][] }> = [];
  const toLoad = new Map<string, unknown[]>();
  const createdInBatch = new Set<string>();
  for (const event of events) {
    const keys = table.keysOf(event);
    if (keys.length === 0) continue;
    touched.push({ event, keys });
    for (const key of keys) {
      const id = keyString(key);
      if (table.createdBy(event)) createdInBatch.add(id);
      else if (!createdInBatch.has(id)) toLoad.set(id, key);
    }
  }
  if (touched.length === 0) return;

  const rows = new Map<string, Row | undefined>();
  if (toLoad.size > 0) {
    for (const row of await loadRows(connection, table, [...toLoad.values()], schemaPrefix)) {
      rows.set(keyString(table.key.map((column) => row[column])), row);
    }
  }
  const changed = new Set<string>();
  for (const { event, keys } of touched) {
    for (const key of keys) {
      const id = keyString(key);
      const next = table.evolve(rows.get(id), event, key);
      if (next !== rows.get(id)) {
        rows.set(id, next);
        changed.add(id);
      }
    }
  }
  const toWrite = [...changed].map((id) => rows.get(id)).filter((row): row is Row => row !== undefined);
  if (toWrite.length > 0) await upsertRows(connection, table, toWrite, schemaPrefix);
}

async function loadRows(
  connection: PgConnection,
  table: RowTable,
  keys: readonly unknown[][],
  schemaPrefix: string,
): Promise<Row[]> {
  const keyColumns = table.key.map((name) => columnOf(table, name));
  const params = keyColumns.map((_, index) => keys.map((key) => key[index]));
  const unnest = keyColumns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const { rows } = await connection.query<Row>(
    `SELECT ${selectList(table)} FROM ${schemaPrefix}${table.name}
     WHERE (${table.key.join(', ')}) IN (SELECT * FROM unnest(${unnest}))`,
    params,
  );
  return rows;
}

async function upsertRows(
  connection: PgConnection,
  table: RowTable,
  rows: readonly Row[],
  schemaPrefix: string,
): Promise<void> {
  const names = table.columns.map((column) => column.name);
  const params = table.columns.map((column) =>
    rows.map((row) => {
      const value = row[column.name];
      if (value === undefined || value === null) return null;
      return column.type === 'jsonb' ? JSON.stringify(value) : value;
    }),
  );
  const unnest = table.columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const updates = table.columns
    .filter((column) => !table.key.includes(column.name))
    .map((column) => `${column.name} = EXCLUDED.${column.name}`)
    .join(', ');
  await writeStatement(
    connection,
    `INSERT INTO ${schemaPrefix}${table.name} (${names.join(', ')})
     SELECT * FROM unnest(${unnest})
     ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET ${updates}`,
    params,
  );
}

/** Timestamps come back as ISO strings in UTC, so a loaded row written back is byte-for-byte what was stored. */
function selectList(table: RowTable): string {
  return table.columns
    .map((column) =>
      column.type === 'timestamptz'
        ? `to_char(${column.name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${column.name}`
        : column.type === 'date'
          ? `to_char(${column.name}, 'YYYY-MM-DD') AS ${column.name}`
          : column.type === 'bigint'
            ? `${column.name}::float8 AS ${column.name}`
            : column.name,
    )
    .join(', ');
}

function columnOf(table: RowTable, name: string): Column {
  const column = table.columns.find((candidate) => candidate.name === name);
  if (!column) throw new Error(`${table.name} has no column ${name}`);
  return column;
}
