import 'reflect-metadata';
import { AuditEventEntity } from './audit-event.entity';
import { DailyStatEntity } from './daily-stat.entity';
import { DetectionEntity } from './detection.entity';
import { MonitoredChannelEntity } from './monitored-channel.entity';
import { PatternEntity } from './pattern.entity';

export { AuditEventEntity, DailyStatEntity, DetectionEntity, MonitoredChannelEntity, PatternEntity };

/** Every entity MikroORM discovers. */
export const entities = [
  AuditEventEntity,
  PatternEntity,
  DetectionEntity,
  MonitoredChannelEntity,
  DailyStatEntity,
] as const;
