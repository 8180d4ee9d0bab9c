import type { PgConnection } from '../db/pg-connection';
import type { InlineProjection, ProjectionTarget, StoredEvent } from '../store/types';
import { apiKeysTable } from './api-keys.projection';
import { projectDailyStats } from './daily-stats.projection';
import { projectDetectionCounts } from './detection-counts.projection';
import { detectionsTable } from './detections.projection';
import { projectHourlyStats } from './hourly-stats.projection';
import { monitoredChannelsTable } from './monitored-channels.projection';
import { patternsTable } from './patterns.projection';
import { projectRows, type RowTable } from './row-table';

/** An inline projection that also knows its tables, so a rebuild can make fresh copies and swap them in. */
export interface RebuildableProjection extends InlineProjection {
  tables: readonly string[];
}

function rowProjection(table: RowTable): RebuildableProjection {
  return {
    name: table.name,
    tables: [table.name],
    apply: (connection: PgConnection, events: readonly StoredEvent[], target?: ProjectionTarget) =>
      projectRows(connection, table, events, target?.schemaPrefix ?? ''),
  };
}

export const dailyStatsProjection: RebuildableProjection = {
  name: 'daily_stats',
  tables: ['daily_stats'],
  apply: (connection, events, target) => projectDailyStats(connection, events, target?.schemaPrefix ?? ''),
};

export const hourlyStatsProjection: RebuildableProjection = {
  name: 'hourly_stats',
  tables: ['hourly_stats'],
  apply: (connection, events, target) => projectHourlyStats(connection, events, target?.schemaPrefix ?? ''),
};

export const detectionCountsProjection: RebuildableProjection = {
  name: 'detection_counts',
  tables: ['detection_counts'],
  apply: (connection, events, target) =>
    projectDetectionCounts(connection, events, target?.schemaPrefix ?? ''),
};

/** Every read model, in the order they are applied. */
export const readModelProjections: readonly RebuildableProjection[] = [
  rowProjection(patternsTable),
  rowProjection(detectionsTable),
  detectionCountsProjection,
  rowProjection(monitoredChannelsTable),
  dailyStatsProjection,
  rowProjection(apiKeysTable),
  hourlyStatsProjection,
];

export { patternsTable, detectionsTable, monitoredChannelsTable, apiKeysTable };
