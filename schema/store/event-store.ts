import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { escapeLiteral } from 'pg';
import { z } from 'zod';
import { deferringConnection, pgErrorCode, withConnection, type PgConnection } from '../db/pg-connection';
import { eventMetadataSchema, type EventMetadata } from '../events/metadata';
import {
  currentVersionOf,
  decodeEventData,
  encodeEventData,
  EventValidationError,
  type EventType,
} from '../events/registry';
import { ConcurrencyError, IdempotencyConflictError } from './errors';
import { canonicalEventParts } from './event-hash';
import type {
  AppendResult,
  ExpectedVersion,
  InlineProjection,
  NewEvent,
  StoredEvent,
  StreamWrite,
} from './types';

export interface EventStoreOptions {
  /** Read models updated in the same transaction as every append. */
  projections?: readonly InlineProjection[];
  now?: () => Date;
  newId?: () => string;
  /**
   * Appends made while a transaction is in flight wait and then share the next one (group commit), up to this
   * many events per transaction. Default 5,000.
   */
  maxGroupEvents?: number;
}

/** Columns every read selects; `occurred_at` comes back exactly as the hash saw it (ISO, ms, UTC). */
export const EVENT_COLUMNS = `position, id, stream_id, stream_version, type, version, data, metadata,
  to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at,
  to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS recorded_at,
  prev_hash, hash`;

/** A row as node-postgres returns it (bigint as a string, jsonb parsed). */
export interface EventRow {
  position: string | number;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  version: number;
  data: unknown;
  metadata: unknown;
  occurred_at: string;
  recorded_at: string;
  prev_hash: string;
  hash: string;
}

const streamIdSchema = z
  .string()
  .min(1)
  .max(512)
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._@/+=-]*$/, 'letters, digits and ":._@/+=-" only');
const eventIdSchema = z.uuid();

interface PreparedEvent {
  id: string;
  type: EventType;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: string;
  /** The canonical JSON around the stream version, which the database fills in (see event-hash.ts). */
  canonicalPrefix: string;
  canonicalSuffix: string;
}

interface PreparedWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: PreparedEvent[];
}

/** One append call waiting for a transaction. */
interface Pending {
  writes: PreparedWrite[];
  resolve(results: AppendResult[]): void;
  reject(error: unknown): void;
}

/** What leakshield_append_events() reports (see its migration). */
interface AppendFunctionResult {
  groups: Array<
    | { status: 'ok'; writes: Array<number | 'duplicate'> }
    | { status: 'conflict'; streamId: string; expected: number; actual: number }
    | { status: 'partial'; streamId: string; existing: number; events: number }
  >;
  events: Array<{
    id: string;
    position: number;
    streamVersion: number;
    prevHash: string;
    hash: string;
    recordedAt: string;
  }>;
}

/**
 * The audit log's only writer: appends with optimistic concurrency and idempotent event ids, extends the hash
 * chain under a transaction-scoped advisory lock (one chain however many processes append), and updates the
 * inline projections in the same transaction.
 * @example
 * const store = new EventStore(orm, { projections });
 * const { nextExpectedVersion } = await store.append('pattern:ssn', 0, [{ type: 'PatternCreated', data }], {
 *   actor: { type: 'api_key', id: keyId },
 * });
 */
export class EventStore {
  private readonly projections: readonly InlineProjection[];
  private readonly now: () => Date;
  private readonly newId: () => string;
  private readonly maxGroupEvents: number;
  private readonly queue: Pending[] = [];
  private draining = false;

  constructor(
    private readonly orm: MikroORM,
    options: EventStoreOptions = {},
  ) {
    this.projections = options.projections ?? [];
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
    this.maxGroupEvents = options.maxGroupEvents ?? 5_000;
  }

  /** Appends events to one stream, atomically. */
  async append(
    streamId: string,
    expectedVersion: ExpectedVersion,
    events: readonly NewEvent[],
    metadata: EventMetadata,
  ): Promise<AppendResult> {
    const [result] = await this.appendToStreams([{ streamId, expectedVersion, events }], metadata);
    if (!result) throw new Error('append produced no result');
    return result;
  }

  /** Appends to several streams in one transaction: all of them or none. Results follow the input order. */
  async appendToStreams(writes: readonly StreamWrite[], metadata: EventMetadata): Promise<AppendResult[]> {
    const prepared = this.prepare(writes, metadata);
    return new Promise<AppendResult[]>((resolve, reject) => {
      this.queue.push({ writes: prepared, resolve, reject });
      if (!this.draining) void this.drain();
    });
  }

  /** The stream's current version, 0 when it has no events. */
  async streamVersion(streamId: string): Promise<number> {
    return withConnection(this.orm, async (connection) => {
      const { rows } = await connection.query<{ version: number | null }>(
        'SELECT max(stream_version) AS version FROM events WHERE stream_id = $1',
        [streamId],
      );
      return rows[0]?.version ?? 0;
    });
  }

  /** A stream's events in order, payloads upcast to their current versions. */
  async readStream(streamId: string, options: { fromVersion?: number } = {}): Promise<StoredEvent[]> {
    return withConnection(this.orm, async (connection) => {
      const { rows } = await connection.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = $1 AND stream_version >= $2 ORDER BY stream_version`,
        [streamId, options.fromVersion ?? 1],
      );
      return rows.map(decodeRow);
    });
  }

  /**
   * Up to `limit` events after `after` (a position; 0 = from the start), in log order. Page by passing the last
   * event's position back in. `types` narrows to some event types.
   */
  async readAll(
    options: { after?: number; limit?: number; types?: readonly EventType[] } = {},
  ): Promise<StoredEvent[]> {
    return withConnection(this.orm, async (connection) => readAllOn(connection, options));
  }

  /** Every event after `after`, batch by batch, for projections and replays; memory stays at one batch. */
  async *readAllBatches(
    options: { after?: number; batchSize?: number; types?: readonly EventType[] } = {},
  ): AsyncGenerator<StoredEvent[]> {
    let after = options.after ?? 0;
    for (;;) {
      const batch = await this.readAll({ after, limit: options.batchSize ?? 5_000, types: options.types });
      if (batch.length === 0) return;
      yield batch;
      after = batch[batch.length - 1]!.position;
    }
  }

  private prepare(writes: readonly StreamWrite[], metadata: EventMetadata): PreparedWrite[] {
    const baseMetadata = parseMetadata(metadata);
    const seenIds = new Set<string>();
    const seenStreams = new Set<string>();
    return writes.map((write) => {
      const streamId = parseOrThrow(streamIdSchema, write.streamId, 'stream id');
      if (seenStreams.has(streamId)) {
        throw new IdempotencyConflictError(
          `stream ${streamId} appears twice in one append: merge the writes`,
        );
      }
      seenStreams.add(streamId);
      if (
        write.expectedVersion !== 'any' &&
        !(Number.isInteger(write.expectedVersion) && write.expectedVersion >= 0)
      ) {
        throw new RangeError(
          `expectedVersion must be a whole number ≥ 0 or 'any', not ${String(write.expectedVersion)}`,
        );
      }
      if (write.events.length === 0) throw new RangeError(`nothing to append to ${streamId}`);
      const events = write.events.map((event): PreparedEvent => {
        const id = event.id === undefined ? this.newId() : parseOrThrow(eventIdSchema, event.id, 'event id');
        if (seenIds.has(id)) throw new IdempotencyConflictError(`event id ${id} appears twice in one append`);
        seenIds.add(id);
        const encoded = encodeEventData(event.type, event.data, event.version);
        const occurredAt = event.occurredAt ?? this.now();
        if (Number.isNaN(occurredAt.getTime())) {
          throw new EventValidationError(event.type, encoded.version, ['occurredAt: not a valid date']);
        }
        const prepared = {
          id,
          type: encoded.type,
          version: encoded.version,
          data: encoded.data,
          metadata: event.metadata ? parseMetadata({ ...baseMetadata, ...event.metadata }) : baseMetadata,
          occurredAt: occurredAt.toISOString(),
        };
        const parts = canonicalEventParts({ ...prepared, streamId });
        return { ...prepared, canonicalPrefix: parts.prefix, canonicalSuffix: parts.suffix };
      });
      return { streamId, expectedVersion: write.expectedVersion, events };
    });
  }

  /**
   * Commits queued appends one transaction at a time. Appends that arrive meanwhile share the next transaction,
   * so concurrent callers (a worker's parallel handlers) pay for one lock hold and one fsync between them.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const group: Pending[] = [this.queue.shift()!];
        let events = countEvents(group[0]!);
        while (this.queue.length > 0 && events + countEvents(this.queue[0]!) <= this.maxGroupEvents) {
          const next = this.queue.shift()!;
          events += countEvents(next);
          group.push(next);
        }
        await this.commitGroup(group);
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: readonly Pending[]): Promise<void> {
    let outcomes: Array<AppendResult[] | Error>;
    try {
      outcomes = await withConnection(this.orm, (connection) => this.appendGroup(connection, group));
    } catch (error) {
      if (group.length === 1) {
        group[0]!.reject(translateAppendError(error));
        return;
      }
      // One append broke the shared transaction: retry each alone, so only the culprit fails.
      for (const pending of group) await this.commitGroup([pending]);
      return;
    }
    group.forEach((pending, index) => {
      const outcome = outcomes[index]!;
      if (outcome instanceof Error) pending.reject(outcome);
      else pending.resolve(outcome);
    });
  }

  private async appendGroup(
    connection: PgConnection,
    group: readonly Pending[],
  ): Promise<Array<AppendResult[] | Error>> {
    const payload = group.map((pending) => ({
      writes: pending.writes.map((write) => ({
        s: write.streamId,
        x: write.expectedVersion === 'any' ? null : write.expectedVersion,
        e: write.events.map((event) => ({
          id: event.id,
          t: event.type,
          v: event.version,
          d: event.data,
          m: event.metadata,
          o: event.occurredAt,
          p: event.canonicalPrefix,
          q: event.canonicalSuffix,
        })),
      })),
    }));
    // One round trip opens the transaction and appends everything (the lock is taken inside the function). The
    // payload goes as one escaped literal because a multi-statement query cannot carry bind parameters.
    const sql = `BEGIN; SELECT leakshield_append_events(${escapeLiteral(JSON.stringify(payload))}::jsonb) AS result`;
    try {
      const raw: unknown = await connection.query(sql);
      const results = Array.isArray(raw) ? (raw as Array<{ rows: unknown[] }>) : [raw as { rows: unknown[] }];
      const row = results[results.length - 1]?.rows[0] as { result: AppendFunctionResult } | undefined;
      if (!row) throw new Error('leakshield_append_events returned nothing');
      const deferring = deferringConnection(connection);
      const outcome = await this.finishGroup(deferring.connection, group, row.result);
      // The projections' writes travel with COMMIT: one round trip while the chain lock is held.
      await connection.query([...deferring.flush(), 'COMMIT'].join(';\n'));
      return outcome;
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }

  /** Turns the function's report into stored events, applies the projections, and shapes each caller's result. */
  private async finishGroup(
    connection: PgConnection,
    group: readonly Pending[],
    result: AppendFunctionResult,
  ): Promise<Array<AppendResult[] | Error>> {
    const insertedById = new Map(result.events.map((event) => [event.id, event]));
    const inserted: StoredEvent[] = [];
    const duplicateIds: string[] = [];
    group.forEach((pending, index) => {
      const status = result.groups[index];
      if (status?.status !== 'ok') return;
      pending.writes.forEach((write, writeIndex) => {
        if (status.writes[writeIndex] === 'duplicate') {
          duplicateIds.push(...write.events.map((event) => event.id));
          return;
        }
        for (const event of write.events) {
          const stored = insertedById.get(event.id);
          if (!stored) throw new Error(`event ${event.id} is missing after the append`);
          inserted.push(storedEventOf(write.streamId, event, stored));
        }
      });
    });
    for (let index = 1; index < inserted.length; index += 1) {
      // The chain's order is position order: the events of a transaction get increasing positions as hashed.
      if (inserted[index]!.position <= inserted[index - 1]!.position) {
        throw new Error('positions were not assigned in append order; the append was rolled back');
      }
    }
    if (inserted.length > 0) {
      for (const projection of this.projections) await projection.apply(connection, inserted);
    }
    const duplicates = duplicateIds.length > 0 ? await loadEvents(connection, duplicateIds) : new Map();
    const byId = new Map<string, StoredEvent>([
      ...duplicates,
      ...inserted.map((event) => [event.id, event] as const),
    ]);

    return group.map((pending, index): AppendResult[] | Error => {
      const status = result.groups[index];
      if (!status) return new Error('the append function skipped a group');
      if (status.status === 'conflict')
        return new ConcurrencyError(status.streamId, status.expected, status.actual);
      if (status.status === 'partial') {
        return new IdempotencyConflictError(
          `${status.existing} of the ${status.events} events for ${status.streamId} were appended before and the ` +
            'others were not: a repeated append must repeat the same events',
        );
      }
      return pending.writes.map((write, writeIndex) => {
        const events = write.events.map((event) => {
          const found = byId.get(event.id);
          if (!found) throw new Error(`event ${event.id} is missing after the append`);
          return found;
        });
        return {
          events,
          nextExpectedVersion: events[events.length - 1]!.streamVersion,
          duplicate: status.writes[writeIndex] === 'duplicate',
        };
      });
    });
  }
}

function countEvents(pending: Pending): number {
  return pending.writes.reduce((sum, write) => sum + write.events.length, 0);
}

function storedEventOf(
  streamId: string,
  event: PreparedEvent,
  stored: AppendFunctionResult['events'][number],
): StoredEvent {
  // An event written in an older payload version is handed back upcast, as every read would.
  const current =
    event.version === currentVersionOf(event.type)
      ? { type: event.type, data: event.data }
      : decodeEventData(event.type, event.version, event.data);
  return {
    ...current,
    id: event.id,
    streamId,
    streamVersion: stored.streamVersion,
    position: Number(stored.position),
    version: event.version,
    metadata: event.metadata,
    occurredAt: new Date(event.occurredAt),
    recordedAt: new Date(stored.recordedAt),
    prevHash: stored.prevHash,
    hash: stored.hash,
  } as StoredEvent;
}

async function loadEvents(
  connection: PgConnection,
  ids: readonly string[],
): Promise<Map<string, StoredEvent>> {
  const { rows } = await connection.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.id, decodeRow(row)]));
}

/** Reads a page of the log on an open connection (shared by the store and the projection rebuild). */
export async function readAllOn(
  connection: PgConnection,
  options: { after?: number; limit?: number; types?: readonly EventType[] } = {},
): Promise<StoredEvent[]> {
  const after = options.after ?? 0;
  const limit = Math.min(Math.max(options.limit ?? 1_000, 1), 100_000);
  const { rows } = options.types
    ? await connection.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 AND type = ANY($3::text[]) ORDER BY position LIMIT $2`,
        [after, limit, options.types],
      )
    : await connection.query<EventRow>(
        `SELECT ${EVENT_COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, limit],
      );
  return rows.map(decodeRow);
}

/** Turns a row into a typed event: validates the payload against its written version, then upcasts it. */
export function decodeRow(row: EventRow): StoredEvent {
  const event = decodeEventData(row.type, row.version, row.data);
  const metadata = eventMetadataSchema.safeParse(row.metadata);
  if (!metadata.success) {
    throw new EventValidationError(row.type, row.version, [
      `metadata of the event at position ${row.position} is invalid`,
    ]);
  }
  return {
    ...event,
    id: row.id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    position: Number(row.position),
    version: row.version,
    metadata: metadata.data,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  } as StoredEvent;
}

function parseMetadata(metadata: unknown): EventMetadata {
  const parsed = eventMetadataSchema.safeParse(metadata);
  if (!parsed.success) {
    throw new EventValidationError(
      '(metadata)',
      null,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(metadata)'}: ${issue.message}`),
    );
  }
  return parsed.data;
}

function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new EventValidationError('(append)', null, [
      `${what}: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
    ]);
  }
  return parsed.data;
}

function translateAppendError(error: unknown): unknown {
  const { code, constraint } = pgErrorCode(error);
  if (code === '23505' && constraint === 'events_id_key') {
    return new IdempotencyConflictError(
      'an event id in this append is already used by an event of another stream',
    );
  }
  return error;
}
