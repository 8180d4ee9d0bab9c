import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A row of the `daily_stats` read model: counters for one UTC day and team.
 * @example await em.find(DailyStatEntity, { teamId: 'T1', day: { $gte: '2025-01-01' } })
 */
@Entity({ tableName: 'daily_stats', readonly: true })
export class DailyStatEntity {
  /** `YYYY-MM-DD`, UTC. */
  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'text', fieldName: 'team_id' })
  teamId!: string;

  @Property({ type: 'integer', fieldName: 'messages_scanned' })
  messagesScanned!: number;

  @Property({ type: 'integer', fieldName: 'files_scanned' })
  filesScanned!: number;

  @Property({ type: 'integer' })
  detections!: number;

  @Property({ type: 'integer' })
  blocked!: number;

  @Property({ type: 'integer' })
  redacted!: number;

  @Property({ type: 'integer' })
  alerts!: number;

  @Property({ type: 'integer', fieldName: 'action_failures' })
  actionFailures!: number;

  @Property({ type: 'integer', fieldName: 'scan_failures' })
  scanFailures!: number;
}
