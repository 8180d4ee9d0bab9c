import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A row of the `monitored_channels` read model.
 * @example await em.findOne(MonitoredChannelEntity, { teamId: 'T1', channelId: 'C1' })
 */
@Entity({ tableName: 'monitored_channels', readonly: true })
export class MonitoredChannelEntity {
  @PrimaryKey({ type: 'text', fieldName: 'team_id' })
  teamId!: string;

  @PrimaryKey({ type: 'text', fieldName: 'channel_id' })
  channelId!: string;

  @Property({ type: 'text', fieldName: 'channel_name', nullable: true })
  channelName?: string | null;

  @Property({ type: 'boolean' })
  monitored!: boolean;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'changed_at' })
  changedAt!: Date;

  /** `<actor type>:<actor id>`, e.g. `slack_user:U024BE7LH`. */
  @Property({ type: 'text', fieldName: 'changed_by' })
  changedBy!: string;

  @Property({ type: new BigIntType('number'), fieldName: 'last_position' })
  lastPosition!: number;
}
