import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startEmbeddedSqs, type EmbeddedSqs } from '../../worker/queue/embedded-sqs';
import { FakeSlack } from '../fakes/fake-slack';
import { signSlackRequest } from '../fakes/slack-events';
import { createTestDatabase, type TestDatabase } from './database';

const ROOT = resolve(__dirname, '../..');
/** The built command-line entry point, as a user runs it. */
export const BIN = join(ROOT, 'bin/leakshield');

export const TEST_SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const TEST_BOT_TOKEN = 'xoxb-1000000000-2000000000-testbottokenvalue';
export const TEST_ADMIN_USER_TOKEN = 'xoxp-1000000000-3000000000-4000000000-testadmintokenvalue';
export const TEST_ADMIN_KEY = 'lsk_test_admin_key_0123456789abcdefghijkl';

/** One process of the built service (`node bin/leakshield <command>`), with its output kept for diagnosis. */
export class ServiceProcess {
  readonly output: string[] = [];
  private exited: Promise<number | null>;

  constructor(
    readonly command: string,
    readonly child: ChildProcess,
  ) {
    child.stdout?.on('data', (d: Buffer) => this.output.push(d.toString('utf8')));
    child.stderr?.on('data', (d: Buffer) => this.output.push(d.toString('utf8')));
    this.exited = new Promise((done) => child.once('exit', (code) => done(code)));
  }

  /** Resolves with the HTTP port (a worker's: health and metrics) once the service printed its URLs. */
  async ready(timeoutMs = 90_000): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const text = this.output.join('');
      const port = /GraphQL\s+http:\/\/localhost:(\d+)\//.exec(text);
      if (port) return Number(port[1]);
      const worker = /LeakShield worker is running\.\s+health\s+http:\/\/localhost:(\d+)\//.exec(text);
      if (worker) return Number(worker[1]);
      if (this.child.exitCode !== null) throw new Error(`leakshield ${this.command} exited early:\n${text}`);
      if (Date.now() > deadline)
        throw new Error(`leakshield ${this.command} did not start in time:\n${text}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGTERM, then waits for a graceful exit; SIGKILL after the grace period. */
  async stop(graceMs = 20_000): Promise<number | null> {
    if (this.child.exitCode !== null) return this.child.exitCode;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  /** Kills the process at once, as a crash or an OOM kill would. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exited;
  }
}

export interface RunningServiceOptions {
  /** Run API and worker apart (`serve` + `worker`) so a test can kill and restart the worker. */
  split?: boolean;
  env?: Record<string, string>;
}

/**
 * The whole product as a user runs it: the built `leakshield` binary on a fresh database, a standalone SQS
 * emulator and a fake Slack, with signed-event and GraphQL helpers.
 * @example const service = await startRunningService(); await service.sendEvent(messageEvent({ text })); …
 */
export class RunningService {
  private processes: ServiceProcess[] = [];
  port = 0;

  private constructor(
    readonly slack: FakeSlack,
    readonly database: TestDatabase,
    readonly sqs: EmbeddedSqs,
    readonly dataDir: string,
    readonly queueName: string,
    private readonly options: RunningServiceOptions,
  ) {}

  static async start(options: RunningServiceOptions = {}): Promise<RunningService> {
    const slack = new FakeSlack({ botToken: TEST_BOT_TOKEN, adminToken: TEST_ADMIN_USER_TOKEN });
    await slack.start();
    const database = await createTestDatabase({ migrate: true });
    const sqs = await startEmbeddedSqs();
    const dataDir = await mkdtemp(join(tmpdir(), 'leakshield-e2e-'));
    const queueName = `scan-${Math.random().toString(36).slice(2, 10)}`;
    const service = new RunningService(slack, database, sqs, dataDir, queueName, options);
    try {
      if (options.split) {
        service.port = (await service.launch('serve').ready()) ?? 0;
        await service.launch('worker').ready();
      } else {
        service.port = (await service.launch('start').ready()) ?? 0;
      }
    } catch (error) {
      await service.stop();
      throw error;
    }
    return service;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get env(): Record<string, string> {
    return {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/root',
      // As deployed: libraries change behaviour under NODE_ENV=test (Apollo skips its signal handlers, for one).
      NODE_ENV: 'production',
      PORT: '0',
      LOG_LEVEL: 'warn',
      DATABASE_URL: this.database.url,
      LEAKSHIELD_DATA_DIR: this.dataDir,
      SQS_ENDPOINT: this.sqs.endpoint,
      AWS_SQS_QUEUE_NAME: this.queueName,
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'test',
      AWS_SECRET_ACCESS_KEY: 'test',
      SQS_VISIBILITY_TIMEOUT: '5',
      SLACK_API_URL: this.slack.apiUrl,
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_WORKSPACE_ACCESS_TOKEN: TEST_ADMIN_USER_TOKEN,
      SLACK_ADMIN_CHANNEL: 'C0SECURITY',
      LEAKSHIELD_ADMIN_TOKEN: TEST_ADMIN_KEY,
      LEAKSHIELD_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
      ...this.options.env,
    };
  }

  /** Starts one more process of the service (e.g. a replacement worker). */
  launch(command: 'start' | 'serve' | 'worker'): ServiceProcess {
    const child = spawn(process.execPath, [BIN, command], {
      cwd: this.dataDir,
      env: this.env,
      stdio: 'pipe',
    });
    const proc = new ServiceProcess(command, child);
    this.processes.push(proc);
    return proc;
  }

  process(command: string): ServiceProcess | undefined {
    return [...this.processes].reverse().find((p) => p.command === command && p.child.exitCode === null);
  }

  /** Posts a Slack event envelope, signed as Slack signs it (or with the headers given). */
  async sendEvent(
    envelope: unknown,
    options: { headers?: Record<string, string>; timestamp?: number; secret?: string } = {},
  ): Promise<Response> {
    const body = JSON.stringify(envelope);
    const headers = {
      ...signSlackRequest(options.secret ?? TEST_SIGNING_SECRET, body, options.timestamp),
      ...options.headers,
    };
    return fetch(`${this.baseUrl}/slack/events`, { method: 'POST', headers, body });
  }

  /** A GraphQL request with the admin key (or another). */
  async graphql<T = unknown>(
    query: string,
    variables: Record<string, unknown> = {},
    key: string = TEST_ADMIN_KEY,
  ): Promise<{
    status: number;
    data?: T;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }> {
    const response = await fetch(`${this.baseUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    return { status: response.status, ...body };
  }

  /** Everything the processes printed, for a failing test's message. */
  get logs(): string {
    return this.processes.map((p) => `--- ${p.command}\n${p.output.join('')}`).join('\n');
  }

  async stop(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop()));
    await this.sqs.stop();
    await this.slack.stop();
    await this.database.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }
}
