import type { MikroORM } from '@mikro-orm/postgresql';
import { LOCK_NAMESPACE, LockKey } from './advisory-locks';
import { withConnection } from './pg-connection';

/**
 * Applies pending migrations while holding a session advisory lock, so processes that start together queue up
 * and all but the first find nothing to do. Returns the names applied by this call.
 */
export async function runMigrations(orm: MikroORM): Promise<string[]> {
  return withConnection(orm, async (connection) => {
    await connection.query('SELECT pg_advisory_lock($1, $2)', [LOCK_NAMESPACE, LockKey.migrate]);
    try {
      const applied = await orm.getMigrator().up();
      return applied.map((migration) => migration.name);
    } finally {
      await connection.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_NAMESPACE, LockKey.migrate]);
    }
  });
}
