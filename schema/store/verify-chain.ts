import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection, type PgConnection } from '../db/pg-connection';
import { GENESIS_HASH } from './event-hash';
import { firstBadHash, type ChainRow } from './verify-hashes';

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

const BATCH_QUERY = `SELECT position, id, stream_id, stream_version, type, version, data::text, metadata::text,
    to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS occurred_at, prev_hash, hash
  FROM events WHERE position > $1 ORDER BY position LIMIT $2`;

/**
 * Recomputes every event's hash in position order and checks each link, in batches (memory stays at two batches
 * whatever the log's size). The next batch is fetched while the current one is hashed; hashing is spread over
 * worker threads when the machine has cores to spare (each row's hash depends only on the row, its links are
 * checked in order here).
 */
export async function verifyChain(
  orm: MikroORM,
  options: { batchSize?: number; threads?: number } = {},
): Promise<ChainVerification> {
  return withConnection(orm, (connection) => verifyChainOn(connection, options));
}

export async function verifyChainOn(
  connection: PgConnection,
  options: { batchSize?: number; threads?: number } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 10_000;
  const fetch = (after: string): Promise<ChainRow[]> =>
    connection.query<ChainRow>(BATCH_QUERY, [after, batchSize]).then((result) => result.rows);
  const pool = HashPool.create(options.threads ?? Math.min(4, availableParallelism() - 1));
  try {
    let expectedPrev = GENESIS_HASH;
    let checkedEvents = 0;
    let lastPosition: number | null = null;
    let rows = await fetch('0');
    while (rows.length > 0) {
      const next = rows.length === batchSize ? fetch(rows[rows.length - 1]!.position) : Promise.resolve([]);
      // A rejected prefetch must not go unhandled while this batch is checked; it is awaited below.
      next.catch(() => undefined);
      let firstLink = -1;
      for (let index = 0; index < rows.length; index += 1) {
        if (rows[index]!.prev_hash !== (index === 0 ? expectedPrev : rows[index - 1]!.hash)) {
          firstLink = index;
          break;
        }
      }
      const firstHash = await pool.firstBadHash(rows);
      const broken =
        firstLink === -1 ? firstHash : firstHash === -1 ? firstLink : Math.min(firstLink, firstHash);
      if (broken !== -1) {
        await next.catch(() => undefined);
        const before = broken > 0 ? rows[broken - 1]! : null;
        return {
          ok: false,
          checkedEvents: checkedEvents + broken + 1,
          firstBrokenPosition: Number(rows[broken]!.position),
          reason: broken === firstLink ? 'link' : 'hash',
          lastPosition: before ? Number(before.position) : lastPosition,
          lastHash: before ? before.hash : lastPosition === null ? null : expectedPrev,
        };
      }
      checkedEvents += rows.length;
      expectedPrev = rows[rows.length - 1]!.hash;
      lastPosition = Number(rows[rows.length - 1]!.position);
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
  } finally {
    await pool.close();
  }
}

/** Hashing on worker threads when compiled (dist/), in this thread otherwise (under jest, or on one core). */
class HashPool {
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve(bad: number): void; reject(error: unknown): void }>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.on('message', (message: { id: number; bad: number }) => {
        this.waiting.get(message.id)?.resolve(message.bad);
        this.waiting.delete(message.id);
      });
      worker.on('error', (error) => {
        for (const entry of this.waiting.values()) entry.reject(error);
        this.waiting.clear();
      });
    }
  }

  static create(threads: number): HashPool {
    const script = join(__dirname, 'verify-worker.js');
    if (threads < 1 || !__filename.endsWith('.js') || !existsSync(script)) return new HashPool([]);
    return new HashPool(Array.from({ length: threads }, () => new Worker(script)));
  }

  async firstBadHash(rows: readonly ChainRow[]): Promise<number> {
    if (this.workers.length === 0 || rows.length < 1_000) return firstBadHash(rows);
    const size = Math.ceil(rows.length / this.workers.length);
    const slices = this.workers.map((worker, index) => {
      const id = this.nextId++;
      const offset = index * size;
      return new Promise<number>((resolve, reject) => {
        this.waiting.set(id, { resolve: (bad) => resolve(bad === -1 ? -1 : offset + bad), reject });
        worker.postMessage({ id, rows: rows.slice(offset, offset + size) });
      });
    });
    const results = await Promise.all(slices);
    const bad = results.filter((index) => index !== -1);
    return bad.length === 0 ? -1 : Math.min(...bad);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}
