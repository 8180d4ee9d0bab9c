import { auditWorkload } from '../../../bench/audit-workload';
import { createEventStore } from '../../../schema/audit-log';
import { readModelProjections } from '../../../schema/projections';
import { rebuildProjections } from '../../../schema/projections/rebuild';
import { RECOUNT_DETECTIONS_SQL } from '../../../schema/migrations/Migration20251206100000_detection_counts';
import { withConnection } from '../../../schema/db/pg-connection';
import { listDetections } from '../../../api/services/detections.service';
import { verifyChain } from '../../../schema/store/verify-chain';
import { useTestDatabase } from '../../support/database';
import { systemMetadata } from '../../support/event-fixtures';

const testDb = useTestDatabase();
const TABLES = readModelProjections.flatMap((projection) => projection.tables);

async function snapshot(): Promise<Record<string, unknown[]>> {
  return testDb.current.superuser(async (client) => {
    const result: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      const { rows } = await client.query(
        `SELECT to_jsonb(t) AS row FROM ${table} t ORDER BY to_jsonb(t)::text`,
      );
      result[table] = rows.map((row: { row: unknown }) => row.row);
    }
    return result;
  });
}

async function indexNames(): Promise<string[]> {
  return testDb.current.superuser(async (client) => {
    const { rows } = await client.query<{ indexname: string }>(
      `SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = ANY($1) ORDER BY indexname`,
      [TABLES],
    );
    return rows.map((row) => row.indexname);
  });
}

describe('rebuilding the read models from a realistic log', () => {
  it('produces tables equal to the live ones, row for row, and keeps their indexes', async () => {
    const store = createEventStore(testDb.current.orm);
    let appended = 0;
    for (const write of auditWorkload({ seed: 42, messages: 1_500 })) {
      await store.append(write.streamId, write.expectedVersion, write.events, systemMetadata);
      appended += write.events.length;
    }
    expect(appended).toBeGreaterThan(3_000);
    const live = await snapshot();
    expect(live.detections!.length).toBeGreaterThan(500);
    expect(live.patterns!.length).toBe(12);
    const indexesBefore = await indexNames();

    // Small batches, so action events meet findings written by an earlier batch.
    const report = await rebuildProjections(testDb.current.orm, { batchSize: 257 });

    expect(report.events).toBe(appended);
    expect(await snapshot()).toEqual(live);
    expect(await indexNames()).toEqual(indexesBefore);
    expect((await verifyChain(testDb.current.orm)).ok).toBe(true);
  });

  it('keeps detection counts equal to a recount of the detections, in all and per channel, user and pattern', async () => {
    const [kept, recounted] = await testDb.current.superuser(async (client) => {
      const order = 'ORDER BY dimension, value';
      const live = await client.query(
        `SELECT dimension, value, detections::int FROM detection_counts ${order}`,
      );
      const fresh = await client.query(
        `SELECT dimension, value, detections::int FROM (${RECOUNT_DETECTIONS_SQL}) AS recount ${order}`,
      );
      return [live.rows, fresh.rows];
    });

    expect(kept.length).toBeGreaterThan(20);
    expect(kept).toEqual(recounted);
  });

  it('keeps appends working afterwards, into the swapped-in tables', async () => {
    const store = createEventStore(testDb.current.orm);
    await store.append(
      'channel:T0001:C0777',
      0,
      [{ type: 'ChannelMonitoringChanged', data: { teamId: 'T0001', channelId: 'C0777', monitored: true } }],
      systemMetadata,
    );
    const rows = await testDb.current.superuser((client) =>
      client.query("SELECT monitored FROM monitored_channels WHERE channel_id = 'C0777'"),
    );
    expect(rows.rows).toEqual([{ monitored: true }]);
  });

  it('keeps pages prepared before the swap answering, from the swapped-in tables', async () => {
    const order = { field: 'DETECTED_AT', direction: 'DESC' } as const;
    const request = { direction: 'forward', size: 5, cursor: null } as const;
    const [before, after] = await withConnection(testDb.current.orm, async (connection) => {
      const page = () => listDetections(connection, {}, order, request, { withTotal: true });
      const prepared = await page();
      await rebuildProjections(testDb.current.orm, { batchSize: 500 });
      return [prepared, await page()];
    });

    expect(before.total).toBeGreaterThan(500);
    expect(after).toEqual(before);
  });

  it('refuses to run twice at once', async () => {
    const outcomes = await Promise.allSettled([
      rebuildProjections(testDb.current.orm),
      rebuildProjections(testDb.current.orm),
    ]);
    const failures = outcomes.filter(
      (outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected',
    );
    expect(failures).toHaveLength(1);
    for (const failure of failures) {
      expect(String(failure.reason)).toContain('a projection rebuild is already running');
    }
  });
});
