import type { PgConnection } from '../../schema/db/pg-connection';
import { ACTIONS, type Action } from '../../worker/dlp/types';
import type {
  ActionCountRecord,
  ChannelCountRecord,
  PatternCountRecord,
  StatsBucket,
  StatsPointRecord,
  StatsRecord,
} from './types';

const BUCKET_MS: Record<StatsBucket, number> = { HOUR: 3_600_000, DAY: 86_400_000 };

/** `from` rounded down and `to` rounded up to whole UTC buckets. */
export function alignRange(from: Date, to: Date, bucket: StatsBucket): { from: Date; to: Date } {
  const size = BUCKET_MS[bucket];
  return {
    from: new Date(Math.floor(from.getTime() / size) * size),
    to: new Date(Math.ceil(to.getTime() / size) * size),
  };
}

export function bucketCount(from: Date, to: Date, bucket: StatsBucket): number {
  const aligned = alignRange(from, to, bucket);
  return Math.round((aligned.to.getTime() - aligned.from.getTime()) / BUCKET_MS[bucket]);
}

interface BucketRow {
  start: Date | string;
  scans: number;
  detections: number;
  log: number;
  alert: number;
  redact: number;
  block: number;
  blocked: number;
  redacted: number;
  alerts: number;
  failures: number;
}

const DETECTION_COLUMN: Record<Action, keyof BucketRow> = {
  LOG: 'log',
  ALERT: 'alert',
  REDACT: 'redact',
  BLOCK: 'block',
};

/**
 * Scans, detections and actions over time from `hourly_stats` (a few hundred rows for a month of hours or a year
 * of days), zero-filled so every bucket of the range appears once.
 */
export async function stats(
  connection: PgConnection,
  from: Date,
  to: Date,
  bucket: StatsBucket,
): Promise<StatsRecord> {
  const range = alignRange(from, to, bucket);
  const { rows } = await connection.query<BucketRow>(
    `SELECT date_trunc($3, hour, 'UTC') AS start,
            sum(messages_scanned + files_scanned)::int AS scans, sum(detections)::int AS detections,
            sum(detections_log)::int AS log, sum(detections_alert)::int AS alert,
            sum(detections_redact)::int AS redact, sum(detections_block)::int AS block,
            sum(blocked)::int AS blocked, sum(redacted)::int AS redacted, sum(alerts)::int AS alerts,
            sum(action_failures)::int AS failures
     FROM hourly_stats WHERE hour >= $1 AND hour < $2 GROUP BY 1`,
    [range.from.toISOString(), range.to.toISOString(), bucket === 'DAY' ? 'day' : 'hour'],
  );
  const byStart = new Map(rows.map((row) => [new Date(row.start).getTime(), row]));
  const size = BUCKET_MS[bucket];
  const series: StatsPointRecord[] = [];
  const totals = {
    scans: 0,
    detections: 0,
    blocked: 0,
    redacted: 0,
    alerted: 0,
    logged: 0,
    failedActions: 0,
  };
  const actionTotals = new Map<Action, number>(ACTIONS.map((action) => [action, 0]));
  for (let start = range.from.getTime(); start < range.to.getTime(); start += size) {
    const row = byStart.get(start);
    const byAction: ActionCountRecord[] = ACTIONS.map((action) => ({
      action,
      count: row ? Number(row[DETECTION_COLUMN[action]]) : 0,
    }));
    series.push({
      start: new Date(start),
      scans: row?.scans ?? 0,
      detections: row?.detections ?? 0,
      byAction,
    });
    if (!row) continue;
    totals.scans += row.scans;
    totals.detections += row.detections;
    totals.blocked += row.blocked;
    totals.redacted += row.redacted;
    totals.alerted += row.alerts;
    totals.logged += row.log;
    totals.failedActions += row.failures;
    for (const entry of byAction)
      actionTotals.set(entry.action, actionTotals.get(entry.action)! + entry.count);
  }
  return {
    from: range.from,
    to: range.to,
    bucket,
    totals,
    series,
    byAction: ACTIONS.map((action) => ({ action, count: actionTotals.get(action)! })),
  };
}

/** The patterns with the most detections in a range, most first. */
export async function topPatterns(
  connection: PgConnection,
  from: Date,
  to: Date,
  limit: number,
): Promise<PatternCountRecord[]> {
  const { rows } = await connection.query<{ pattern_id: string; pattern_name: string; count: number }>(
    `SELECT pattern_id, max(pattern_name) AS pattern_name, count(*)::int AS count FROM detections
     WHERE detected_at >= $1 AND detected_at < $2 GROUP BY pattern_id ORDER BY count DESC, pattern_id LIMIT $3`,
    [from.toISOString(), to.toISOString(), limit],
  );
  return rows.map((row) => ({ patternId: row.pattern_id, patternName: row.pattern_name, count: row.count }));
}

/** The channels with the most detections in a range, most first. */
export async function topChannels(
  connection: PgConnection,
  from: Date,
  to: Date,
  limit: number,
): Promise<ChannelCountRecord[]> {
  const { rows } = await connection.query<{ channel_id: string; count: number }>(
    `SELECT channel_id, count(*)::int AS count FROM detections
     WHERE detected_at >= $1 AND detected_at < $2 AND channel_id IS NOT NULL
     GROUP BY channel_id ORDER BY count DESC, channel_id LIMIT $3`,
    [from.toISOString(), to.toISOString(), limit],
  );
  return rows.map((row) => ({ channelId: row.channel_id, count: row.count }));
}
