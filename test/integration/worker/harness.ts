import { randomUUID } from 'node:crypto';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { normaliseEvent } from '../../../api/slack/normalise-event';
import { loadSettings, type Settings } from '../../../schema/config/settings';
import { createLogger } from '../../../schema/observability/logger';
import { Metrics } from '../../../schema/observability/metrics';
import { seedBuiltinPatterns } from '../../../schema/patterns/pattern-service';
import { readModelProjections } from '../../../schema/projections';
import { EventStore } from '../../../schema/store/event-store';
import type { StoredEvent } from '../../../schema/store/types';
import type { EventType } from '../../../schema/events/registry';
import type { ScanTask } from '../../../schema/tasks/scan-task';
import { openDatabase, type Database } from '../../../schema/db/database';
import { connectScanQueue, type ScanQueue } from '../../../worker/queue/scan-queue';
import { enqueueScanTasks } from '../../../worker/queue/scan-task-producer';
import { createScanWorker, type ScanWorker, type ScanWorkerOptions } from '../../../worker/scan-worker';
import type { ConsumerOptions } from '../../../worker/queue/queue-consumer';
import { FakeSlack } from '../../fakes/fake-slack';
import { createTestDatabase, type TestDatabase } from '../../support/database';

export const BOT_TOKEN = 'xoxb-test-bot-token';
export const ADMIN_TOKEN = 'xoxp-test-admin-token';
export const SIGNING_SECRET = 'test-signing-secret-0123456789abcdef';
export const ADMIN_CHANNEL = 'CADMINS01';

/** Fast settings for tests: a one-second long poll, one-second backoff, and no pause between pattern checks. */
export const TEST_CONSUMER: Partial<ConsumerOptions> = {
  concurrency: 4,
  batchSize: 10,
  waitSeconds: 1,
  backoffBaseSeconds: 1,
};
export const TEST_WORKER_OPTIONS: ScanWorkerOptions = { patternRefreshMs: 0, effectLeaseMs: 1_500 };

/**
 * Everything a worker test needs, real where it can be: PostgreSQL (a database per file, migrated, built-in
 * detectors seeded), the embedded SQS emulator, and the fake Slack.
 */
export interface SlackHarness {
  db: TestDatabase;
  store: EventStore;
  slack: FakeSlack;
  queue: ScanQueue;
  settings: Settings;
  metrics: Metrics;
  /** Starts a worker on the harness's queue (stopped by close()). */
  startWorker(options?: {
    settings?: Partial<Record<string, string>>;
    worker?: ScanWorkerOptions;
  }): ScanWorker;
  /** Queues the tasks a Slack event calls for, as the ingress would, without HTTP. */
  enqueue(envelope: unknown): Promise<ScanTask[]>;
  events(types?: readonly EventType[]): Promise<StoredEvent[]>;
  /** Polls the log until `count` events match. */
  waitForEvents(match: (event: StoredEvent) => boolean, what: string, count?: number): Promise<StoredEvent[]>;
  /** Polls the log until `count` events of `type` match. */
  waitFor<T extends EventType>(
    type: T,
    match?: (event: StoredOf<T>) => boolean,
    count?: number,
  ): Promise<StoredOf<T>[]>;
  /** Polls until the scan queue holds no message, visible or in flight: every task has been finished. */
  waitForQueueEmpty(): Promise<void>;
  /**
   * A second worker with its own database pool and queue client, which `kill()` cuts off mid-task like a
   * process that died: nothing it had in flight is finished or cleaned up.
   */
  startKillableWorker(): Promise<{ worker: ScanWorker; kill(): Promise<void> }>;
}

export function settingsFor(slack: FakeSlack, extra: Partial<Record<string, string>> = {}): Settings {
  return loadSettings(
    {
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_WORKSPACE_ACCESS_TOKEN: ADMIN_TOKEN,
      SLACK_API_URL: slack.apiUrl,
      SLACK_ADMIN_CHANNEL: ADMIN_CHANNEL,
      LOG_LEVEL: 'silent',
      ...extra,
    },
    { dotenv: false },
  );
}

export const quietLogger = () => createLogger({ level: 'silent' });

export function useSlackHarness(): { readonly current: SlackHarness } {
  let harness: SlackHarness | null = null;
  const workers: ScanWorker[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    const db = await createTestDatabase();
    const slack = new FakeSlack({ botToken: BOT_TOKEN, adminToken: ADMIN_TOKEN });
    await slack.start();
    const store = new EventStore(db.orm, { projections: readModelProjections });
    await seedBuiltinPatterns(store);
    const queue = await connectScanQueue({
      endpoint: undefined,
      region: 'us-east-1',
      queueName: `scan-${randomUUID().slice(0, 8)}`,
      embedded: true,
      createQueues: true,
      maxReceiveCount: 4,
      visibilityTimeoutSeconds: 2,
    });
    const settings = settingsFor(slack);
    const metrics = new Metrics({ defaultMetrics: false });
    const logger = quietLogger();
    const start = (
      options: { settings?: Partial<Record<string, string>>; worker?: ScanWorkerOptions } = {},
    ) => {
      const worker = createScanWorker({
        settings: options.settings ? settingsFor(slack, options.settings) : settings,
        queue,
        orm: db.orm,
        store,
        logger,
        metrics,
        consumerOptions: TEST_CONSUMER,
        options: { ...TEST_WORKER_OPTIONS, ...options.worker },
      });
      worker.start();
      workers.push(worker);
      return worker;
    };
    harness = {
      db,
      store,
      slack,
      queue,
      settings,
      metrics,
      startWorker: start,
      enqueue: async (envelope) => {
        const normalised = normaliseEvent(
          envelope,
          { botId: slack.botId, botUserId: slack.botUserId },
          Date.now(),
        );
        if ('ignored' in normalised) return [];
        await enqueueScanTasks(queue, normalised.tasks);
        return normalised.tasks;
      },
      events: (types) => store.readAll({ limit: 100_000, ...(types ? { types } : {}) }),
      waitForEvents: async (match, what, count = 1) => {
        const deadline = Date.now() + 20_000;
        for (;;) {
          const found = (await store.readAll({ limit: 100_000 })).filter(match);
          if (found.length >= count) return found;
          if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (saw ${found.length})`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      waitForQueueEmpty: async () => {
        const deadline = Date.now() + 30_000;
        for (;;) {
          const { Attributes: a = {} } = await queue.client.send(
            new GetQueueAttributesCommand({
              QueueUrl: queue.queueUrl,
              AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
            }),
          );
          if (
            Number(a.ApproximateNumberOfMessages ?? 0) +
              Number(a.ApproximateNumberOfMessagesNotVisible ?? 0) ===
            0
          ) {
            return;
          }
          if (Date.now() > deadline) throw new Error('timed out waiting for the scan queue to empty');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      },
      waitFor: async <T extends EventType>(
        type: T,
        match: (event: StoredOf<T>) => boolean = () => true,
        count = 1,
      ) =>
        (await harness!.waitForEvents(
          (e) => e.type === type && match(e as StoredOf<T>),
          type,
          count,
        )) as StoredOf<T>[],
      startKillableWorker: async () => {
        const own: Database = await openDatabase({ url: db.url, migrate: false, poolMax: 3 });
        const client = new SQSClient({
          region: 'us-east-1',
          endpoint: queue.endpoint,
          credentials: { accessKeyId: 'embedded', secretAccessKey: 'embedded' },
        });
        const ownQueue: ScanQueue = { ...queue, client, close: async () => client.destroy() };
        const ownStore = new EventStore(own.orm, { projections: readModelProjections });
        const worker = createScanWorker({
          settings,
          queue: ownQueue,
          orm: own.orm,
          store: ownStore,
          logger,
          metrics: new Metrics({ defaultMetrics: false }),
          consumerOptions: TEST_CONSUMER,
          options: TEST_WORKER_OPTIONS,
        });
        worker.start();
        let killed = false;
        const kill = async (): Promise<void> => {
          if (killed) return;
          killed = true;
          // Like SIGKILL: no more SQS calls (heartbeats included), no database, and the task in flight is abandoned.
          client.send = (() => Promise.reject(new Error('killed'))) as typeof client.send;
          void worker.stop();
          await own.close().catch(() => undefined);
        };
        cleanups.push(kill);
        return { worker, kill };
      },
    };
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop()));
    for (const cleanup of cleanups) await cleanup();
    await harness?.queue.close();
    await harness?.slack.stop();
    await harness?.db.close();
  }, 60_000);

  return {
    get current(): SlackHarness {
      if (!harness) throw new Error('the Slack harness is not ready: use it inside a test or a hook');
      return harness;
    },
  };
}

/** Unique ids per test, so tests sharing a harness never see each other's messages. */
let counter = 0;
export function uniqueChannel(): string {
  counter += 1;
  return `C${String(counter).padStart(4, '0')}${randomUUID().replace(/-/g, '').slice(0, 6).toUpperCase()}`;
}

export type StoredOf<T extends EventType> = Extract<StoredEvent, { type: T }>;

export function eventsOf<T extends EventType>(events: readonly StoredEvent[], type: T): StoredOf<T>[] {
  return events.filter((event): event is StoredOf<T> => event.type === type);
}
