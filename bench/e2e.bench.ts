/**
 * `npm run bench:e2e`: the whole flow of one message, many times. Signed Slack events go through the real HTTP
 * ingress (Bolt on the API's Express app), the embedded SQS emulator, the scan worker and PostgreSQL (DATABASE_URL,
 * else an embedded server in a temp folder, fsync on) to a fake Slack Web API on localhost.
 *
 * Two phases of BENCH_EVENTS events each (default 1,000; 10% carry a card number, which the built-in detectors
 * BLOCK): first at a steady BENCH_RATE events/s (default 100), then as fast as the ingress takes them. Prints ack
 * latency (HTTP request to Slack's 200), event-to-delete latency (request to the fake's chat.delete), the sustained
 * rate (events fully processed per second in the burst), lost and duplicated counts, and the service's CPU time
 * per event (steadier than wall-clock rates when other work shares the machine, as the load average shows).
 * BENCH_IN_FLIGHT (default 64) sets the burst's concurrent requests; BENCH_SERVICE_NODE_ARGS passes node flags to
 * the service (e.g. --cpu-prof).
 *
 * The service runs as it is deployed, `leakshield start` in its own process; this process plays Slack: it signs and
 * sends the events, and serves the fake Web API (test/fakes/fake-slack.ts, which tsc compiles into dist/ with this
 * file because it is imported here).
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../schema/db/database';
import { withDatabase } from '../schema/db/database-url';
import { withConnection } from '../schema/db/pg-connection';
import { startEmbeddedPostgres, type EmbeddedPostgresServer } from '../schema/db/embedded-postgres';
import { FakeSlack } from '../test/fakes/fake-slack';
import { messageEvent, signSlackRequest } from '../test/fakes/slack-events';
import { seededRandom } from './chat-corpus';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000);
const RATE = Number(process.env.BENCH_RATE ?? 100);
const SECRET_SHARE = 0.1;
const BURST_IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 64);
const SIGNING_SECRET = 'bench-signing-secret-0123456789';
const BOT_TOKEN = 'xoxb-bench-bot';
const ADMIN_TOKEN = 'xoxp-bench-admin';
const CHANNELS = 20;

const WORDS = (
  'deploy build release ticket review merge branch fix prod staging customer meeting today tomorrow please ' +
  'thanks lgtm ship rollback incident dashboard latency alert on-call sprint roadmap design doc api endpoint ' +
  'database query cache queue worker timeout retry config flag feature test pipeline service logs order refund'
).split(' ');

interface Sent {
  eventId: string;
  channel: string;
  ts: string;
  secret: boolean;
  sentAt: number;
  ackMs: number;
  status: number;
}

function luhnVisa(random: () => number): string {
  let digits = '4';
  while (digits.length < 15) digits += String(Math.floor(random() * 10));
  for (let check = 0; check < 10; check += 1) {
    const candidate = digits + String(check);
    let sum = 0;
    for (let i = 0; i < candidate.length; i += 1) {
      let d = Number(candidate[candidate.length - 1 - i]);
      if (i % 2 === 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
      sum += d;
    }
    if (sum % 10 === 0) return candidate.replace(/(\d{4})(?=\d)/g, '$1 ');
  }
  return `${digits}0`;
}

function text(random: () => number, secret: boolean): string {
  const words = Array.from(
    { length: 8 + Math.floor(random() * 16) },
    () => WORDS[Math.floor(random() * WORDS.length)],
  );
  return secret
    ? `${words.slice(0, 4).join(' ')} can you charge card ${luhnVisa(random)} for it`
    : words.join(' ');
}

function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const fmt = (ms: number): string => (Number.isNaN(ms) ? '—' : `${ms.toFixed(1)} ms`);

async function main(): Promise<void> {
  // Undone in reverse order whatever happens, so a failed run leaves no server, database or folder behind.
  const cleanup: (() => Promise<unknown>)[] = [];
  try {
    await run(cleanup);
  } finally {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  }
}

async function run(cleanup: (() => Promise<unknown>)[]): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'leakshield-bench-e2e-'));
  cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    // A folder of its own: the embedded server hands it to its own system user.
    const pgDir = await mkdtemp(join(tmpdir(), 'leakshield-bench-e2e-pg-'));
    cleanup.push(() => rm(pgDir, { recursive: true, force: true }));
    const pg: EmbeddedPostgresServer = await startEmbeddedPostgres({ dataDir: pgDir });
    cleanup.push(() => pg.stop());
    serverUrl = pg.url;
  }
  const dbName = `leakshield_bench_e2e_${randomUUID().slice(0, 8)}`;
  const admin = new Client({ connectionString: serverUrl });
  admin.on('error', () => undefined);
  await admin.connect();
  cleanup.push(() => admin.end());
  await admin.query(`CREATE DATABASE "${dbName}"`);
  cleanup.push(() => admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
  const databaseUrl = withDatabase(serverUrl, dbName);
  const slack = new FakeSlack({ botToken: BOT_TOKEN, adminToken: ADMIN_TOKEN });
  await slack.start();
  cleanup.push(() => slack.stop());
  const service = await startService(dataDir, {
    DATABASE_URL: databaseUrl,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_WORKSPACE_ACCESS_TOKEN: ADMIN_TOKEN,
    SLACK_API_URL: slack.apiUrl,
  });
  cleanup.push(() => service.stop());
  const db = await openDatabase({ url: databaseUrl, migrate: false, poolMax: 2 });
  cleanup.push(() => db.close());
  const url = `http://127.0.0.1:${service.port}/slack/events`;

  const random = seededRandom(20251201);
  const post = async (phase: string, index: number): Promise<Sent> => {
    const secret = random() < SECRET_SHARE;
    const channel = `C${phase}${String(index % CHANNELS).padStart(3, '0')}`;
    const ts = `${1_700_000_000 + index}.${String(index).padStart(6, '0')}`;
    const envelope = messageEvent({ channel, ts, text: text(random, secret) });
    const body = JSON.stringify(envelope);
    const sentAt = Date.now();
    const started = performance.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: signSlackRequest(SIGNING_SECRET, body),
      body,
    });
    await response.arrayBuffer();
    return {
      eventId: envelope.event_id,
      channel,
      ts,
      secret,
      sentAt,
      ackMs: performance.now() - started,
      status: response.status,
    };
  };

  {
    // Warm-up: connections, JIT, the pattern set and the monitoring cache (not measured).
    const warm = await Promise.all(Array.from({ length: 50 }, (_, i) => post('WARM', i)));
    await settle(db.orm, slack, warm);

    console.log(
      `LeakShield end-to-end benchmark: \`leakshield start\` (ingress, embedded SQS, worker) on PostgreSQL, fake Slack`,
    );
    console.log(
      `${EVENTS} events per phase, ${SECRET_SHARE * 100}% with a card number; ${cpus().length} CPUs, load average ${loadavg()
        .map((n) => n.toFixed(2))
        .join(' ')}\n`,
    );

    // Phase 1: a steady rate, each request sent on its own schedule whatever the others do.
    let cpuBefore = await service.cpuSeconds();
    const steadyStart = Date.now();
    const steady = await Promise.all(
      Array.from({ length: EVENTS }, async (_, i) => {
        const due = steadyStart + (i * 1_000) / RATE;
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - Date.now())));
        return post('S', i);
      }),
    );
    const steadyDone = await settle(db.orm, slack, steady);
    report(`steady ${RATE} events/s`, steady, steadyDone, slack, true);
    let cpuAfter = await service.cpuSeconds();
    console.log(
      `  service CPU            ${(((cpuAfter - cpuBefore) * 1_000) / EVENTS).toFixed(2)} ms per event`,
    );
    cpuBefore = cpuAfter;

    // Phase 2: as fast as the ingress takes them, BURST_IN_FLIGHT requests at a time.
    const burst: Sent[] = [];
    const burstStart = Date.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: BURST_IN_FLIGHT }, async () => {
        while (next < EVENTS) {
          const index = next;
          next += 1;
          burst.push(await post('B', index));
        }
      }),
    );
    const sendSeconds = (Date.now() - burstStart) / 1_000;
    const burstDone = await settle(db.orm, slack, burst);
    const processedSeconds = (burstDone.lastProcessedAt - burstStart) / 1_000;
    report('as fast as possible', burst, burstDone, slack, false);
    cpuAfter = await service.cpuSeconds();
    console.log(
      `  service CPU            ${(((cpuAfter - cpuBefore) * 1_000) / EVENTS).toFixed(2)} ms per event`,
    );
    console.log(`  ingress accepted       ${(EVENTS / sendSeconds).toFixed(0)} events/s`);
    console.log(
      `  sustained (processed)  ${(EVENTS / processedSeconds).toFixed(0)} events/s  (target ≥ 300)  ${
        EVENTS / processedSeconds >= 300 ? 'ok' : 'MISSED'
      }`,
    );
  }
}

/**
 * The service as it is deployed: `leakshield start` in a process of its own (API with the Slack ingress, embedded
 * SQS emulator, scan worker), configured through the environment only, in an empty working directory so no
 * `.env` is read. Resolves with the port it printed.
 */
async function startService(
  dataDir: string,
  env: Record<string, string>,
): Promise<{ port: number; cpuSeconds(): Promise<number>; stop(): Promise<void> }> {
  const workDir = join(dataDir, 'service');
  await mkdir(workDir, { recursive: true });
  const bin = resolve(__dirname, '../../bin/leakshield');
  // e.g. BENCH_SERVICE_NODE_ARGS=--cpu-prof to profile the service under this load.
  const nodeArgs = (process.env.BENCH_SERVICE_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
  const child = spawn(process.execPath, [...nodeArgs, bin, 'start'], {
    cwd: workDir,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? workDir,
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'error',
      LEAKSHIELD_DATA_DIR: join(dataDir, 'data'),
      LEAKSHIELD_ADMIN_TOKEN: 'bench-admin-token-0123456789abcdef',
      // e.g. --cpu-prof to profile the service under this load
      ...(process.env.BENCH_SERVICE_NODE_OPTIONS
        ? { NODE_OPTIONS: process.env.BENCH_SERVICE_NODE_OPTIONS }
        : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(chunk));
  const port = await new Promise<number>((resolvePort, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /localhost:(\d+)\/slack\/events/.exec(output);
      if (found) resolvePort(Number(found[1]));
    });
    child.once('exit', (code) =>
      reject(new Error(`leakshield start exited with ${code} before it was ready`)),
    );
  });
  return {
    port,
    cpuSeconds: () => processCpuSeconds(child.pid),
    stop: () =>
      new Promise<void>((resolveStop) => {
        if (child.exitCode !== null) return resolveStop();
        child.once('exit', () => resolveStop());
        child.kill('SIGTERM');
      }),
  };
}

/**
 * CPU time a process has used (user + system), from /proc: what the service spends per event whatever else the
 * machine is doing, where wall-clock rates depend on the other processes sharing its cores. NaN off Linux.
 */
async function processCpuSeconds(pid: number | undefined): Promise<number> {
  if (pid === undefined) return NaN;
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of the whole line, 12 and 13 after the command name; ticks of 1/100 s.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

interface Settled {
  scannedPerEvent: Map<string, number>;
  lastProcessedAt: number;
  timedOut: boolean;
}

/** Waits until every acked event is scanned and every secret one blocked (or a minute passes with no progress). */
async function settle(
  orm: Awaited<ReturnType<typeof openDatabase>>['orm'],
  slack: FakeSlack,
  sent: readonly Sent[],
): Promise<Settled> {
  const acked = sent.filter((s) => s.status === 200);
  const ids = acked.map((s) => s.eventId);
  const secrets = new Set(acked.filter((s) => s.secret).map((s) => `${s.channel}:${s.ts}`));
  let lastCount = -1;
  let lastProgress = Date.now();
  for (;;) {
    const { rows } = await withConnection(orm, (connection) =>
      connection.query<{ id: string; n: string; last: Date }>(
        `SELECT data->>'slackEventId' AS id, count(*) AS n, max(recorded_at) AS last FROM events
         WHERE type = 'MessageScanned' AND data->>'slackEventId' = ANY($1::text[]) GROUP BY 1`,
        [ids],
      ),
    );
    const { rows: blocked } = await withConnection(orm, (connection) =>
      connection.query<{ n: string }>(
        `SELECT count(*) AS n FROM events
         WHERE type IN ('MessageBlocked', 'ActionFailed') AND data->>'slackEventId' = ANY($1::text[])`,
        [ids],
      ),
    );
    const done = rows.length + Number(blocked[0]?.n ?? 0);
    if (rows.length === ids.length && Number(blocked[0]?.n ?? 0) >= secrets.size) {
      const deletes = slack
        .callsOf('chat.delete')
        .filter((c) => secrets.has(`${String(c.params.channel)}:${String(c.params.ts)}`));
      const lastScan = Math.max(...rows.map((r) => new Date(r.last).getTime()));
      const lastDelete = Math.max(0, ...deletes.map((c) => c.at));
      return {
        scannedPerEvent: new Map(rows.map((r) => [r.id, Number(r.n)])),
        lastProcessedAt: Math.max(lastScan, lastDelete),
        timedOut: false,
      };
    }
    if (done !== lastCount) {
      lastCount = done;
      lastProgress = Date.now();
    } else if (Date.now() - lastProgress > 60_000) {
      return {
        scannedPerEvent: new Map(rows.map((r) => [r.id, Number(r.n)])),
        lastProcessedAt: Date.now(),
        timedOut: true,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** `targets`: the latency targets are set for the steady rate; the burst's latencies are shown for information. */
function report(
  name: string,
  sent: readonly Sent[],
  settled: Settled,
  slack: FakeSlack,
  targets: boolean,
): void {
  const acks = sent.map((s) => s.ackMs);
  const failedAcks = sent.filter((s) => s.status !== 200).length;
  const secrets = sent.filter((s) => s.secret && s.status === 200);
  const deleteCalls = slack.callsOf('chat.delete');
  const firstDeleteAt = new Map<string, number>();
  const deletesPerTs = new Map<string, number>();
  for (const call of deleteCalls) {
    const key = `${String(call.params.channel)}:${String(call.params.ts)}`;
    deletesPerTs.set(key, (deletesPerTs.get(key) ?? 0) + 1);
    if (!firstDeleteAt.has(key)) firstDeleteAt.set(key, call.at);
  }
  const toDelete = secrets.flatMap((s) => {
    const at = firstDeleteAt.get(`${s.channel}:${s.ts}`);
    return at === undefined ? [] : [at - s.sentAt];
  });
  const lost =
    sent.filter((s) => s.status === 200 && !settled.scannedPerEvent.has(s.eventId)).length +
    secrets.filter((s) => !firstDeleteAt.has(`${s.channel}:${s.ts}`)).length;
  const noticesPerEffect = new Map<string, number>();
  for (const message of slack.posted) {
    const effect = (message.metadata as { event_payload?: { effect_id?: string } } | undefined)?.event_payload
      ?.effect_id;
    if (effect) noticesPerEffect.set(effect, (noticesPerEffect.get(effect) ?? 0) + 1);
  }
  const extra = (counts: Iterable<number>): number =>
    [...counts].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
  const duplicates = {
    scans: extra(settled.scannedPerEvent.values()),
    deletes: extra(secrets.map((s) => deletesPerTs.get(`${s.channel}:${s.ts}`) ?? 0)),
    notices: extra(noticesPerEffect.values()),
  };
  const duplicated = duplicates.scans + duplicates.deletes + duplicates.notices;
  const ackP99 = percentile(acks, 99);
  const deleteP99 = percentile(toDelete, 99);
  console.log(
    `${name}: ${sent.length} events, ${secrets.length} with a secret${settled.timedOut ? ' (TIMED OUT)' : ''}`,
  );
  const verdict = (ok: boolean, target: string): string =>
    targets ? `  (target ${target})  ${ok ? 'ok' : 'MISSED'}` : '';
  console.log(
    `  ack latency            p50 ${fmt(percentile(acks, 50))}  p99 ${fmt(ackP99)}${verdict(ackP99 < 50, 'p99 < 50 ms')}`,
  );
  console.log(
    `  event-to-delete        p50 ${fmt(percentile(toDelete, 50))}  p99 ${fmt(deleteP99)}${verdict(deleteP99 < 1_000, 'p99 < 1 s')}`,
  );
  console.log(`  non-200 acks           ${failedAcks}`);
  console.log(`  lost                   ${lost}`);
  console.log(
    `  duplicated             ${duplicated}${
      duplicated > 0
        ? `  (scans ${duplicates.scans}, deletes ${duplicates.deletes}, notices ${duplicates.notices})`
        : ''
    }`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message.slice(0, 500)}` : error);
  process.exitCode = 1;
});
