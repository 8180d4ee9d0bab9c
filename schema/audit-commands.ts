import { createEventStore } from './audit-log';
import { openDatabase, type Database } from './db/database';
import { describeDatabaseUrl } from './db/database-url';
import { runMigrations } from './db/migrate';
import { seedBuiltinPatterns } from './patterns/pattern-service';
import { rebuildProjections as rebuildReadModels, type RebuildReport } from './projections/rebuild';
import type { EventStore } from './store/event-store';
import { verifyChain, type ChainVerification } from './store/verify-chain';

/**
 * Entry points for the CLI (`leakshield migrate`, `leakshield audit verify`, `leakshield projections rebuild`)
 * and for start-up. Each opens the database from the environment (DATABASE_URL, else the embedded server) and
 * closes it when done.
 * @example const result = await verifyAuditLog(); process.exitCode = result.ok ? 0 : 1;
 */
export interface AuditCommandOptions {
  env?: NodeJS.ProcessEnv;
}

export async function migrate(
  options: AuditCommandOptions = {},
): Promise<{ database: string; applied: string[] }> {
  return withDatabase(
    options,
    async (database) => ({
      database: describeDatabaseUrl(database.url),
      applied: await runMigrations(database.orm),
    }),
    false,
  );
}

export async function verifyAuditLog(
  options: AuditCommandOptions & { batchSize?: number } = {},
): Promise<ChainVerification> {
  return withDatabase(options, (database) => verifyChain(database.orm, { batchSize: options.batchSize }));
}

export async function rebuildProjections(
  options: AuditCommandOptions & { batchSize?: number } = {},
): Promise<RebuildReport> {
  return withDatabase(options, (database) =>
    rebuildReadModels(database.orm, { batchSize: options.batchSize }),
  );
}

/** What a long-running process (api, worker) holds: the migrated database and the store with its projections. */
export interface AuditLog {
  database: Database;
  store: EventStore;
  /** The built-ins this start seeded: all of them on the first start, none after. */
  seeded: string[];
  close(): Promise<void>;
}

/** Opens the database, applies migrations and seeds the built-in detectors (idempotently). */
export async function openAuditLog(
  options: AuditCommandOptions & { poolMax?: number } = {},
): Promise<AuditLog> {
  const database = await openDatabase({ env: options.env, poolMax: options.poolMax });
  try {
    const store = createEventStore(database.orm);
    const { seeded } = await seedBuiltinPatterns(store);
    return { database, store, seeded, close: () => database.close() };
  } catch (error) {
    await database.close();
    throw error;
  }
}

async function withDatabase<T>(
  options: AuditCommandOptions,
  work: (database: Database) => Promise<T>,
  migrateFirst = true,
): Promise<T> {
  const database = await openDatabase({ env: options.env, migrate: migrateFirst });
  try {
    return await work(database);
  } finally {
    await database.close();
  }
}
