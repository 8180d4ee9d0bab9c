import { writeStatement, type PgConnection } from '../db/pg-connection';
import type { StoredEvent } from '../store/types';

export const HOURLY_STAT_COUNTERS = [
  'messages_scanned',
  'files_scanned',
  'detections',
  'detections_log',
  'detections_alert',
  'detections_redact',
  'detections_block',
  'blocked',
  'redacted',
  'alerts',
  'action_failures',
  'scan_failures',
] as const;
export type HourlyCounter = (typeof HOURLY_STAT_COUNTERS)[number];

const DETECTION_BY_ACTION: Record<string, HourlyCounter> = {
  LOG: 'detections_log',
  ALERT: 'detections_alert',
  REDACT: 'detections_redact',
  BLOCK: 'detections_block',
};

function countersOf(event: StoredEvent): HourlyCounter[] {
  switch (event.type) {
    case 'MessageScanned':
      return ['messages_scanned'];
    case 'FileScanned':
      return ['files_scanned'];
    case 'LeakDetected':
      return ['detections', DETECTION_BY_ACTION[event.data.action]!];
    case 'MessageBlocked':
    case 'FileBlocked':
      return ['blocked'];
    case 'MessageRedacted':
      return ['redacted'];
    case 'AlertSent':
      return ['alerts'];
    case 'ActionFailed':
      return ['action_failures'];
    case 'ScanFailed':
      return ['scan_failures'];
    default:
      return [];
  }
}

/**
 * `hourly_stats`: counters per UTC hour and team, detections also split by the action their policy asked for.
 * The API's `stats` reads it for HOUR and DAY buckets alike (a year is under 9,000 rows per team). Counters only
 * grow, so a batch adds its sums in one upsert without reading first.
 */
export async function projectHourlyStats(
  connection: PgConnection,
  events: readonly StoredEvent[],
  schemaPrefix: string,
): Promise<void> {
  const sums = new Map<string, { hour: string; teamId: string; counts: Record<HourlyCounter, number> }>();
  for (const event of events) {
    const counters = countersOf(event);
    if (counters.length === 0 || !('teamId' in event.data) || typeof event.data.teamId !== 'string') continue;
    const hour = `${event.occurredAt.toISOString().slice(0, 13)}:00:00.000Z`;
    const id = `${hour}|${event.data.teamId}`;
    let entry = sums.get(id);
    if (!entry) {
      entry = {
        hour,
        teamId: event.data.teamId,
        counts: Object.fromEntries(HOURLY_STAT_COUNTERS.map((name) => [name, 0])) as Record<
          HourlyCounter,
          number
        >,
      };
      sums.set(id, entry);
    }
    for (const counter of counters) entry.counts[counter] += 1;
  }
  if (sums.size === 0) return;
  const entries = [...sums.values()];
  const params = [
    entries.map((entry) => entry.hour),
    entries.map((entry) => entry.teamId),
    ...HOURLY_STAT_COUNTERS.map((name) => entries.map((entry) => entry.counts[name])),
  ];
  const unnest = [
    '$1::timestamptz[]',
    '$2::text[]',
    ...HOURLY_STAT_COUNTERS.map((_, index) => `$${index + 3}::int[]`),
  ];
  await writeStatement(
    connection,
    `INSERT INTO ${schemaPrefix}hourly_stats AS stats (hour, team_id, ${HOURLY_STAT_COUNTERS.join(', ')})
     SELECT * FROM unnest(${unnest.join(', ')})
     ON CONFLICT (hour, team_id) DO UPDATE SET
       ${HOURLY_STAT_COUNTERS.map((name) => `${name} = stats.${name} + EXCLUDED.${name}`).join(', ')}`,
    params,
  );
}
