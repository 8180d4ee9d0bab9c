import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../../schema/db/embedded-postgres';
import {
  cleanStaleTestServers,
  dropStaleTestDatabases,
  TEST_SERVER_DIR_PREFIX,
  TEST_SERVER_URL_ENV,
} from './test-server';

interface JestGlobalConfig {
  nonFlagArgs?: string[];
}

/**
 * Gives the run one PostgreSQL server: DATABASE_URL when set, otherwise a throw-away embedded cluster in a temp
 * folder (fsync off) shared by every test file through an environment variable. Runs that select only unit tests
 * start nothing.
 */
export default async function globalSetup(globalConfig: JestGlobalConfig): Promise<void> {
  if (process.env.DATABASE_URL) {
    await dropStaleTestDatabases(process.env.DATABASE_URL);
    return;
  }
  const paths = globalConfig.nonFlagArgs ?? [];
  if (paths.length > 0 && paths.every((path) => /(^|\/)test\/unit(\/|$)/.test(path))) return;

  await cleanStaleTestServers();
  const dataDir = await mkdtemp(join(tmpdir(), TEST_SERVER_DIR_PREFIX));
  const server = await startEmbeddedPostgres({ dataDir, durable: false });
  process.env[TEST_SERVER_URL_ENV] = server.url;
  // Read by global-teardown.ts, which runs in this same (main) jest process.
  (globalThis as { __leakshieldTestServer?: EmbeddedPostgresServer }).__leakshieldTestServer = server;
}
