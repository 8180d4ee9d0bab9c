import type { MikroORM } from '@mikro-orm/postgresql';
import { readModelProjections } from './projections';
import { EventStore, type EventStoreOptions } from './store/event-store';

/**
 * The event store as the application uses it: every append also updates the read models in its transaction.
 * @example const store = createEventStore(db.orm); await store.append('pattern:ssn', 0, events, metadata);
 */
export function createEventStore(
  orm: MikroORM,
  options: Omit<EventStoreOptions, 'projections'> = {},
): EventStore {
  return new EventStore(orm, { ...options, projections: readModelProjections });
}
