import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { startEmbeddedPostgres } from '../../../schema/db/embedded-postgres';

/**
 * The embedded PostgreSQL that `npm start` runs when no DATABASE_URL is set, as a crash leaves it: its owner killed
 * with SIGKILL, the server still running on the data folder. The next start must take over, not fail.
 */
const ROOT = join(__dirname, '../../..');
const MODULE = join(ROOT, 'dist/schema/db/embedded-postgres.js');

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'leakshield-embedded-pg-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

/** Starts the server from another process, as `leakshield start` would, and resolves with its port. */
function startInChild(): Promise<{ kill: () => Promise<void>; port: number }> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      `require(${JSON.stringify(MODULE)}).startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, durable: false })
         .then((s) => { console.log('port=' + s.port); setInterval(() => undefined, 1000); })
         .catch((e) => { console.error(e); process.exit(1); });`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // Resolves once the child is reaped: until then its pid still answers, as a live owner's would.
  const kill = async (): Promise<void> => {
    child.kill('SIGKILL');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const onData = (data: Buffer): void => {
      output += data.toString('utf8');
      const port = /port=(\d+)/.exec(output);
      if (port) resolve({ kill, port: Number(port[1]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`the child exited (${code}) before the server started:\n${output}`)),
    );
  });
}

async function postmasterPid(): Promise<number> {
  const text = await readFile(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8');
  return Number(text.split('\n')[0]);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(what: string, check: () => boolean, ms = 15_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('an embedded PostgreSQL left running by a process killed with SIGKILL', () => {
  it('is shut down and replaced by the next start, which then serves queries', async () => {
    const first = await startInChild();
    const orphan = await postmasterPid();
    await first.kill();
    // The server outlives its owner: this is what used to block the next start.
    expect(isRunning(orphan)).toBe(true);

    const server = await startEmbeddedPostgres({ dataDir, durable: false });
    try {
      expect(server.reused).toBe(false);
      await waitUntil('the orphaned server is gone', () => !isRunning(orphan));
      expect(await postmasterPid()).not.toBe(orphan);
      const client = new Client({ connectionString: server.url });
      await client.connect();
      try {
        expect((await client.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
      } finally {
        await client.end();
      }
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('is joined, not restarted, while the process that started it is alive', async () => {
    const owner = await startInChild();
    try {
      const joined = await startEmbeddedPostgres({ dataDir, durable: false });
      expect(joined).toMatchObject({ reused: true, port: owner.port });
      await joined.stop(); // leaves the owner's server running
      const client = new Client({ connectionString: joined.url });
      await client.connect();
      await client.end();
    } finally {
      await owner.kill();
      const orphan = await postmasterPid();
      const cleanup = await startEmbeddedPostgres({ dataDir, durable: false });
      await cleanup.stop();
      await waitUntil('every server is stopped', () => !isRunning(orphan));
    }
  }, 120_000);
});
