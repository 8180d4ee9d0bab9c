import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openAuditLog, rebuildProjections, verifyAuditLog } from '../../../schema/audit-commands';
import { useTestDatabase } from '../../support/database';
import { leakDetectedData, systemMetadata } from '../../support/event-fixtures';

const testDb = useTestDatabase();

describe('the CLI entry points against DATABASE_URL', () => {
  it('migrate (nothing left to apply), verify and rebuild', async () => {
    const env = { DATABASE_URL: testDb.current.url };
    const log = await openAuditLog({ env });
    try {
      await log.store.append(
        'message:T0001:C0001:1700000000.000100',
        0,
        [{ type: 'LeakDetected', data: leakDetectedData() }],
        systemMetadata,
      );
    } finally {
      await log.close();
    }

    expect(await migrate({ env })).toMatchObject({ applied: [] });
    const verification = await verifyAuditLog({ env });
    expect(verification).toMatchObject({ ok: true, firstBrokenPosition: null });
    expect(verification.checkedEvents).toBeGreaterThan(1);
    expect(await rebuildProjections({ env })).toMatchObject({ events: verification.checkedEvents });
  });
});

describe('a process started without DATABASE_URL', () => {
  it('runs on an embedded PostgreSQL whose data survives a restart, and seeds built-ins only once', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'leakshield-embedded-'));
    const env = { LEAKSHIELD_DATA_DIR: dataDir };
    try {
      const first = await openAuditLog({ env });
      let position: number;
      try {
        expect(first.database.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/leakshield$/);
        expect(first.database.url).not.toContain(':5432/');
        const { events } = await first.store.append(
          'message:T0001:C0001:1700000000.000100',
          0,
          [{ type: 'LeakDetected', data: leakDetectedData() }],
          systemMetadata,
        );
        position = events[0]!.position;
      } finally {
        await first.close();
      }

      const second = await openAuditLog({ env });
      try {
        expect(second.seeded).toEqual([]);
        const [event] = await second.store.readStream('message:T0001:C0001:1700000000.000100');
        expect(event?.position).toBe(position);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
