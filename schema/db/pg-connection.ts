import type { MikroORM } from '@mikro-orm/postgresql';
import { escapeLiteral } from 'pg';
import { markPooledClient } from './prepared-statements';

/** The slice of a node-postgres client the store uses: `$1`-style parameters, rows as plain objects. */
export interface PgConnection {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
  /**
   * Present inside an event-store append: queues a statement whose result nobody reads, to be sent together with
   * COMMIT in one round trip (the chain lock is held until then, so fewer round trips mean shorter holds).
   */
  defer?(text: string, values?: readonly unknown[]): void;
}

/** Runs a write whose result is not needed: deferred to the commit when the connection allows it. */
export async function writeStatement(
  connection: PgConnection,
  text: string,
  values: readonly unknown[] = [],
): Promise<void> {
  if (connection.defer) connection.defer(text, values);
  else await connection.query(text, values);
}

/**
 * Wraps a connection so writes can be deferred; `flush()` returns the deferred statements, parameters written in
 * as literals (a multi-statement query cannot carry bind parameters), ready to precede `COMMIT`.
 */
export function deferringConnection(connection: PgConnection): {
  connection: PgConnection;
  flush(): string[];
} {
  let deferred: string[] = [];
  return {
    connection: {
      query: (text, values) => connection.query(text, values),
      defer: (text, values = []) => {
        deferred.push(inlineParameters(text, values));
      },
    },
    flush: () => {
      const statements = deferred;
      deferred = [];
      return statements;
    },
  };
}

/** Replaces `$n` placeholders (outside quoted strings) with escaped literals. */
export function inlineParameters(text: string, values: readonly unknown[]): string {
  let out = '';
  let inQuote = false;
  for (let index = 0; index < text.length; index += 1) {
    const ch = text[index]!;
    if (ch === "'") inQuote = !inQuote;
    if (!inQuote && ch === '$' && /[0-9]/.test(text[index + 1] ?? '')) {
      let end = index + 1;
      while (end < text.length && /[0-9]/.test(text[end]!)) end += 1;
      const position = Number(text.slice(index + 1, end));
      if (position < 1 || position > values.length) throw new RangeError(`no value for $${position}`);
      out += sqlLiteral(values[position - 1]);
      index = end - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) return escapeLiteral(`{${value.map(arrayElement).join(',')}}`);
  return escapeLiteral(scalarText(value));
}

function arrayElement(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (Array.isArray(value)) throw new TypeError('nested arrays are not supported as parameters');
  return `"${scalarText(value).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`${value} cannot be a SQL parameter`);
    return String(value);
  }
  if (typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

interface KnexPoolClient {
  acquireConnection(): Promise<unknown>;
  releaseConnection(connection: unknown): Promise<unknown>;
}

function poolOf(orm: MikroORM): KnexPoolClient {
  return orm.em.getConnection().getKnex().client as KnexPoolClient;
}

/**
 * Borrows one raw connection from MikroORM's pool: the hot paths (append, verify, rebuild) speak SQL directly,
 * so they pay no query-builder cost and can hold session state such as advisory locks.
 */
export async function withConnection<T>(
  orm: MikroORM,
  work: (connection: PgConnection) => Promise<T>,
): Promise<T> {
  const pool = poolOf(orm);
  const connection = (await pool.acquireConnection()) as PgConnection;
  markPooledClient(connection);
  try {
    return await work(connection);
  } finally {
    await pool.releaseConnection(connection);
  }
}

/** Runs `work` in one transaction on one connection; any error rolls it back and is rethrown unchanged. */
export async function withTransaction<T>(
  orm: MikroORM,
  work: (connection: PgConnection) => Promise<T>,
): Promise<T> {
  return withConnection(orm, async (connection) => inTransaction(connection, work));
}

export async function inTransaction<T>(
  connection: PgConnection,
  work: (connection: PgConnection) => Promise<T>,
  begin = 'BEGIN',
): Promise<T> {
  await connection.query(begin);
  let result: T;
  try {
    result = await work(connection);
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  await connection.query('COMMIT');
  return result;
}

/** node-postgres error fields we look at (SQLSTATE and the constraint that failed). */
export function pgErrorCode(error: unknown): { code?: string; constraint?: string } {
  if (typeof error !== 'object' || error === null) return {};
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  return {
    code: typeof code === 'string' ? code : undefined,
    constraint: typeof constraint === 'string' ? constraint : undefined,
  };
}
