import type { Client } from 'pg';
import { EventStore } from '../../../schema/store/event-store';
import { verifyChain } from '../../../schema/store/verify-chain';
import { createTestDatabase, type TestDatabase } from '../../support/database';
import { leakDetectedData, systemMetadata } from '../../support/event-fixtures';

async function databaseWithEvents(count: number): Promise<{ db: TestDatabase; positions: number[] }> {
  const db = await createTestDatabase();
  const store = new EventStore(db.orm);
  const positions: number[] = [];
  for (let index = 0; index < count; index += 1) {
    const { events } = await store.append(
      `message:T0001:C0001:17000000${String(index).padStart(2, '0')}.000100`,
      0,
      [{ type: 'LeakDetected', data: leakDetectedData() }],
      systemMetadata,
    );
    positions.push(events[0]!.position);
  }
  return { db, positions };
}

async function expectRefused(client: Client, sql: string, operation: string): Promise<void> {
  await expect(client.query(sql)).rejects.toThrow(
    `the events table is append-only: ${operation} is not allowed`,
  );
}

describe('the events table, edited directly with SQL by a superuser', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    ({ db } = await databaseWithEvents(3));
  });
  afterAll(async () => {
    await db.close();
  });

  it('refuses UPDATE, DELETE and TRUNCATE', async () => {
    await db.superuser(async (client) => {
      await expectRefused(client, `UPDATE events SET data = '{}'::jsonb`, 'UPDATE');
      await expectRefused(client, 'DELETE FROM events WHERE position = 1', 'DELETE');
      await expectRefused(client, 'TRUNCATE events', 'TRUNCATE');
      // Statement-level triggers: even a statement that matches no row is refused.
      await expectRefused(client, 'DELETE FROM events WHERE false', 'DELETE');
    });
  });

  it('refuses them also with triggers silenced by session_replication_role', async () => {
    await db.superuser(async (client) => {
      await client.query('SET session_replication_role = replica');
      await expectRefused(client, 'DELETE FROM events', 'DELETE');
    });
  });

  it('refuses them for an ordinary role that was granted every privilege', async () => {
    await db.superuser(async (client) => {
      await client.query('BEGIN');
      await client.query('CREATE ROLE leakshield_test_writer');
      await client.query('GRANT ALL ON events TO leakshield_test_writer');
      await client.query('SET LOCAL ROLE leakshield_test_writer');
      await expectRefused(client, 'UPDATE events SET type = type', 'UPDATE');
      await client.query('ROLLBACK');
    });
  });

  it('still verifies as intact afterwards', async () => {
    expect(await verifyChain(db.orm)).toMatchObject({ ok: true, checkedEvents: 3 });
  });
});

describe('an event edited after its trigger was disabled', () => {
  it('is named by verification as the first broken position', async () => {
    const { db, positions } = await databaseWithEvents(5);
    try {
      const edited = positions[2]!;
      await db.superuser(async (client) => {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await client.query(
          `UPDATE events SET data = jsonb_set(data, '{severity}', '"LOW"') WHERE position = $1`,
          [edited],
        );
        await client.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
      });

      expect(await verifyChain(db.orm, { batchSize: 2 })).toEqual({
        ok: false,
        checkedEvents: 3,
        firstBrokenPosition: edited,
        reason: 'hash',
        lastPosition: positions[1],
        lastHash: expect.stringMatching(/^[0-9a-f]{64}$/),
      });
    } finally {
      await db.close();
    }
  });
});

describe('a log checked in several position ranges', () => {
  it('names the same first broken event as a check in one range, wherever the ranges are cut', async () => {
    const { db, positions } = await databaseWithEvents(9);
    try {
      await db.superuser(async (client) => {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await client.query('DELETE FROM events WHERE position = $1', [positions[3]]);
        await client.query(
          `UPDATE events SET metadata = '{"actor":{"type":"system","id":"x"}}' WHERE position = $1`,
          [positions[6]],
        );
        await client.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
      });
      const single = await verifyChain(db.orm, { threads: 1 });
      expect(single).toMatchObject({
        ok: false,
        firstBrokenPosition: positions[4],
        reason: 'link',
        checkedEvents: 4,
      });
      for (const threads of [2, 3, 4]) {
        expect(await verifyChain(db.orm, { threads, minEventsPerThread: 1, batchSize: 2 })).toEqual(single);
      }
    } finally {
      await db.close();
    }
  });

  it('is intact when nothing was touched', async () => {
    const { db } = await databaseWithEvents(7);
    try {
      const single = await verifyChain(db.orm, { threads: 1 });
      expect(single).toMatchObject({ ok: true, checkedEvents: 7 });
      expect(await verifyChain(db.orm, { threads: 3, minEventsPerThread: 1, batchSize: 2 })).toEqual(single);
    } finally {
      await db.close();
    }
  });
});

describe('an event deleted after its trigger was disabled', () => {
  it('breaks the link of the event after it', async () => {
    const { db, positions } = await databaseWithEvents(4);
    try {
      await db.superuser(async (client) => {
        await client.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await client.query('DELETE FROM events WHERE position = $1', [positions[1]]);
        await client.query('ALTER TABLE events ENABLE ALWAYS TRIGGER events_append_only');
      });

      expect(await verifyChain(db.orm)).toMatchObject({
        ok: false,
        firstBrokenPosition: positions[2],
        reason: 'link',
      });
    } finally {
      await db.close();
    }
  });
});

describe('an empty log', () => {
  it('verifies as intact with nothing checked', async () => {
    const db = await createTestDatabase();
    try {
      expect(await verifyChain(db.orm)).toEqual({
        ok: true,
        checkedEvents: 0,
        firstBrokenPosition: null,
        reason: null,
        lastPosition: null,
        lastHash: null,
      });
    } finally {
      await db.close();
    }
  });
});
