import { MikroORM } from '@mikro-orm/postgresql';
import { resolveDatabaseUrl } from './database-url';
import { runMigrations } from './migrate';
import { ormConfig } from './mikro-orm.config';

/**
 * An open, migrated database: MikroORM for entities and the raw pool for the event store's hot path.
 * @example const db = await openDatabase(); const store = new EventStore(db.orm); … await db.close();
 */
export interface Database {
  orm: MikroORM;
  url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A database URL; default `DATABASE_URL`, else the embedded server. */
  url?: string;
  /** Apply pending migrations first (default true): every process may do it, the advisory lock makes it once. */
  migrate?: boolean;
  poolMax?: number;
  env?: NodeJS.ProcessEnv;
}

export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const resolved = options.url
    ? { url: options.url, close: async () => undefined }
    : await resolveDatabaseUrl(options.env ?? process.env);
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormConfig(resolved.url, { poolMax: options.poolMax }));
  } catch (error) {
    await resolved.close();
    throw error;
  }
  try {
    if (options.migrate !== false) await runMigrations(orm);
  } catch (error) {
    await orm.close(true);
    await resolved.close();
    throw error;
  }
  return {
    orm,
    url: resolved.url,
    close: async () => {
      await orm.close(true);
      await resolved.close();
    },
  };
}
