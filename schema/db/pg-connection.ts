import type { MikroORM } from '@mikro-orm/postgresql';

/** The slice of a node-postgres client the store uses: `$1`-style parameters, rows as plain objects. */
export interface PgConnection {
  query<Row = Record<string, unknown>>(
    text: string,
    values?: readonly unknown[],
  ): Promise<{ rows: Row[]; rowCount: number | null }>;
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
