import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A row of the `detections` read model: one finding and what was done about it. No raw secret: the masked match
 * and the redacted content only.
 * @example await em.find(DetectionEntity, { teamId: 'T1', status: 'OPEN' }, { orderBy: { detectedAt: 'desc' } })
 */
@Entity({ tableName: 'detections', readonly: true })
export class DetectionEntity {
  @PrimaryKey({ type: 'uuid', fieldName: 'finding_id' })
  findingId!: string;

  @Property({ type: 'text' })
  source!: 'MESSAGE' | 'FILE';

  @Property({ type: 'text', fieldName: 'team_id' })
  teamId!: string;

  @Property({ type: 'text', fieldName: 'channel_id', nullable: true })
  channelId?: string | null;

  @Property({ type: 'text', fieldName: 'user_id', nullable: true })
  userId?: string | null;

  @Property({ type: 'text', fieldName: 'message_ts', nullable: true })
  messageTs?: string | null;

  @Property({ type: 'text', fieldName: 'thread_ts', nullable: true })
  threadTs?: string | null;

  @Property({ type: 'text', fieldName: 'file_id', nullable: true })
  fileId?: string | null;

  @Property({ type: 'text', fieldName: 'file_name', nullable: true })
  fileName?: string | null;

  @Property({ type: 'text', fieldName: 'pattern_id' })
  patternId!: string;

  @Property({ type: 'text', fieldName: 'pattern_name' })
  patternName!: string;

  @Property({ type: 'text' })
  severity!: string;

  @Property({ type: 'text', fieldName: 'policy_action' })
  policyAction!: string;

  @Property({ type: 'double' })
  confidence!: number;

  @Property({ type: 'text', fieldName: 'masked_match' })
  maskedMatch!: string;

  @Property({ type: 'text', fieldName: 'redacted_content', nullable: true })
  redactedContent?: string | null;

  @Property({ type: 'boolean', fieldName: 'has_raw_content' })
  hasRawContent!: boolean;

  @Property({ type: 'text', fieldName: 'action_taken', nullable: true })
  actionTaken?: 'LOGGED' | 'ALERTED' | 'REDACTED' | 'BLOCKED' | null;

  @Property({ type: 'text' })
  status!: 'OPEN' | 'ACTIONED' | 'ACTION_FAILED';

  @Property({ type: 'text', fieldName: 'last_error', nullable: true })
  lastError?: string | null;

  @Property({ type: 'integer', fieldName: 'reveal_count' })
  revealCount!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'detected_at' })
  detectedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'updated_at' })
  updatedAt!: Date;

  @Property({ type: 'text', fieldName: 'stream_id' })
  streamId!: string;

  @Property({ type: new BigIntType('number'), fieldName: 'last_position' })
  lastPosition!: number;
}
