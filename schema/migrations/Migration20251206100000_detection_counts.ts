import { Migration } from '@mikro-orm/migrations';

/**
 * The counts detection_counts keeps, computed from the `detections` table itself: this migration fills the table
 * with it, and tests compare it with what the projection kept.
 */
export const RECOUNT_DETECTIONS_SQL = `
  SELECT 'all' AS dimension, '' AS value, count(*) AS detections FROM detections
  UNION ALL SELECT 'channel', channel_id, count(*) FROM detections WHERE channel_id IS NOT NULL GROUP BY channel_id
  UNION ALL SELECT 'user', user_id, count(*) FROM detections WHERE user_id IS NOT NULL GROUP BY user_id
  UNION ALL SELECT 'pattern', pattern_id, count(*) FROM detections GROUP BY pattern_id`;

/**
 * `detection_counts` (see detection-counts.projection.ts): detections in all and per channel, user and pattern, for
 * the API's `totalCount`. Filled from the detections already projected, so an existing database needs no rebuild.
 */
export class Migration20251206100000_detection_counts extends Migration {
  override up(): void {
    this.addSql(`
      CREATE TABLE detection_counts (
        dimension text NOT NULL CHECK (dimension IN ('all', 'channel', 'user', 'pattern')),
        value text NOT NULL,
        detections bigint NOT NULL DEFAULT 0,
        PRIMARY KEY (dimension, value)
      )`);
    this.addSql(`INSERT INTO detection_counts (dimension, value, detections) ${RECOUNT_DETECTIONS_SQL}`);
  }

  override down(): void {
    this.addSql('DROP TABLE IF EXISTS detection_counts');
  }
}
