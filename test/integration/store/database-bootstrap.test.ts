import { runMigrations } from '../../../schema/db/migrate';
import { openDatabase } from '../../../schema/db/database';
import { createTestDatabase, useTestDatabase } from '../../support/database';

const testDb = useTestDatabase();

describe('a freshly migrated database', () => {
  it('has the events table and records every migration once', async () => {
    const rows = await testDb.current.superuser(async (client) => {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'events'",
      );
      const migrations = await client.query<{ name: string }>('SELECT name FROM mikro_orm_migrations');
      return { tables: tables.rows, migrations: migrations.rows.map((row) => row.name) };
    });
    expect(rows.tables).toEqual([{ table_name: 'events' }]);
    expect(new Set(rows.migrations).size).toBe(rows.migrations.length);
    expect(rows.migrations).toContain('Migration20251128100000_event_log');
  });
});

describe('several processes starting at once', () => {
  it('migrate under an advisory lock, so the schema is applied exactly once', async () => {
    const empty = await createTestDatabase({ migrate: false });
    const databases = await Promise.all(
      [0, 1, 2].map(() => openDatabase({ url: empty.url, migrate: false, poolMax: 3 })),
    );
    try {
      const applied = await Promise.all(databases.map((database) => runMigrations(database.orm)));
      const nonEmpty = applied.filter((names) => names.length > 0);
      expect(nonEmpty).toHaveLength(1);
      expect(nonEmpty[0]).toContain('Migration20251128100000_event_log');
    } finally {
      await Promise.all(databases.map((database) => database.close()));
      await empty.close();
    }
  });
});
