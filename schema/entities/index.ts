import 'reflect-metadata';
import { AuditEventEntity } from './audit-event.entity';

export { AuditEventEntity };

/** Every entity MikroORM discovers. */
export const entities = [AuditEventEntity] as const;
