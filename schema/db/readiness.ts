import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection } from './pg-connection';

/** Whether a process can do its work against the database, and if not, why (without details that leak). */
export interface Readiness {
  ready: boolean;
  reason?: string;
}

/**
 * `/readyz` for every LeakShield process: the database answers and every migration is applied.
 * @example await databaseReadiness(orm) → { ready: false, reason: '1 database migration(s) not applied yet' }
 */
export async function databaseReadiness(orm: MikroORM): Promise<Readiness> {
  try {
    await withConnection(orm, (connection) => connection.query('SELECT 1'));
  } catch {
    return { ready: false, reason: 'the database is not reachable' };
  }
  const pending = await orm.getMigrator().getPendingMigrations();
  return pending.length === 0
    ? { ready: true }
    : { ready: false, reason: `${pending.length} database migration(s) not applied yet` };
}
