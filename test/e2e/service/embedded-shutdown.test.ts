import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ServiceProcess } from '../../support/running-service';

jest.setTimeout(180_000);

/**
 * `npm start` as a new user runs it: no settings at all, so the embedded PostgreSQL and the embedded SQS emulator.
 * Stopped with SIGTERM (Docker, systemd, Ctrl-C's cousin), it must finish its work, close the API, stop the embedded
 * database last and exit 0, rather than be cut short by a library's own signal handler.
 */
describe('leakshield start on the embedded defaults, stopped with SIGTERM', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'leakshield-embedded-start-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('shuts down in order, stops its embedded PostgreSQL and exits 0', async () => {
    const service = new ServiceProcess(
      'start',
      spawn(process.execPath, [BIN, 'start'], {
        cwd: dataDir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '/root',
          NODE_ENV: 'production',
          PORT: '0',
          LOG_LEVEL: 'info',
          LEAKSHIELD_DATA_DIR: dataDir,
        },
        stdio: 'pipe',
      }),
    );
    const port = await service.ready(150_000);
    expect((await fetch(`http://127.0.0.1:${port}/readyz`)).status).toBe(200);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(true);

    expect(await service.stop(60_000)).toBe(0);
    const output = service.output.join('');
    expect(output).toMatch(/shutting down: finishing work in flight/);
    expect(output).toMatch(/"msg":"stopped"/);
    // The API's connections were not cut by a database stopping under them.
    expect(output).not.toMatch(/connection was lost|terminating connection|stopping a part failed/);
    // PostgreSQL removes its pid file when it shuts down cleanly.
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });
});
