import type { Action, Stats, StatsBucket } from '../graphql/types';

export const ACTION_ORDER: Action[] = ['BLOCK', 'REDACT', 'ALERT', 'LOG'];

export const ACTION_COLOUR: Record<Action, string> = {
  BLOCK: '#e53935',
  REDACT: '#fb8c00',
  ALERT: '#1e88e5',
  LOG: '#90a4ae',
};

export const ACTION_LABEL: Record<Action, string> = {
  BLOCK: 'Blocked',
  REDACT: 'Redacted',
  ALERT: 'Alerted',
  LOG: 'Logged',
};

/** One row per bucket with a count per action, for a stacked bar chart. */
export function stackedByAction(stats: Stats): Array<Record<string, number | string>> {
  return stats.series.map((point) => {
    const row: Record<string, number | string> = {
      start: point.start,
      label: bucketLabel(point.start, stats.bucket),
      scans: point.scans,
      detections: point.detections,
    };
    for (const action of ACTION_ORDER) row[action] = 0;
    for (const { action, count } of point.byAction) row[action] = count;
    return row;
  });
}

export function bucketLabel(iso: string, bucket: StatsBucket): string {
  const date = new Date(iso);
  return bucket === 'HOUR'
    ? date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** What each policy action came to over the period (the totals), for the donut. */
export function outcomeSlices(stats: Stats): { action: Action; name: string; value: number }[] {
  const totals: Record<Action, number> = {
    BLOCK: stats.totals.blocked,
    REDACT: stats.totals.redacted,
    ALERT: stats.totals.alerted,
    LOG: stats.totals.logged,
  };
  return ACTION_ORDER.map((action) => ({ action, name: ACTION_LABEL[action], value: totals[action] })).filter(
    (s) => s.value > 0,
  );
}
