import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { MikroORM } from '@mikro-orm/postgresql';
import { withConnection, type PgConnection } from '../db/pg-connection';
import { GENESIS_HASH } from './event-hash';
import { verifyRange, type RangeResult } from './verify-range';

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

export interface VerifyOptions {
  batchSize?: number;
  /** Position ranges checked side by side; default: one per core, at most 4. */
  threads?: number;
  /** Below threads × this many events the log is checked as one range. Default 25,000. */
  minEventsPerThread?: number;
}

/**
 * Recomputes every event's hash and checks every link, in position order, in batches (memory stays at a few
 * batches whatever the log's size). When compiled and given threads, the log is cut into contiguous position
 * ranges checked side by side, each on its own thread and connection, and the links between ranges are checked
 * here; otherwise one range is checked on this thread, the next batch fetched while the current one is hashed.
 */
export async function verifyChain(orm: MikroORM, options: VerifyOptions = {}): Promise<ChainVerification> {
  const url = orm.config.get('clientUrl');
  return withConnection(orm, (connection) => verifyChainOn(connection, { ...options, url }));
}

export async function verifyChainOn(
  connection: PgConnection,
  options: VerifyOptions & { url?: string } = {},
): Promise<ChainVerification> {
  const batchSize = options.batchSize ?? 10_000;
  const { rows } = await connection.query<{ low: string | null; high: string | null; count: string }>(
    'SELECT min(position) AS low, max(position) AS high FROM events',
  );
  if (rows[0]?.low == null || rows[0].high == null) return intact(0, null, null);
  const low = Number(rows[0].low) - 1;
  const high = Number(rows[0].high);
  const threads = options.threads ?? Math.min(4, availableParallelism());
  const script = join(__dirname, 'verify-worker.js');
  const split = threads > 1 && high - low >= threads * (options.minEventsPerThread ?? 25_000);
  const ranges = split ? splitRange(low, high, threads) : [[low, high] as const];
  const url = options.url;
  if (split && url && __filename.endsWith('.js') && existsSync(script)) {
    return combine(
      await Promise.all(ranges.map(([after, upTo]) => inWorker(script, url, after, upTo, batchSize))),
    );
  }
  // Under jest (TypeScript sources, no worker script) the ranges are checked one after another on this thread.
  const results: RangeResult[] = [];
  for (const [after, upTo] of ranges) results.push(await verifyRange(connection, after, upTo, batchSize));
  return combine(results);
}

function splitRange(low: number, high: number, parts: number): Array<readonly [number, number]> {
  const size = Math.ceil((high - low) / parts);
  return Array.from(
    { length: parts },
    (_, index) => [low + index * size, Math.min(high, low + (index + 1) * size)] as const,
  ).filter(([after, upTo]) => upTo > after);
}

function inWorker(
  script: string,
  url: string,
  after: number,
  upTo: number,
  batchSize: number,
): Promise<RangeResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(script, {
      workerData: { url, after, upTo, batchSize },
      // Every row becomes short-lived strings and objects: a larger young generation means fewer scavenges.
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', (message: { ok: true; result: RangeResult } | { ok: false; error: string }) => {
      if (message.ok) resolve(message.result);
      else reject(new Error(`chain verification thread failed: ${message.error}`));
    });
    worker.once('error', reject);
  });
}

/** Joins range results in order: a range must start where the one before it ended. */
function combine(results: readonly RangeResult[]): ChainVerification {
  let expectedPrev = GENESIS_HASH;
  let checked = 0;
  let lastPosition: number | null = null;
  for (const range of results) {
    if (range.count === 0 && !range.broken) continue;
    if (range.firstPrevHash !== expectedPrev) {
      return {
        ok: false,
        checkedEvents: checked + 1,
        firstBrokenPosition: range.firstPosition,
        reason: 'link',
        lastPosition,
        lastHash: lastPosition === null ? null : expectedPrev,
      };
    }
    if (range.broken) {
      return {
        ok: false,
        checkedEvents: checked + range.broken.before + 1,
        firstBrokenPosition: range.broken.position,
        reason: range.broken.reason,
        lastPosition: range.broken.previousPosition ?? lastPosition,
        lastHash: range.broken.previousHash ?? (lastPosition === null ? null : expectedPrev),
      };
    }
    checked += range.count;
    expectedPrev = range.lastHash!;
    lastPosition = range.lastPosition;
  }
  return intact(checked, lastPosition, lastPosition === null ? null : expectedPrev);
}

function intact(
  checkedEvents: number,
  lastPosition: number | null,
  lastHash: string | null,
): ChainVerification {
  return { ok: true, checkedEvents, firstBrokenPosition: null, reason: null, lastPosition, lastHash };
}
