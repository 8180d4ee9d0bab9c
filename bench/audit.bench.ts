/**
 * `npm run bench:audit`: the audit log against a real PostgreSQL (DATABASE_URL, else an embedded server in a temp
 * folder with fsync on). Prints appends/s (single events and batches of 10, hash chain and inline projections
 * included, with 1 and 4 writer processes), the chain verification rate, and the projection rebuild time for
 * BENCH_EVENTS events (default 1,000,000). Each phase runs in a database of its own, dropped afterwards.
 *
 * BENCH_SECONDS (default 5) sets how long each append scenario runs. Every scenario runs twice: each writer process
 * appending one call at a time, and with 8 calls in flight (as a worker with parallel handlers does), which the
 * store coalesces into shared transactions (group commit).
 */
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createEventStore } from '../schema/audit-log';
import { openDatabase } from '../schema/db/database';
import { withDatabase } from '../schema/db/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../schema/db/embedded-postgres';
import type { EventMetadata } from '../schema/events/metadata';
import { rebuildProjections } from '../schema/projections/rebuild';
import { encodeEventData } from '../schema/events/registry';
import { GENESIS_HASH, hashEvent } from '../schema/store/event-hash';
import type { NewEvent } from '../schema/store/types';
import { verifyChain } from '../schema/store/verify-chain';
import { auditWorkload } from './audit-workload';

type Mode = 'single' | 'batch10';

interface WriterTask {
  url: string;
  mode: Mode;
  seconds: number;
  writer: number;
  /** Append calls in flight at once in this process. */
  concurrency: number;
}

const metadata: EventMetadata = { actor: { type: 'system', id: 'bench' } };

function messageEvents(mode: Mode, writer: number, index: number): { streamId: string; events: NewEvent[] } {
  const channelId = `C${writer}`;
  const ts = `${1_700_000_000 + index}.${String(writer).padStart(6, '0')}`;
  const scanned: NewEvent = {
    type: 'MessageScanned',
    data: {
      teamId: 'T0001',
      channelId,
      userId: 'U0001',
      messageTs: ts,
      contentLength: 120,
      findingsCount: mode === 'single' ? 0 : 9,
      patternSetVersion: 1,
    },
  };
  const findings: NewEvent[] =
    mode === 'single'
      ? []
      : Array.from({ length: 9 }, (_, finding) => ({
          type: 'LeakDetected',
          data: {
            findingId: randomUUID(),
            source: 'MESSAGE',
            teamId: 'T0001',
            channelId,
            userId: 'U0001',
            messageTs: ts,
            patternId: 'credit-card',
            patternName: 'Credit card number',
            severity: 'CRITICAL',
            action: 'BLOCK',
            confidence: 0.95,
            location: { line: 1, column: 12 + finding, start: 11 + finding, end: 30 + finding },
            maskedMatch: '4111 **** **** 1111',
            redactedContent: 'my card is 4111 **** **** 1111, keep it safe',
          },
        }));
  return { streamId: `message:T0001:${channelId}:${ts}`, events: [scanned, ...findings] };
}

/** One writer process: appends until its time is up, then reports how many events it wrote. */
async function runWriter(task: WriterTask): Promise<void> {
  const database = await openDatabase({ url: task.url, migrate: false, poolMax: 2 });
  const store = createEventStore(database.orm);
  process.send?.({ ready: true });
  await new Promise<void>((resolve) => process.once('message', () => resolve()));
  const deadline = Date.now() + task.seconds * 1000;
  let events = 0;
  let index = 0;
  await Promise.all(
    Array.from({ length: task.concurrency }, async () => {
      while (Date.now() < deadline) {
        const { streamId, events: batch } = messageEvents(task.mode, task.writer, index);
        index += 1;
        await store.append(streamId, 0, batch, metadata);
        events += batch.length;
      }
    }),
  );
  process.send?.({ events });
  await database.close();
}

async function appendScenario(
  url: string,
  mode: Mode,
  writers: number,
  concurrency: number,
  seconds: number,
): Promise<number> {
  const children = Array.from({ length: writers }, (_, writer) =>
    fork(
      __filename,
      ['writer', JSON.stringify({ url, mode, seconds, writer, concurrency } satisfies WriterTask)],
      {
        stdio: 'inherit',
      },
    ),
  );
  // Taken now: a child may exit before anyone would otherwise start listening.
  const exits = children.map((child) => new Promise((resolve) => child.once('exit', resolve)));
  const message = (child: (typeof children)[number]): Promise<Record<string, number | boolean>> =>
    new Promise((resolve, reject) => {
      child.once('message', (value) => resolve(value as Record<string, number | boolean>));
      child.once('exit', (code) =>
        code === 0 ? undefined : reject(new Error(`writer exited with ${code}`)),
      );
    });
  await Promise.all(children.map(message));
  const started = process.hrtime.bigint();
  const results = children.map(message);
  for (const child of children) child.send('go');
  const counts = await Promise.all(results);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  await Promise.all(exits);
  const total = counts.reduce((sum, count) => sum + Number(count.events), 0);
  return total / elapsed;
}

async function withBenchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `leakshield_bench_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = withDatabase(serverUrl, name);
  try {
    const database = await openDatabase({ url });
    await database.close();
    return await work(url);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  }
}

/**
 * Prepares a log of `target` events of the realistic workload for the verification and rebuild phases. Every
 * event is validated and hashed exactly as the store does it, but inserted in bulk (5,000 rows per statement):
 * this phase builds a log to verify, it does not measure appends.
 */
export async function loadWorkload(
  url: string,
  target: number,
): Promise<{ events: number; seconds: number }> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const started = process.hrtime.bigint();
  let prevHash = GENESIS_HASH;
  let events = 0;
  const columns = () => ({
    id: [] as string[],
    stream: [] as string[],
    version: [] as number[],
    type: [] as string[],
    payloadVersion: [] as number[],
    data: [] as string[],
    metadata: [] as string[],
    occurredAt: [] as string[],
    prev: [] as string[],
    hash: [] as string[],
  });
  let chunk = columns();
  const flush = async (): Promise<void> => {
    if (chunk.id.length === 0) return;
    await client.query(
      `INSERT INTO events (id, stream_id, stream_version, type, version, data, metadata, occurred_at, prev_hash, hash)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int2[], $6::jsonb[], $7::jsonb[],
                            $8::timestamptz[], $9::text[], $10::text[])`,
      Object.values(chunk),
    );
    chunk = columns();
  };
  // ~2.3 events per message in the workload mix.
  for (const write of auditWorkload({ seed: 2025, messages: Math.ceil(target / 2.3) + 1_000, teams: 20 })) {
    if (events >= target) break;
    write.events.forEach((event, index) => {
      const encoded = encodeEventData(event.type, event.data);
      const fields = {
        id: event.id!,
        streamId: write.streamId,
        streamVersion: write.expectedVersion + index + 1,
        type: encoded.type,
        version: encoded.version,
        data: encoded.data,
        metadata: { ...metadata, ...event.metadata },
        occurredAt: (event.occurredAt ?? new Date()).toISOString(),
      };
      const hash = hashEvent(prevHash, fields);
      chunk.id.push(fields.id);
      chunk.stream.push(fields.streamId);
      chunk.version.push(fields.streamVersion);
      chunk.type.push(fields.type);
      chunk.payloadVersion.push(fields.version);
      chunk.data.push(JSON.stringify(fields.data));
      chunk.metadata.push(JSON.stringify(fields.metadata));
      chunk.occurredAt.push(fields.occurredAt);
      chunk.prev.push(prevHash);
      chunk.hash.push(hash);
      prevHash = hash;
      events += 1;
    });
    if (chunk.id.length >= 5_000) await flush();
  }
  await flush();
  await client.end();
  return { events, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/**
 * Disk per event, by type, from the log just built (table, TOAST and indexes), and what a million Slack messages
 * cost at a realistic finding rate: the sizing line of the README.
 */
async function storageReport(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const total = await client.query<{ events: string; bytes: string; projections: string }>(
      `SELECT (SELECT count(*) FROM events) AS events,
              pg_total_relation_size('events') AS bytes,
              (SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c
                 JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = current_schema() AND c.relkind = 'r'
                  AND c.relname NOT IN ('events', 'mikro_orm_migrations')) AS projections`,
    );
    const byType = await client.query<{ type: string; n: string; row: string }>(
      `SELECT type, count(*) AS n, avg(pg_column_size(e.*))::int AS row FROM events e GROUP BY type ORDER BY type`,
    );
    const events = Number(total.rows[0]!.events);
    const perEvent = Number(total.rows[0]!.bytes) / events;
    const projectionsPerEvent = Number(total.rows[0]!.projections) / events;
    const rowOf = (type: string): number => Number(byType.rows.find((r) => r.type === type)?.row ?? 0);
    // Per million messages, 1% with a finding: 1M MessageScanned, 15k LeakDetected, 10k outcomes (MessageBlocked…).
    const scanned = rowOf('MessageScanned');
    const overhead = perEvent - byType.rows.reduce((n, r) => n + Number(r.n) * Number(r.row), 0) / events;
    const perMillion =
      1_000_000 * (scanned + overhead) +
      15_000 * (rowOf('LeakDetected') + overhead) +
      10_000 * (rowOf('MessageBlocked') + overhead);
    const gb = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(2)} GB`;
    return [
      `storage: events table ${gb(Number(total.rows[0]!.bytes))} for ${events.toLocaleString('en-US')} events ` +
        `= ${Math.round(perEvent)} bytes/event with indexes; read models ${Math.round(projectionsPerEvent)} bytes/event`,
      `row sizes: ${byType.rows.map((r) => `${r.type} ${r.row} B`).join(', ')}`,
      `events table growth per million Slack messages (1% with a finding): ~${gb(perMillion)}`,
    ];
  } finally {
    await client.end();
  }
}

async function main(): Promise<void> {
  const seconds = Number(process.env.BENCH_SECONDS ?? 5);
  const target = Number(process.env.BENCH_EVENTS ?? 1_000_000);
  let embedded: EmbeddedPostgresServer | null = null;
  let embeddedDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embeddedDir = await mkdtemp(join(tmpdir(), 'leakshield-bench-pg-'));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir });
    serverUrl = embedded.url;
  }
  const server = serverUrl;
  const lines: string[] = [];
  const report = (line: string): void => {
    lines.push(line);
    console.log(line);
  };
  try {
    report(`audit log benchmark — PostgreSQL ${embedded ? '(embedded, fsync on)' : 'from DATABASE_URL'}`);
    for (const concurrency of [1, 8]) {
      for (const mode of ['single', 'batch10'] as const) {
        for (const writers of [1, 4]) {
          const rate = await withBenchDatabase(server, (url) =>
            appendScenario(url, mode, writers, concurrency, seconds),
          );
          report(
            `append ${mode === 'single' ? 'single events' : 'batches of 10'}, ${writers} writer process${writers > 1 ? 'es' : ''}, ` +
              `${concurrency} call${concurrency > 1 ? 's' : ''} in flight each: ${Math.round(rate).toLocaleString('en-US')} events/s`,
          );
        }
      }
    }

    await withBenchDatabase(server, async (url) => {
      const load = await loadWorkload(url, target);
      report(
        `prepare a log of ${load.events.toLocaleString('en-US')} events (workload mix, validated and hashed, bulk insert): ` +
          `${load.seconds.toFixed(1)} s (${Math.round(load.events / load.seconds).toLocaleString('en-US')} events/s)`,
      );
      const database = await openDatabase({ url, migrate: false, poolMax: 2 });
      try {
        const verifyStart = process.hrtime.bigint();
        const verification = await verifyChain(database.orm);
        const verifySeconds = Number(process.hrtime.bigint() - verifyStart) / 1e9;
        report(
          `verify chain: ${verification.checkedEvents.toLocaleString('en-US')} events in ${verifySeconds.toFixed(1)} s ` +
            `= ${Math.round(verification.checkedEvents / verifySeconds).toLocaleString('en-US')} events/s (ok: ${verification.ok})`,
        );
        const rebuild = await rebuildProjections(database.orm);
        report(
          `rebuild projections: ${rebuild.events.toLocaleString('en-US')} events in ${(rebuild.durationMs / 1000).toFixed(1)} s ` +
            `= ${Math.round(rebuild.events / (rebuild.durationMs / 1000)).toLocaleString('en-US')} events/s`,
        );
        for (const line of await storageReport(url)) report(line);
      } finally {
        await database.close();
      }
    });
  } finally {
    await embedded?.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  }
}

if (require.main !== module) {
  // Imported (by a profiling script): run nothing.
} else if (process.argv[2] === 'writer') {
  runWriter(JSON.parse(process.argv[3] ?? '{}') as WriterTask).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
} else {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
