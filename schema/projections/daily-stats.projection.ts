import { writeStatement, type PgConnection } from '../db/pg-connection';
import type { StoredEvent } from '../store/types';

export const DAILY_STAT_COUNTERS = [
  'messages_scanned',
  'files_scanned',
  'detections',
  'blocked',
  'redacted',
  'alerts',
  'action_failures',
  'scan_failures',
] as const;
type Counter = (typeof DAILY_STAT_COUNTERS)[number];

const COUNTER_OF: Partial<Record<StoredEvent['type'], Counter>> = {
  MessageScanned: 'messages_scanned',
  FileScanned: 'files_scanned',
  LeakDetected: 'detections',
  MessageBlocked: 'blocked',
  FileBlocked: 'blocked',
  MessageRedacted: 'redacted',
  AlertSent: 'alerts',
  ActionFailed: 'action_failures',
  ScanFailed: 'scan_failures',
};

/**
 * `daily_stats`: counters per UTC day and team. Counters only grow, so a batch adds its sums in one upsert
 * (no row is read first).
 */
export async function projectDailyStats(
  connection: PgConnection,
  events: readonly StoredEvent[],
  schemaPrefix: string,
): Promise<void> {
  const sums = new Map<string, { day: string; teamId: string; counts: Record<Counter, number> }>();
  for (const event of events) {
    const counter = COUNTER_OF[event.type];
    if (!counter || !('teamId' in event.data) || typeof event.data.teamId !== 'string') continue;
    const day = event.occurredAt.toISOString().slice(0, 10);
    const id = `${day}|${event.data.teamId}`;
    let entry = sums.get(id);
    if (!entry) {
      entry = {
        day,
        teamId: event.data.teamId,
        counts: Object.fromEntries(DAILY_STAT_COUNTERS.map((name) => [name, 0])) as Record<Counter, number>,
      };
      sums.set(id, entry);
    }
    entry.counts[counter] += 1;
  }
  if (sums.size === 0) return;
  const entries = [...sums.values()];
  const params = [
    entries.map((entry) => entry.day),
    entries.map((entry) => entry.teamId),
    ...DAILY_STAT_COUNTERS.map((name) => entries.map((entry) => entry.counts[name])),
  ];
  const unnest = [
    '$1::date[]',
    '$2::text[]',
    ...DAILY_STAT_COUNTERS.map((_, index) => `$${index + 3}::int[]`),
  ];
  await writeStatement(
    connection,
    `INSERT INTO ${schemaPrefix}daily_stats AS stats (day, team_id, ${DAILY_STAT_COUNTERS.join(', ')})
     SELECT * FROM unnest(${unnest.join(', ')})
     ON CONFLICT (day, team_id) DO UPDATE SET
       ${DAILY_STAT_COUNTERS.map((name) => `${name} = stats.${name} + EXCLUDED.${name}`).join(', ')}`,
    params,
  );
}
