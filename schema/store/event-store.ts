import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { LOCK_NAMESPACE, LockKey } from '../db/advisory-locks';
import { inTransaction, pgErrorCode, withConnection, type PgConnection } from '../db/pg-connection';
import { eventMetadataSchema, type EventMetadata } from '../events/metadata';
import { decodeEventData, encodeEventData, EventValidationError, type EventType } from '../events/registry';
import { ConcurrencyError, IdempotencyConflictError } from './errors';
import { GENESIS_HASH, hashEvent } from './event-hash';
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

const BEGIN_CHAIN_APPEND = `BEGIN; SELECT pg_advisory_xact_lock(${LOCK_NAMESPACE}, ${LockKey.appendChain})`;

interface PreparedEvent {
  id: string;
  type: EventType;
  version: number;
  data: unknown;
  metadata: EventMetadata;
  occurredAt: string;
}

interface PreparedWrite {
  streamId: string;
  expectedVersion: ExpectedVersion;
  events: PreparedEvent[];
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

  constructor(
    private readonly orm: MikroORM,
    options: EventStoreOptions = {},
  ) {
    this.projections = options.projections ?? [];
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? randomUUID;
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
    return withConnection(this.orm, (connection) =>
      inTransaction(connection, (tx) => this.appendPrepared(tx, prepared), BEGIN_CHAIN_APPEND),
    );
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
        return {
          id,
          type: encoded.type,
          version: encoded.version,
          data: encoded.data,
          metadata: event.metadata ? parseMetadata({ ...baseMetadata, ...event.metadata }) : baseMetadata,
          occurredAt: occurredAt.toISOString(),
        };
      });
      return { streamId, expectedVersion: write.expectedVersion, events };
    });
  }

  private async appendPrepared(tx: PgConnection, writes: readonly PreparedWrite[]): Promise<AppendResult[]> {
    const streamIds = writes.map((write) => write.streamId);
    const ids = writes.flatMap((write) => write.events.map((event) => event.id));
    const { rows } = await tx.query<{
      tail: string | null;
      versions: Array<{ s: string; v: number | null }>;
      existing: string[];
    }>(
      `SELECT
         (SELECT hash FROM events ORDER BY position DESC LIMIT 1) AS tail,
         (SELECT json_agg(json_build_object('s', s.id, 'v',
            (SELECT stream_version FROM events e WHERE e.stream_id = s.id ORDER BY stream_version DESC LIMIT 1)))
          FROM unnest($1::text[]) AS s(id)) AS versions,
         (SELECT coalesce(json_agg(id), '[]'::json) FROM events WHERE id = ANY($2::uuid[])) AS existing`,
      [streamIds, ids],
    );
    const state = rows[0];
    if (!state) throw new Error('the chain state query returned nothing');
    const existing = new Set(state.existing);
    const versions = new Map(state.versions.map((entry) => [entry.s, entry.v ?? 0]));

    const toInsert: Array<{ write: PreparedWrite; version: number }> = [];
    for (const write of writes) {
      const already = write.events.filter((event) => existing.has(event.id)).length;
      if (already === write.events.length) continue;
      if (already > 0) {
        throw new IdempotencyConflictError(
          `${already} of the ${write.events.length} events for ${write.streamId} were appended before and the others were not: ` +
            'a repeated append must repeat the same events',
        );
      }
      const actual = versions.get(write.streamId) ?? 0;
      if (write.expectedVersion !== 'any' && write.expectedVersion !== actual) {
        throw new ConcurrencyError(write.streamId, write.expectedVersion, actual);
      }
      toInsert.push({ write, version: actual });
    }

    let prevHash = state.tail ?? GENESIS_HASH;
    const columns = {
      id: [] as string[],
      streamId: [] as string[],
      streamVersion: [] as number[],
      type: [] as string[],
      version: [] as number[],
      data: [] as string[],
      metadata: [] as string[],
      occurredAt: [] as string[],
      prevHash: [] as string[],
      hash: [] as string[],
    };
    for (const { write, version } of toInsert) {
      write.events.forEach((event, index) => {
        const streamVersion = version + index + 1;
        const hash = hashEvent(prevHash, { ...event, streamId: write.streamId, streamVersion });
        columns.id.push(event.id);
        columns.streamId.push(write.streamId);
        columns.streamVersion.push(streamVersion);
        columns.type.push(event.type);
        columns.version.push(event.version);
        columns.data.push(JSON.stringify(event.data));
        columns.metadata.push(JSON.stringify(event.metadata));
        columns.occurredAt.push(event.occurredAt);
        columns.prevHash.push(prevHash);
        columns.hash.push(hash);
        prevHash = hash;
      });
    }

    let inserted: StoredEvent[] = [];
    if (columns.id.length > 0) {
      let insertedRows: EventRow[];
      try {
        ({ rows: insertedRows } = await tx.query<EventRow>(
          `INSERT INTO events (id, stream_id, stream_version, type, version, data, metadata, occurred_at, prev_hash, hash)
           SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int2[], $6::jsonb[], $7::jsonb[],
                                $8::timestamptz[], $9::text[], $10::text[])
           RETURNING ${EVENT_COLUMNS}`,
          Object.values(columns),
        ));
      } catch (error) {
        throw translateInsertError(error, toInsert);
      }
      inserted = orderLikeInput(insertedRows, columns.id).map(decodeRow);
      for (let index = 1; index < inserted.length; index += 1) {
        // The chain's order is position order: a batch must get increasing positions in the order it was hashed.
        if (inserted[index]!.position <= inserted[index - 1]!.position) {
          throw new Error('positions were not assigned in append order; the append was rolled back');
        }
      }
      for (const projection of this.projections) await projection.apply(tx, inserted);
    }

    const insertedById = new Map(inserted.map((event) => [event.id, event]));
    const insertedWrites = new Set(toInsert.map((entry) => entry.write));
    const duplicates = writes.filter((write) => !insertedWrites.has(write));
    const stored =
      duplicates.length > 0 ? await this.loadDuplicates(tx, duplicates) : new Map<string, StoredEvent>();

    return writes.map((write) => {
      const wasInserted = insertedWrites.has(write);
      const events = write.events.map((event) => {
        const found = (wasInserted ? insertedById : stored).get(event.id);
        if (!found) throw new Error(`event ${event.id} is missing after the append`);
        return found;
      });
      const last = events[events.length - 1]!;
      return { events, nextExpectedVersion: last.streamVersion, duplicate: !wasInserted };
    });
  }

  private async loadDuplicates(
    tx: PgConnection,
    writes: readonly PreparedWrite[],
  ): Promise<Map<string, StoredEvent>> {
    const ids = writes.flatMap((write) => write.events.map((event) => event.id));
    const { rows } = await tx.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM events WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, decodeRow(row)]));
    for (const write of writes) {
      for (const event of write.events) {
        const found = byId.get(event.id);
        if (found && (found.streamId !== write.streamId || found.type !== event.type)) {
          throw new IdempotencyConflictError(
            `event id ${event.id} already belongs to a ${found.type} in ${found.streamId}, not a ${event.type} in ${write.streamId}`,
          );
        }
      }
    }
    return byId;
  }
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

function orderLikeInput(rows: EventRow[], ids: readonly string[]): EventRow[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`the insert did not return event ${id}`);
    return row;
  });
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

function translateInsertError(
  error: unknown,
  writes: Array<{ write: PreparedWrite; version: number }>,
): unknown {
  const { code, constraint } = pgErrorCode(error);
  if (code !== '23505') return error;
  if (constraint === 'events_stream_id_stream_version_key') {
    // Only reachable if something appended without the chain lock: still a plain conflict for the caller.
    const first = writes[0];
    return first ? new ConcurrencyError(first.write.streamId, first.version, first.version + 1) : error;
  }
  if (constraint === 'events_id_key') {
    return new IdempotencyConflictError(
      'an event id in this append was stored concurrently by another writer',
    );
  }
  return error;
}
