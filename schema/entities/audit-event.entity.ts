import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One row of the audit log, for reading with MikroORM (lists, filters, GraphQL). Writes go through the event
 * store only; the table itself refuses updates and deletes.
 * @example await em.find(AuditEventEntity, { streamId: 'pattern:github-pat' }, { orderBy: { position: 'asc' } })
 */
@Entity({ tableName: 'events', readonly: true })
export class AuditEventEntity {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: true })
  position!: number;

  @Property({ type: 'uuid', unique: true })
  id!: string;

  @Property({ type: 'text', fieldName: 'stream_id' })
  streamId!: string;

  @Property({ type: 'integer', fieldName: 'stream_version' })
  streamVersion!: number;

  @Property({ type: 'text' })
  type!: string;

  @Property({ type: 'smallint' })
  version!: number;

  @Property({ type: 'json' })
  data!: Record<string, unknown>;

  @Property({ type: 'json' })
  metadata!: Record<string, unknown>;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'occurred_at' })
  occurredAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'recorded_at' })
  recordedAt!: Date;

  @Property({ type: 'text', fieldName: 'prev_hash' })
  prevHash!: string;

  @Property({ type: 'text' })
  hash!: string;
}
