import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection, type PgConnection } from '../db/pg-connection';
import { GENESIS_HASH, hashEvent } from './event-hash';

/**
 * The outcome of walking the hash chain (GraphQL-ready: plain fields only).
 * @example { ok: false, checkedEvents: 1042, firstBrokenPosition: 1042, reason: 'hash', lastPosition: 1041, … }
 */
export interface ChainVerification {
  ok: boolean;
  /** Events checked, including the broken one. */
  checkedEvents: number;
  /** The first position whose content or link does not match; null when the chain is intact. */
  firstBrokenPosition: number | null;
  /**
   * `hash`: the row's content no longer produces its stored hash (it was edited);
   * `link`: its prev_hash is not the previous row's hash (a row before it was removed, inserted or re-hashed).
   */
  reason: 'hash' | 'link' | null;
  /** The last position checked and verified; record lastHash outside the database to detect a cut-off tail. */
  lastPosition: number | null;
  lastHash: string | null;
}

interface ChainRow {
  position: string;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  version: number;
  data: unknown;
  metadata: Record<string, unknown>;
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

const BATCH_QUERY = `SELECT position, id, stream_id, stream_version, type, version, data, metadata,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, prev_hash, hash
  FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/**
 * Recomputes every event's hash in position order and checks each link, in batches (memory stays at two batches
 * whatever the log's size). The next batch is fetched while the current one is hashed, so the database and
 * Node work side by side.
 */
export async function verifyChain(
  orm: MikroORM,
  options: { batchSize?: number } = {},
): Promise<ChainVerification> {
  return withConnection(orm, (connection) => verifyChainOn(connection, options));
}

export async function verifyChainOn(
  connection: PgConnection,
  options: { batchSize?: number } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 10_000;
  const fetch = (after: string): Promise<ChainRow[]> =>
    connection.query<ChainRow>(BATCH_QUERY, [after, batchSize]).then((result) => result.rows);

  let expectedPrev = GENESIS_HASH;
  let checkedEvents = 0;
  let lastPosition: number | null = null;
  let rows = await fetch('0');
  while (rows.length > 0) {
    const next = rows.length === batchSize ? fetch(rows[rows.length - 1]!.position) : Promise.resolve([]);
    // A rejected prefetch must not go unhandled while this batch is checked; it is awaited below.
    next.catch(() => undefined);
    for (const row of rows) {
      checkedEvents += 1;
      const position = Number(row.position);
      const broken =
        row.prev_hash !== expectedPrev
          ? 'link'
          : hashEvent(row.prev_hash, {
                id: row.id,
                streamId: row.stream_id,
                streamVersion: row.stream_version,
                type: row.type,
                version: row.version,
                data: row.data,
                metadata: row.metadata,
                occurredAt: row.occurred_at,
              }) !== row.hash
            ? 'hash'
            : null;
      if (broken) {
        await next.catch(() => undefined);
        return {
          ok: false,
          checkedEvents,
          firstBrokenPosition: position,
          reason: broken,
          lastPosition,
          lastHash: lastPosition === null ? null : expectedPrev,
        };
      }
      expectedPrev = row.hash;
      lastPosition = position;
    }
    rows = await next;
  }
  return {
    ok: true,
    checkedEvents,
    firstBrokenPosition: null,
    reason: null,
    lastPosition,
    lastHash: lastPosition === null ? null : expectedPrev,
  };
}
