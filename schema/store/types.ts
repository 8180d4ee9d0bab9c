import type { PgConnection } from '../db/pg-connection';
import type { DomainEvent } from '../events/registry';
import type { EventMetadata } from '../events/metadata';

/** What the store adds around a payload. */
export interface EventEnvelope {
  /** Idempotency key: appending an id that exists is a no-op returning the stored event. */
  id: string;
  streamId: string;
  /** 1 for a stream's first event. */
  streamVersion: number;
  /** Global order of the log (and of the hash chain); may have gaps, never goes back. */
  position: number;
  /** Payload version as written; `data` has been upcast to the current version. */
  version: number;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
  prevHash: string;
  hash: string;
}

/**
 * An event read from (or just written to) the log, narrowed by `type` like DomainEvent.
 * @example if (event.type === 'LeakDetected') console.log(event.data.maskedMatch, event.position);
 */
export type StoredEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & EventEnvelope
  : never;

/** An event to append. Without `id` the store makes one; without `occurredAt` it uses its clock. */
export type NewEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & {
      id?: string;
      occurredAt?: Date;
      /** Write an older payload version (a process still on the previous release). */
      version?: number;
      /** Overrides the append's metadata for this event (e.g. its own causation id). */
      metadata?: Partial<EventMetadata>;
    }
  : never;

/** A number: the stream must be at exactly that version (0 = must not exist yet). 'any': no check. */
export type ExpectedVersion = number | 'any';

export interface StreamWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: readonly NewEvent[];
}

export interface AppendResult {
  /** The stored events, in order (the already-stored ones when the append was a repeat). */
  events: StoredEvent[];
  /** The stream's version after the append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  /** True when every event was already in the log, so nothing was written. */
  duplicate: boolean;
}

/**
 * A read model kept in step with the log inside the append's own transaction.
 * @example { name: 'patterns', apply: async (connection, events) => { … upsert rows … } }
 */
export interface InlineProjection {
  name: string;
  apply(connection: PgConnection, events: readonly StoredEvent[], target?: ProjectionTarget): Promise<void>;
}

/** Where a projection writes: the live tables, or a schema holding fresh copies during a rebuild. */
export interface ProjectionTarget {
  /** A quoted, schema-qualified prefix such as `"leakshield_rebuild".` or '' for the live tables. */
  schemaPrefix: string;
}
