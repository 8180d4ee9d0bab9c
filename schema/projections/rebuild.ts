import type { MikroORM } from '@mikro-orm/postgresql';
import { LOCK_NAMESPACE, LockKey } from '../db/advisory-locks';
import { inTransaction, withConnection, type PgConnection } from '../db/pg-connection';
import { readAllOn } from '../store/event-store';
import type { ProjectionTarget } from '../store/types';
import { readModelProjections, type RebuildableProjection } from './index';

const REBUILD_SCHEMA = 'leakshield_rebuild';
const RETIRED_SCHEMA = 'leakshield_retired';

/** What a rebuild did. */
export interface RebuildReport {
  events: number;
  tables: string[];
  durationMs: number;
}

/**
 * Replays the whole log into fresh copies of the read-model tables (in a side schema, while appends go on and
 * the live tables keep serving), then, in one transaction that holds the append lock, replays what arrived
 * meanwhile and swaps the fresh tables in by moving them between schemas. Readers see the old tables or the new
 * ones, never a half-built state; a failed rebuild leaves the live tables untouched.
 */
export async function rebuildProjections(
  orm: MikroORM,
  options: { batchSize?: number; projections?: readonly RebuildableProjection[] } = {},
): Promise<RebuildReport> {
  const started = process.hrtime.bigint();
  const projections = options.projections ?? readModelProjections;
  const batchSize = options.batchSize ?? 10_000;
  const tables = projections.flatMap((projection) => projection.tables);
  const target: ProjectionTarget = { schemaPrefix: `"${REBUILD_SCHEMA}".` };

  return withConnection(orm, async (connection) => {
    const { rows } = await connection.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock($1, $2) AS locked',
      [LOCK_NAMESPACE, LockKey.rebuildProjections],
    );
    if (!rows[0]?.locked) throw new Error('a projection rebuild is already running against this database');
    try {
      const liveSchema = await currentSchema(connection);
      await connection.query(`DROP SCHEMA IF EXISTS "${REBUILD_SCHEMA}" CASCADE`);
      await connection.query(`CREATE SCHEMA "${REBUILD_SCHEMA}"`);
      for (const table of tables) {
        await connection.query(
          `CREATE TABLE "${REBUILD_SCHEMA}"."${table}" (LIKE "${liveSchema}"."${table}" INCLUDING ALL)`,
        );
      }

      let after = 0;
      let events = 0;
      const replay = async (tx: PgConnection): Promise<void> => {
        for (;;) {
          const batch = await readAllOn(tx, { after, limit: batchSize });
          if (batch.length === 0) return;
          for (const projection of projections) await projection.apply(tx, batch, target);
          after = batch[batch.length - 1]!.position;
          events += batch.length;
        }
      };
      // Bulk of the work: batch by batch, each batch its own transaction so the rebuild holds no long locks. A
      // second connection reads (and decodes) the next batch while this one writes the current batch.
      await withConnection(orm, async (reader) => {
        let batch = await readAllOn(reader, { after, limit: batchSize });
        while (batch.length > 0) {
          const current = batch;
          const next = readAllOn(reader, { after: current[current.length - 1]!.position, limit: batchSize });
          next.catch(() => undefined);
          await inTransaction(connection, async (tx) => {
            for (const projection of projections) await projection.apply(tx, current, target);
          });
          after = current[current.length - 1]!.position;
          events += current.length;
          batch = await next;
        }
      });

      await inTransaction(connection, async (tx) => {
        await tx.query('SELECT pg_advisory_xact_lock($1, $2)', [LOCK_NAMESPACE, LockKey.appendChain]);
        await replay(tx);
        await tx.query(`CREATE SCHEMA "${RETIRED_SCHEMA}"`);
        for (const table of tables) {
          await tx.query(`LOCK TABLE "${liveSchema}"."${table}" IN ACCESS EXCLUSIVE MODE`);
        }
        for (const table of tables) {
          await tx.query(`ALTER TABLE "${liveSchema}"."${table}" SET SCHEMA "${RETIRED_SCHEMA}"`);
          await tx.query(`ALTER TABLE "${REBUILD_SCHEMA}"."${table}" SET SCHEMA "${liveSchema}"`);
        }
        await tx.query(`DROP SCHEMA "${RETIRED_SCHEMA}" CASCADE`);
        await tx.query(`DROP SCHEMA "${REBUILD_SCHEMA}"`);
      });

      return {
        events,
        tables,
        durationMs: Number((process.hrtime.bigint() - started) / 1_000_000n),
      };
    } catch (error) {
      await connection.query(`DROP SCHEMA IF EXISTS "${REBUILD_SCHEMA}" CASCADE`).catch(() => undefined);
      throw error;
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1, $2)', [
        LOCK_NAMESPACE,
        LockKey.rebuildProjections,
      ]);
    }
  });
}

async function currentSchema(connection: PgConnection): Promise<string> {
  const { rows } = await connection.query<{ schema: string }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema;
  if (!schema) throw new Error('the connection has no current schema (check search_path)');
  return schema;
}
