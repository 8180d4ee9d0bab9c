import { Migrator } from '@mikro-orm/migrations';
import { defineConfig, type Options } from '@mikro-orm/postgresql';
import { entities } from '../entities';
import { migrationsList } from '../migrations';

/**
 * MikroORM's configuration for one database URL. Migrations are listed explicitly (not globbed) so the same list
 * runs from TypeScript under jest and from compiled JavaScript under `dist/`.
 * @example await MikroORM.init(ormConfig('postgres://postgres@127.0.0.1:5432/leakshield'))
 */
export function ormConfig(url: string, options: { poolMax?: number } = {}): Options {
  return defineConfig({
    clientUrl: url,
    entities: [...entities],
    extensions: [Migrator],
    ensureDatabase: false,
    allowGlobalContext: false,
    debug: false,
    // Two at least: migrations hold one connection for the advisory lock while the migrator uses another.
    pool: { min: 0, max: Math.max(2, options.poolMax ?? 10) },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [...migrationsList],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
  });
}
