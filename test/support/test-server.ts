import { readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { stopOrphanedServer } from '../../schema/db/embedded-postgres';

/** The environment variable through which jest's global setup hands the server URL to every test worker. */
export const TEST_SERVER_URL_ENV = 'LEAKSHIELD_TEST_SERVER_URL';

/** Test clusters live in temp folders named like this, one per jest run. */
export const TEST_SERVER_DIR_PREFIX = 'leakshield-test-pg-';

const TEST_DATABASE_PREFIX = 'leakshield_test_';
const STALE_AFTER_MS = 6 * 60 * 60 * 1000;

/** The server URL tests create their databases on: DATABASE_URL, else the embedded server of this run. */
export function testServerUrl(): string {
  const url = process.env.DATABASE_URL || process.env[TEST_SERVER_URL_ENV];
  if (!url) {
    throw new Error(
      `no PostgreSQL server for tests: set DATABASE_URL, or run through jest so its global setup starts one (${TEST_SERVER_URL_ENV})`,
    );
  }
  return url;
}

/** A unique database name; the timestamp lets a later run drop what a killed run left behind. */
export function newTestDatabaseName(): string {
  const random = Math.random().toString(36).slice(2, 10);
  return `${TEST_DATABASE_PREFIX}${Math.floor(Date.now() / 1000)}_${random}`;
}

/** Drops test databases older than six hours (left by killed runs) from a shared server. */
export async function dropStaleTestDatabases(serverUrl: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE datname LIKE $1',
      [`${TEST_DATABASE_PREFIX}%`],
    );
    for (const { datname } of rows) {
      const createdAt = Number(datname.slice(TEST_DATABASE_PREFIX.length).split('_')[0]) * 1000;
      if (Number.isFinite(createdAt) && Date.now() - createdAt > STALE_AFTER_MS) {
        await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => undefined);
      }
    }
  } finally {
    await client.end();
  }
}

/** Stops servers orphaned by killed jest runs and removes their folders; live runs' folders are left alone. */
export async function cleanStaleTestServers(): Promise<void> {
  const parent = tmpdir();
  const names = await readdir(parent).catch(() => [] as string[]);
  for (const name of names.filter((entry) => entry.startsWith(TEST_SERVER_DIR_PREFIX))) {
    const dir = join(parent, name);
    const outcome = await stopOrphanedServer(dir).catch(() => 'failed' as const);
    if (outcome === 'stopped-orphan' || outcome === 'removed-stale-pid') {
      await rm(dir, { recursive: true, force: true });
      continue;
    }
    // A folder with no running server and no recent activity is an abandoned one.
    const info = await stat(dir).catch(() => null);
    const ownerFile = await stat(join(dir, 'postgres.owner.json')).catch(() => null);
    if (info && !ownerFile && Date.now() - info.mtimeMs > STALE_AFTER_MS) {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
