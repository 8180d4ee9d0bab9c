import type { PgConnection } from '../db/pg-connection';
import { firstBadHash, type ChainRow } from './verify-hashes';

/** What one contiguous range of positions looks like once checked. */
export interface RangeResult {
  count: number;
  /** prev_hash of the range's first event: must equal the hash that ends the range before it. */
  firstPrevHash: string | null;
  firstPosition: number | null;
  lastPosition: number | null;
  lastHash: string | null;
  /** The first event that fails inside the range: its position, how many events came before it in the range. */
  broken: {
    position: number;
    before: number;
    reason: 'hash' | 'link';
    previousPosition: number | null;
    previousHash: string | null;
  } | null;
}

const RANGE_QUERY = `SELECT position, id, stream_id, stream_version, type, version, data::text, metadata::text,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, prev_hash, hash
  FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/**
 * Checks the events with `after < position <= upTo` in order: each one's hash, and each link inside the range.
 * The next batch is fetched while the current one is hashed.
 */
export async function verifyRange(
  connection: PgConnection,
  after: number,
  upTo: number,
  batchSize: number,
): Promise<RangeResult> {
  // Only a lower bound in SQL: with an upper bound too, stale statistics (right after a bulk load) can turn the
  // ordered index scan into a bitmap scan that sorts the whole rest of the range for every batch.
  const fetch = (from: string): Promise<ChainRow[]> =>
    connection.query<ChainRow>(RANGE_QUERY, [from, batchSize]).then((result) => {
      const rows = result.rows;
      let keep = rows.length;
      while (keep > 0 && Number(rows[keep - 1]!.position) > upTo) keep -= 1;
      return keep === rows.length ? rows : rows.slice(0, keep);
    });
  const result: RangeResult = {
    count: 0,
    firstPrevHash: null,
    firstPosition: null,
    lastPosition: null,
    lastHash: null,
    broken: null,
  };
  let rows = await fetch(String(after));
  while (rows.length > 0) {
    const next = rows.length === batchSize ? fetch(rows[rows.length - 1]!.position) : Promise.resolve([]);
    // A rejected prefetch must not go unhandled while this batch is checked; it is awaited below.
    next.catch(() => undefined);
    if (result.firstPrevHash === null) {
      result.firstPrevHash = rows[0]!.prev_hash;
      result.firstPosition = Number(rows[0]!.position);
    }
    let firstLink = -1;
    for (let index = 0; index < rows.length; index += 1) {
      const previous = index === 0 ? result.lastHash : rows[index - 1]!.hash;
      if (previous !== null && rows[index]!.prev_hash !== previous) {
        firstLink = index;
        break;
      }
    }
    const firstHash = firstBadHash(firstLink === -1 ? rows : rows.slice(0, firstLink + 1));
    const broken = firstHash !== -1 ? firstHash : firstLink;
    if (broken !== -1) {
      await next.catch(() => undefined);
      const previous = broken > 0 ? rows[broken - 1]! : null;
      result.broken = {
        position: Number(rows[broken]!.position),
        before: result.count + broken,
        reason: broken === firstHash ? 'hash' : 'link',
        previousPosition: previous ? Number(previous.position) : result.lastPosition,
        previousHash: previous ? previous.hash : result.lastHash,
      };
      return result;
    }
    result.count += rows.length;
    result.lastHash = rows[rows.length - 1]!.hash;
    result.lastPosition = Number(rows[rows.length - 1]!.position);
    rows = await next;
  }
  return result;
}
