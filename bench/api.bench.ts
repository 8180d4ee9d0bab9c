/**
 * `npm run bench:api`: GraphQL read latency over a large audit log. Loads BENCH_EVENTS audit events (default
 * 1,000,000) of which BENCH_DETECTIONS are detections (default 100,000) through the event store's own append
 * path (hash chain, inline projections), verifies the chain, then starts the API in a child process and, with
 * autocannon at 50 concurrent connections, measures p50/p95 latency of:
 *   - `detections` filtered by channel: the first page, and a page 1,000 rows deep (by cursor);
 *   - `auditEvents` filtered by type: the first page, and a page 50,000 events deep (by cursor).
 * PostgreSQL is DATABASE_URL's server, else an embedded one in a temp folder; the bench database is dropped after.
 *
 * BENCH_SECONDS (default 10) sets each measurement's length, BENCH_PAGE (default 20) the page size, BENCH_CONNECTIONS
 * (default 50) the concurrency, BENCH_ONLY (a prefix of a query's name, e.g. `detections`) which queries run.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPubSub } from '@graphql-yoga/subscription';
import { Client } from 'pg';
import type { PubSub } from 'type-graphql';
import { buildApiSchema } from '../api/graphql/build-schema';
import { decodeCursor, encodeCursor } from '../api/graphql/relay';
import { createApiServer } from '../api/server';
import { createApiServices } from '../api/services';
import { BOOTSTRAP_PRINCIPAL } from '../api/services/authentication';
import { isDetectionCursor } from '../api/services/detections.service';
import { createEventStore } from '../schema/audit-log';
import { settingsSchema } from '../schema/config/settings';
import { openDatabase } from '../schema/db/database';
import { inTransaction, withConnection } from '../schema/db/pg-connection';
import { withDatabase } from '../schema/db/database-url';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../schema/db/embedded-postgres';
import type { EventMetadata } from '../schema/events/metadata';
import { encodeEventData } from '../schema/events/registry';
import { createLogger } from '../schema/observability/logger';
import { readModelProjections } from '../schema/projections';
import { GENESIS_HASH, hashEvent } from '../schema/store/event-hash';
import type { NewEvent, StoredEvent, StreamWrite } from '../schema/store/types';
import { verifyChain } from '../schema/store/verify-chain';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const DETECTIONS = Number(process.env.BENCH_DETECTIONS ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PAGE = Number(process.env.BENCH_PAGE ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const ONLY = process.env.BENCH_ONLY ?? '';
const CHANNELS = 50;
const BENCH_CHANNEL = 'C0007';
const ACTIONS = ['LOG', 'ALERT', 'REDACT', 'BLOCK'] as const;
const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'] as const;

interface AutocannonResult {
  requests: { total: number };
  non2xx: number;
  errors: number;
}
interface AutocannonInstance extends PromiseLike<AutocannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (options: Record<string, unknown>) => AutocannonInstance;
// autocannon ships no type declarations; this is the slice used here.
const autocannon = createRequire(__filename)('autocannon') as Autocannon;

const metadata: EventMetadata = {
  actor: { type: 'system', id: 'bench-worker' },
  correlationId: 'bench-load',
};

/** A small seeded PRNG, so every run loads the same log. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The log, as the worker writes it: one stream per Slack message, MessageScanned and its LeakDetected events and
 * the action's outcome in one append. 80 % of the messages with findings have one finding, 20 % two; three in
 * four of them had an action (alert, redact, block) whose outcome is recorded; every other message is clean.
 */
function* messages(): Generator<StreamWrite> {
  const random = mulberry32(42);
  const detectionMessages = Math.round(DETECTIONS * 0.8);
  const outcomes = Math.round(detectionMessages * 0.75);
  const clean = EVENTS - detectionMessages - DETECTIONS - outcomes;
  if (clean < 0) throw new Error('BENCH_EVENTS is too small for BENCH_DETECTIONS');
  const total = clean + detectionMessages;
  const start = Date.parse('2025-01-01T00:00:00.000Z');
  const step = (90 * 86_400_000) / total;
  let withFindings = 0;
  for (let index = 0; index < total; index += 1) {
    const at = new Date(start + Math.floor(index * step));
    const channelId = `C${String(Math.floor(random() * CHANNELS)).padStart(4, '0')}`;
    const userId = `U${String(Math.floor(random() * 500)).padStart(4, '0')}`;
    const ts = `${1_735_689_600 + index}.${String(index % 1_000_000).padStart(6, '0')}`;
    // Spread the messages with findings evenly through the log (Bresenham).
    const hasFindings =
      Math.floor(((index + 1) * detectionMessages) / total) > Math.floor((index * detectionMessages) / total);
    const k = withFindings;
    if (hasFindings) withFindings += 1;
    const count = !hasFindings ? 0 : k % 4 === 3 ? 2 : 1;
    // One in four messages with findings only asked to be logged: no outcome event follows.
    const logOnly = k % 4 === 0;
    const events: NewEvent[] = [
      {
        type: 'MessageScanned',
        data: {
          teamId: 'T0001',
          channelId,
          userId,
          messageTs: ts,
          contentLength: 40 + (index % 400),
          findingsCount: count,
          patternSetVersion: 12,
        },
        occurredAt: at,
      },
    ];
    const findingIds: string[] = [];
    let strictest = 0;
    for (let finding = 0; finding < count; finding += 1) {
      const pattern = Math.floor(random() * 12);
      const action = logOnly ? 0 : 1 + (pattern % 3);
      strictest = Math.max(strictest, action);
      const findingId = uuidOf(index, finding);
      findingIds.push(findingId);
      events.push({
        type: 'LeakDetected',
        data: {
          findingId,
          source: 'MESSAGE',
          teamId: 'T0001',
          channelId,
          userId,
          messageTs: ts,
          patternId: `custom-${pattern}`,
          patternName: `Custom pattern ${pattern}`,
          severity: SEVERITIES[pattern % 4]!,
          action: ACTIONS[action]!,
          confidence: Math.round(random() * 100) / 100,
          location: { line: 1, column: 12, start: 11, end: 30 },
          maskedMatch: `K${pattern}-****${String(index % 100).padStart(2, '0')}`,
          redactedContent: `please use K${pattern}-****${String(index % 100).padStart(2, '0')} for the invoice`,
        },
        occurredAt: at,
      });
    }
    if (count > 0 && strictest > 0) {
      const acted = new Date(at.getTime() + 400);
      events.push(
        strictest === 3
          ? {
              type: 'MessageBlocked',
              data: { teamId: 'T0001', channelId, messageTs: ts, findingIds, authorNotified: true },
              occurredAt: acted,
            }
          : strictest === 2
            ? {
                type: 'MessageRedacted',
                data: { teamId: 'T0001', channelId, messageTs: ts, findingIds },
                occurredAt: acted,
              }
            : {
                type: 'AlertSent',
                data: { teamId: 'T0001', findingIds, alertChannelId: 'CADMIN' },
                occurredAt: acted,
              },
      );
    }
    yield { streamId: `message:T0001:${channelId}:${ts}`, expectedVersion: 0, events };
  }
}

function uuidOf(index: number, finding: number): string {
  const hex = (index * 4 + finding).toString(16).padStart(12, '0');
  return `b3e1c0de-0000-4000-8000-${hex}`;
}

/**
 * Bulk load, keeping what matters for realism on the store's own code: every payload is validated by its schema,
 * every hash is the store's hashEvent over the previous one (so the chain verifies), and every batch goes through
 * the same inline projections as a live append, in the same transaction. Only the INSERT is the bench's own: one
 * multi-row statement of 10,000 events with their positions, instead of one append per message.
 */
async function load(url: string): Promise<{ events: number; detections: number; seconds: number }> {
  const database = await openDatabase({ url, poolMax: 4 });
  const started = process.hrtime.bigint();
  let position = 0;
  let prevHash = GENESIS_HASH;
  let batch: StoredEvent[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const events = batch;
    batch = [];
    await withConnection(database.orm, (connection) =>
      inTransaction(connection, async (tx) => {
        await tx.query(
          `INSERT INTO events (position, id, stream_id, stream_version, type, version, data, metadata, occurred_at,
             prev_hash, hash)
           SELECT * FROM unnest($1::bigint[], $2::uuid[], $3::text[], $4::int[], $5::text[], $6::int2[],
             $7::jsonb[], $8::jsonb[], $9::timestamptz[], $10::text[], $11::text[])`,
          [
            events.map((event) => event.position),
            events.map((event) => event.id),
            events.map((event) => event.streamId),
            events.map((event) => event.streamVersion),
            events.map((event) => event.type),
            events.map((event) => event.version),
            events.map((event) => JSON.stringify(event.data)),
            events.map((event) => JSON.stringify(event.metadata)),
            events.map((event) => event.occurredAt.toISOString()),
            events.map((event) => event.prevHash),
            events.map((event) => event.hash),
          ],
        );
        for (const projection of readModelProjections) await projection.apply(tx, events);
      }),
    );
    if (Math.floor(position / 100_000) !== Math.floor((position - events.length) / 100_000)) {
      process.stdout.write(`  loaded ${position.toLocaleString('en')} events\r`);
    }
  };
  try {
    for (const write of messages()) {
      write.events.forEach((event, index) => {
        const encoded = encodeEventData(event.type, event.data);
        position += 1;
        const fields = {
          id: randomUUID(),
          streamId: write.streamId,
          streamVersion: index + 1,
          type: encoded.type,
          version: encoded.version,
          data: encoded.data,
          metadata,
          occurredAt: (event.occurredAt ?? new Date()).toISOString(),
        };
        const hash = hashEvent(prevHash, fields);
        batch.push({
          ...fields,
          position,
          occurredAt: new Date(fields.occurredAt),
          recordedAt: new Date(),
          prevHash,
          hash,
        } as StoredEvent);
        prevHash = hash;
      });
      if (batch.length >= 10_000) await flush();
    }
    await flush();
    await withConnection(database.orm, (connection) =>
      connection.query("SELECT setval(pg_get_serial_sequence('events', 'position'), $1)", [position]),
    );
  } finally {
    await database.close();
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write('\n');
  const counts = await onDatabase(url, async (client) => {
    await client.query('VACUUM ANALYZE');
    const { rows } = await client.query<{ events: number; detections: number }>(
      'SELECT (SELECT count(*)::int FROM events) AS events, (SELECT count(*)::int FROM detections) AS detections',
    );
    return rows[0]!;
  });
  return { ...counts, seconds };
}

/** Busy and total CPU time of the whole machine so far (Linux /proc/stat, in clock ticks); null elsewhere. */
async function machineTicks(): Promise<{ busy: number; total: number } | null> {
  const stat = await readFile('/proc/stat', 'utf8').catch(() => null);
  const fields = stat?.split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number);
  if (!fields || fields.length < 5) return null;
  const total = fields.reduce((sum, value) => sum + value, 0);
  // idle and iowait are fields 4 and 5 of the cpu line.
  return { busy: total - (fields[3] ?? 0) - (fields[4] ?? 0), total };
}

/**
 * Waits (at most a minute) until the machine's CPUs were less than 10% busy for three seconds in a row, and says
 * how long that took and how busy the last second was.
 */
async function waitForQuietMachine(): Promise<{ seconds: number; busyPercent: number }> {
  const started = Date.now();
  let quietSeconds = 0;
  let busyPercent = 0;
  let before = await machineTicks();
  while (before && quietSeconds < 3 && Date.now() - started < 60_000) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = await machineTicks();
    if (!after) break;
    busyPercent = Math.round((100 * (after.busy - before.busy)) / Math.max(1, after.total - before.total));
    quietSeconds = busyPercent < 10 ? quietSeconds + 1 : 0;
    before = after;
  }
  return { seconds: Math.round((Date.now() - started) / 1000), busyPercent };
}

async function onDatabase<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** The child: the API as `leakshield serve` runs it, over the bench database. */
async function serve(url: string): Promise<void> {
  const database = await openDatabase({ url, migrate: false, poolMax: 10 });
  const store = createEventStore(database.orm);
  const pubSub = createPubSub() as unknown as PubSub;
  const services = await createApiServices({
    orm: database.orm,
    store,
    settings: settingsSchema.parse({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
    pubSub,
  });
  const server = await createApiServer({ schema: await buildApiSchema(pubSub), services });
  const port = await server.listen(0, '127.0.0.1');
  const { key } = await services.createApiKey('bench', 'INTEGRATION', {
    principal: BOOTSTRAP_PRINCIPAL,
    requestId: 'bench',
  });
  process.send?.({ port, key });
  process.on('message', async (message) => {
    if (message === 'cpu') {
      process.send?.({ cpu: process.cpuUsage() });
      return;
    }
    await server.close();
    await services.close();
    await database.close();
    process.exit(0);
  });
}

function startServer(url: string): Promise<{ child: ChildProcess; port: number; key: string }> {
  return new Promise((resolve, reject) => {
    // BENCH_PROFILE=<folder> writes a CPU profile of the API process there (open it in Chrome DevTools).
    const profile = process.env.BENCH_PROFILE;
    const child = fork(__filename, ['serve', url], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      // The same V8 flags as `npm start` and the image (see the Dockerfile's ENTRYPOINT).
      execArgv: ['--single-threaded-gc', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])],
      // As in production: graphql-js skips its development-only checks.
      env: { ...process.env, NODE_ENV: 'production' },
    });
    child.once('message', (message) => resolve({ child, ...(message as { port: number; key: string }) }));
    child.once('exit', (code) => reject(new Error(`the API process exited with code ${code}`)));
  });
}

interface Scenario {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

async function post(port: number, key: string, scenario: Scenario): Promise<Record<string, unknown>> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
  if (body.errors || !body.data) throw new Error(`${scenario.name} failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** CPU time (user + system, µs) the API process has used so far, all its threads. */
function cpuOf(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => {
    const onMessage = (message: unknown): void => {
      const cpu = (message as { cpu?: NodeJS.CpuUsage }).cpu;
      if (!cpu) return;
      child.off('message', onMessage);
      resolve(cpu.user + cpu.system);
    };
    child.on('message', onMessage);
    child.send('cpu');
  });
}

/**
 * CPU time (ms) used so far by every PostgreSQL process on this machine (Linux /proc; 0 elsewhere). Clock ticks are
 * 10 ms, fine over a run of several seconds.
 */
async function postgresCpuMs(): Promise<number> {
  let total = 0;
  const entries = await readdir('/proc').catch(() => [] as string[]);
  await Promise.all(
    entries
      .filter((entry) => /^\d+$/.test(entry))
      .map(async (pid) => {
        const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
        const close = stat.lastIndexOf(')');
        if (close < 0 || stat.slice(stat.indexOf('(') + 1, close) !== 'postgres') return;
        // Fields after the command name: state is field 3, utime 14 and stime 15 (1-based, man proc).
        const fields = stat.slice(close + 2).split(' ');
        total += (Number(fields[11]) + Number(fields[12])) * 10;
      }),
  );
  return total;
}

interface Measured {
  p50: number;
  p95: number;
  rps: number;
  failures: number;
  /** CPU per request of the API process, of the load generator (this process) and of PostgreSQL. */
  cpuMs: { api: number; load: number; database: number };
}

/** Loads the API with one query from CONNECTIONS connections for `seconds`. */
function loadWith(port: number, key: string, scenario: Scenario, seconds: number) {
  return autocannon({
    url: `http://127.0.0.1:${port}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query: scenario.query, variables: scenario.variables }),
  });
}

/** Loads the API with one query for 3 s, results unread. */
async function warmUp(port: number, key: string, scenario: Scenario): Promise<void> {
  await loadWith(port, key, scenario, 3);
}

async function measure(
  port: number,
  key: string,
  scenario: Scenario,
  child: ChildProcess,
): Promise<Measured> {
  await post(port, key, scenario);
  // Warm up (JIT, plan and page caches) before measuring.
  await warmUp(port, key, scenario);
  const latencies: number[] = [];
  const run = loadWith(port, key, scenario, SECONDS);
  const cpuBefore = await cpuOf(child);
  const loadBefore = process.cpuUsage();
  const databaseBefore = await postgresCpuMs();
  run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  const result = await run;
  const cpuAfter = await cpuOf(child);
  const load = process.cpuUsage(loadBefore);
  const databaseAfter = await postgresCpuMs();
  const requests = Math.max(1, result.requests.total);
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: result.requests.total / SECONDS,
    failures: result.non2xx + result.errors,
    cpuMs: {
      api: (cpuAfter - cpuBefore) / 1000 / requests,
      load: (load.user + load.system) / 1000 / requests,
      database: (databaseAfter - databaseBefore) / requests,
    },
  };
}

/**
 * The same pages through the services alone, one at a time: what the database side costs (SQL, row decoding),
 * without HTTP, GraphQL or concurrency.
 */
async function measureServices(url: string, deepDetections: string, deepPosition: number): Promise<void> {
  const database = await openDatabase({ url, migrate: false, poolMax: 2 });
  const services = await createApiServices({
    orm: database.orm,
    store: createEventStore(database.orm),
    settings: settingsSchema.parse({ LOG_LEVEL: 'silent' }),
    logger: createLogger({ level: 'silent' }),
    pubSub: createPubSub() as unknown as PubSub,
    listen: false,
  });
  const order = { field: 'DETECTED_AT', direction: 'DESC' } as const;
  const cursor = decodeCursor('detection:DETECTED_AT:DESC', deepDetections, isDetectionCursor(order));
  const filter = { channelId: BENCH_CHANNEL };
  const cases: Array<[string, () => Promise<unknown>]> = [
    [
      'detections page (channel), first',
      () => services.listDetections(filter, order, { direction: 'forward', size: PAGE, cursor: null }),
    ],
    [
      'detections page (channel), after row 1,000',
      () => services.listDetections(filter, order, { direction: 'forward', size: PAGE, cursor }),
    ],
    ['detections count (channel)', () => services.countDetections(filter)],
    [
      'auditEvents page (type), first',
      () =>
        services.listAuditEvents(
          { types: ['LeakDetected'] },
          { direction: 'forward', size: PAGE, cursor: null },
        ),
    ],
    [
      'auditEvents page (type), after event 50,000',
      () =>
        services.listAuditEvents(
          { types: ['LeakDetected'] },
          { direction: 'forward', size: PAGE, cursor: deepPosition },
        ),
    ],
  ];
  console.log('\nThe services alone (SQL and decoding), 300 calls one after another:\n');
  console.log('| call | p50 ms | p95 ms |');
  console.log('|---|---:|---:|');
  try {
    for (const [name, call] of cases) {
      const times: number[] = [];
      for (let run = 0; run < 320; run += 1) {
        const started = process.hrtime.bigint();
        await call();
        if (run >= 20) times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      times.sort((a, b) => a - b);
      console.log(`| ${name} | ${percentile(times, 50).toFixed(2)} | ${percentile(times, 95).toFixed(2)} |`);
    }
  } finally {
    await services.close();
    await database.close();
  }
}

const DETECTIONS_QUERY = `query($first: Int!, $after: String, $filter: DetectionFilter) {
  detections(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id detectedAt channelId userId patternId patternName severity action outcome maskedMatch } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const AUDIT_QUERY = `query($first: Int!, $after: String, $filter: AuditEventFilter) {
  auditEvents(first: $first, after: $after, filter: $filter) {
    edges { cursor node { id position type streamId occurredAt actor data } }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function main(): Promise<void> {
  if (process.argv[2] === 'serve') return serve(process.argv[3]!);

  let embedded: EmbeddedPostgresServer | null = null;
  let embeddedDir: string | null = null;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    embeddedDir = await mkdtemp(join(tmpdir(), 'leakshield-bench-api-'));
    embedded = await startEmbeddedPostgres({ dataDir: embeddedDir, durable: false });
    serverUrl = embedded.url;
  }
  const name = `leakshield_bench_api_${Date.now()}`;
  await onDatabase(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = withDatabase(serverUrl, name);
  let api: { child: ChildProcess; port: number; key: string } | null = null;
  try {
    console.log(
      `Loading ${EVENTS.toLocaleString('en')} audit events (${DETECTIONS.toLocaleString('en')} detections)…`,
    );
    const loaded = await load(url);
    console.log(
      `  ${loaded.events.toLocaleString('en')} events, ${loaded.detections.toLocaleString('en')} detections in ` +
        `${loaded.seconds.toFixed(0)} s (${Math.round(loaded.events / loaded.seconds).toLocaleString('en')} events/s: schemas, hash chain and projections as in a live append)`,
    );
    const chain = await (async () => {
      const database = await openDatabase({ url, migrate: false, poolMax: 2 });
      try {
        return await verifyChain(database.orm);
      } finally {
        await database.close();
      }
    })();
    console.log(
      `  hash chain: ${chain.ok ? 'valid' : `BROKEN at ${chain.firstBrokenPosition}`} (${chain.checkedEvents} events)`,
    );

    api = await startServer(url);
    const { port, key } = api;

    const channelFilter = { channelId: BENCH_CHANNEL };
    let deepDetections: string | null = null;
    for (let page = 0; page < 10; page += 1) {
      const data = await post(port, key, {
        name: 'walk',
        query: DETECTIONS_QUERY,
        variables: { first: 100, after: deepDetections, filter: channelFilter },
      });
      deepDetections = (data.detections as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    }
    const deepPosition = await onDatabase(url, async (client) => {
      const { rows } = await client.query<{ position: string }>(
        "SELECT position::text FROM events WHERE type = 'LeakDetected' ORDER BY position OFFSET 50000 LIMIT 1",
      );
      return Number(rows[0]?.position ?? 0);
    });
    const typeFilter = { types: ['LeakDetected'] };
    const scenarios: Scenario[] = [
      {
        name: `detections, channel ${BENCH_CHANNEL}, first page`,
        query: DETECTIONS_QUERY,
        variables: { first: PAGE, filter: channelFilter },
      },
      {
        name: `detections, channel ${BENCH_CHANNEL}, page after row 1,000`,
        query: DETECTIONS_QUERY,
        variables: { first: PAGE, after: deepDetections, filter: channelFilter },
      },
      {
        name: 'auditEvents, type LeakDetected, first page',
        query: AUDIT_QUERY,
        variables: { first: PAGE, filter: typeFilter },
      },
      {
        name: 'auditEvents, type LeakDetected, page after event 50,000',
        query: AUDIT_QUERY,
        variables: { first: PAGE, after: encodeCursor('audit', deepPosition), filter: typeFilter },
      },
    ];

    // The load leaves PostgreSQL writing (checkpoint, autovacuum) for a while: measure once the machine is quiet.
    await onDatabase(url, (client) => client.query('CHECKPOINT')).catch(() => undefined);
    const quiet = await waitForQuietMachine();
    console.log(
      `\n${CONNECTIONS} concurrent connections, ${SECONDS} s each after a 3 s warm-up (and 3 s of every query ` +
        `before the first), pages of ${PAGE}, ` +
        `${cpus().length} CPUs (${quiet.seconds} s waited for a quiet machine, then ${quiet.busyPercent}% busy; ` +
        `load average ${loadavg()[0]!.toFixed(1)} before the runs):\n`,
    );
    console.log(
      '| query | p50 ms | p95 ms | requests/s | CPU ms/request: API | load generator | PostgreSQL | failures |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
    const selected = scenarios.filter((s) => s.name.startsWith(ONLY));
    // A freshly started process is still compiling its hot paths (on the same 2 cores) during its first seconds:
    // every query is served for a while before any is measured, so the first measured one is not penalised.
    for (const scenario of selected) await warmUp(port, key, scenario);
    for (const scenario of selected) {
      const result = await measure(port, key, scenario, api.child);
      console.log(
        `| ${scenario.name} | ${result.p50.toFixed(1)} | ${result.p95.toFixed(1)} | ${Math.round(result.rps)} | ` +
          `${result.cpuMs.api.toFixed(2)} | ${result.cpuMs.load.toFixed(2)} | ${result.cpuMs.database.toFixed(2)} | ` +
          `${result.failures} |`,
      );
    }
    console.log(`\nload average after the runs: ${loadavg()[0]!.toFixed(1)}`);
    await measureServices(url, deepDetections!, deepPosition);
  } finally {
    if (api) {
      const exited = new Promise((resolve) => api!.child.once('exit', resolve));
      api.child.send('stop');
      await exited;
    }
    await onDatabase(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await embedded?.stop();
    if (embeddedDir) await rm(embeddedDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
