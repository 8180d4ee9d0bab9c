import { Migration } from '@mikro-orm/migrations';
import { RECOUNT_DETECTIONS_SQL } from '../projections/detection-counts.projection';

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
