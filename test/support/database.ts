import { Client } from 'pg';
import { openDatabase, type Database } from '../../schema/db/database';
import { withDatabase } from '../../schema/db/database-url';
import { newTestDatabaseName, testServerUrl } from './test-server';

/**
 * A database of its own for one test file, migrated, on the run's server.
 * @example const testDb = useTestDatabase(); it('…', async () => { const store = new EventStore(testDb.orm); });
 */
export interface TestDatabase extends Database {
  name: string;
  /** Runs raw SQL as the server's superuser on this database (for tests that attack the audit log). */
  superuser<T>(work: (client: Client) => Promise<T>): Promise<T>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = newTestDatabaseName();
  await onServer(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  let database: Database;
  try {
    database = await openDatabase({ url, migrate: options.migrate, poolMax: 5 });
  } catch (error) {
    await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    throw error;
  }
  return {
    ...database,
    name,
    superuser: async (work) => {
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        return await work(client);
      } finally {
        await client.end();
      }
    },
    close: async () => {
      await database.close();
      await onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks that create and drop this file's database; read `.current` inside tests.
 */
export function useTestDatabase(options: { migrate?: boolean } = {}): { readonly current: TestDatabase } {
  let database: TestDatabase | null = null;
  beforeAll(async () => {
    database = await createTestDatabase(options);
  }, 60_000);
  afterAll(async () => {
    await database?.close();
  });
  return {
    get current(): TestDatabase {
      if (!database) throw new Error('the test database is not ready: use it inside a test or a hook');
      return database;
    },
  };
}

async function onServer<T>(serverUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
