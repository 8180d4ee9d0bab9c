import type { MikroORM } from '@mikro-orm/postgresql';
import type { Settings } from '../schema/config/settings';
import { keyringFromEnv } from '../schema/crypto/content-encryption';
import type { Logger } from '../schema/observability/logger';
import type { Metrics } from '../schema/observability/metrics';
import type { EventStore } from '../schema/store/event-store';
import { decodeScanTask, ScanTaskError, type ScanTask } from '../schema/tasks/scan-task';
import { ActivePatternSet } from './patterns/active-pattern-set';
import {
  DEFAULT_FILE_LIMITS,
  RetryLaterError,
  type FileLimits,
  type PipelineContext,
} from './pipeline/context';
import { processTask, recordScanFailed } from './pipeline/process-task';
import { EffectBusyError, EffectJournal } from './reactors/effect-journal';
import type { ReactorContext } from './reactors/reactor-context';
import {
  DEFAULT_CONSUMER_OPTIONS,
  QueueConsumer,
  type ConsumerOptions,
  type Delivery,
} from './queue/queue-consumer';
import type { ScanQueue } from './queue/scan-queue';
import { adminTokenSource } from './slack/admin-token';
import { SlackApi } from './slack/slack-api';

/** Knobs with production defaults; tests and the benchmark turn some of them. */
export interface ScanWorkerOptions {
  /** How often the pattern set's version is checked (ms). */
  patternRefreshMs?: number;
  fileLimits?: Partial<FileLimits>;
  /** 429s one Slack call sits out before it is reported as `ratelimited`. */
  maxRateLimitRetries?: number;
  /** How long a claimed Slack effect is protected from takeover (default: the queue's visibility timeout). */
  effectLeaseMs?: number;
}

export interface ScanWorkerDeps {
  settings: Settings;
  queue: ScanQueue;
  orm: MikroORM;
  store: EventStore;
  logger: Logger;
  metrics: Metrics;
  consumerOptions?: Partial<ConsumerOptions>;
  options?: ScanWorkerOptions;
}

/**
 * The scan worker.
 * @example const worker = createScanWorker({ settings, queue, orm, store, logger, metrics }); worker.start();
 *          process.on('SIGTERM', () => void worker.stop());
 */
export interface ScanWorker {
  start(): void;
  /** Stops receiving, finishes the tasks in flight; anything not started is redelivered by SQS. */
  stop(): Promise<void>;
}

const STAGES = new Set(['load-patterns', 'download', 'extract', 'scan', 'record'] as const);
type ScanStage = 'load-patterns' | 'download' | 'extract' | 'scan' | 'record';

/**
 * Wires the pipeline to the queue: each delivery is decoded (a body that is not a v1 scan task is logged and
 * dropped: no retry would fix it), processed, and retried with backoff when it throws; a task that fails its last
 * attempt is recorded as ScanFailed and dead-lettered.
 */
export function createScanWorker(deps: ScanWorkerDeps): ScanWorker {
  const { settings, queue, orm, store, metrics } = deps;
  const options = deps.options ?? {};
  const logger = deps.logger.child({ component: 'scan-worker' });
  const slack = new SlackApi({
    ...(settings.SLACK_API_URL ? { slackApiUrl: settings.SLACK_API_URL } : {}),
    logger,
    metrics,
    ...(options.maxRateLimitRetries !== undefined
      ? { maxRateLimitRetries: options.maxRateLimitRetries }
      : {}),
  });
  const adminToken = adminTokenSource({ settings, orm, store, slack, logger });
  const reactors: ReactorContext = { slack, botToken: settings.SLACK_BOT_TOKEN, adminToken };
  const journal = new EffectJournal(
    orm,
    options.effectLeaseMs ?? queue.config.visibilityTimeoutSeconds * 1_000,
  );
  const rawContentKeyring = settings.LEAKSHIELD_STORE_RAW_CONTENT
    ? keyringFromEnv({
        LEAKSHIELD_ENCRYPTION_KEY: settings.LEAKSHIELD_ENCRYPTION_KEY,
        LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: process.env.LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS,
      })
    : null;
  const context: PipelineContext = {
    settings,
    store,
    patterns: new ActivePatternSet(orm, logger, { refreshMs: options.patternRefreshMs ?? 1_000 }),
    reactors,
    journal,
    rawContentKeyring,
    fileLimits: { ...DEFAULT_FILE_LIMITS, ...options.fileLimits },
    logger,
    metrics,
    now: () => performance.now(),
  };
  const maxAttempts = queue.config.maxReceiveCount;
  // The stage each failing delivery last failed at, for the ScanFailed written when it is dead-lettered.
  const lastFailure = new Map<string, { stage: ScanStage; code: string }>();

  const consumer = new QueueConsumer(
    queue,
    {
      handle: async (delivery: Delivery) => {
        const task = decode(delivery);
        if (!task) return;
        try {
          await processTask(task, { attempt: delivery.receiveCount, maxAttempts }, context);
          lastFailure.delete(delivery.messageId);
        } catch (error) {
          remember(lastFailure, delivery.messageId, failureOf(error));
          if (error instanceof RetryLaterError || error instanceof EffectBusyError) {
            logger.info(
              { slackEventId: task.eventId, attempt: delivery.receiveCount, reason: error.message },
              'task will be retried',
            );
          } else {
            logger.error(
              { error, slackEventId: task.eventId, attempt: delivery.receiveCount },
              'scan task failed',
            );
          }
          throw error;
        }
      },
      deadLetter: async (delivery: Delivery, reason: string) => {
        const task = decode(delivery);
        if (!task) return;
        const failure = lastFailure.get(delivery.messageId) ?? { stage: 'scan' as const, code: 'gave_up' };
        lastFailure.delete(delivery.messageId);
        await recordScanFailed(task, { attempt: delivery.receiveCount, maxAttempts }, context, {
          ...failure,
          final: true,
          message: reason,
        });
        logger.error(
          { slackEventId: task.eventId, stage: failure.stage, code: failure.code },
          'scan task dead-lettered',
        );
      },
      warn: (message, details) => logger.warn(details ?? {}, message),
    },
    { ...DEFAULT_CONSUMER_OPTIONS, ...deps.consumerOptions },
  );

  const decode = (delivery: Delivery): ScanTask | null => {
    try {
      return decodeScanTask(delivery.body);
    } catch (error) {
      if (!(error instanceof ScanTaskError)) throw error;
      metrics.scans.inc({ source: 'unknown', result: 'invalid_task' });
      logger.warn(
        { messageId: delivery.messageId, problem: error.message },
        'dropped a queue message that is not a scan task',
      );
      return null;
    }
  };

  let pruneTimer: NodeJS.Timeout | null = null;
  return {
    start() {
      adminToken.start();
      consumer.start();
      pruneTimer ??= setInterval(
        () =>
          void journal
            .prune()
            .catch((error: unknown) => logger.warn({ error }, 'pruning the effect journal failed')),
        60 * 60 * 1_000,
      );
      pruneTimer.unref();
      logger.info(
        { concurrency: deps.consumerOptions?.concurrency ?? DEFAULT_CONSUMER_OPTIONS.concurrency },
        'scan worker started',
      );
    },
    async stop() {
      if (pruneTimer) clearInterval(pruneTimer);
      pruneTimer = null;
      adminToken.stop();
      await consumer.stop();
      logger.info('scan worker stopped');
    },
  };
}

function failureOf(error: unknown): { stage: ScanStage; code: string } {
  if (error instanceof RetryLaterError) {
    const stage = (STAGES as ReadonlySet<string>).has(error.stage) ? (error.stage as ScanStage) : 'record';
    return { stage, code: error.code };
  }
  if (error instanceof EffectBusyError) return { stage: 'record', code: 'effect_busy' };
  return { stage: 'scan', code: error instanceof Error ? error.name : 'unknown_error' };
}

function remember(
  map: Map<string, { stage: ScanStage; code: string }>,
  key: string,
  value: { stage: ScanStage; code: string },
): void {
  map.set(key, value);
  // Bounded: entries of tasks that were later redelivered elsewhere would otherwise pile up.
  if (map.size > 10_000) map.delete(map.keys().next().value!);
}
