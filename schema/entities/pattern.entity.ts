import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { PatternDefinition } from '../../worker/dlp/types';

/**
 * A row of the `patterns` read model (written by the patterns projection only).
 * @example await em.find(PatternEntity, { deletedAt: null, enabled: true })
 */
@Entity({ tableName: 'patterns', readonly: true })
export class PatternEntity {
  @PrimaryKey({ type: 'text', fieldName: 'pattern_id' })
  patternId!: string;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text' })
  severity!: string;

  @Property({ type: 'text' })
  action!: string;

  @Property({ type: 'boolean' })
  enabled!: boolean;

  @Property({ type: 'boolean' })
  builtin!: boolean;

  @Property({ type: 'json' })
  definition!: PatternDefinition;

  /** 1 when created, +1 per PatternUpdated. */
  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'integer', fieldName: 'stream_version' })
  streamVersion!: number;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'created_at' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'updated_at' })
  updatedAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', fieldName: 'deleted_at', nullable: true })
  deletedAt?: Date | null;

  @Property({ type: new BigIntType('number'), fieldName: 'last_position' })
  lastPosition!: number;
}
