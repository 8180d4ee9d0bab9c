import { App, ExpressReceiver, LogLevel, webApi, type Authorize } from '@slack/bolt';
import type { Express } from 'express';
import type { Settings } from '../../schema/config/settings';
import type { ScanTask } from '../../schema/tasks/scan-task';
import type { Logger } from '../../schema/observability/logger';
import type { Metrics } from '../../schema/observability/metrics';
import { scanTaskSender } from '../../worker/queue/scan-task-producer';
import type { ScanQueue } from '../../worker/queue/scan-queue';
import { IntakeQueueError, type EventIntake } from './accept-event';
import { boltLogger } from './bolt-logger';
import { botIdentity } from './bot-identity';
import { register as registerEvents } from './listeners/events';
import { RecentEventIds } from './recent-event-ids';

export interface SlackIngressDeps {
  settings: Settings;
  queue: ScanQueue;
  logger: Logger;
  metrics: Metrics;
  isChannelMonitored(teamId: string, channelId: string): Promise<boolean>;
}

/**
 * The Slack side of the API process.
 * @example
 * const ingress = createSlackIngress({ settings, queue, logger, metrics, isChannelMonitored });
 * await createApiServer({ schema, services, mount: (app) => ingress.mount(app) });
 * await ingress.start();
 */
export interface SlackIngress {
  /** Adds POST /slack/events to the API's Express app (or a 503 explaining what to set). */
  mount(app: Express): void;
  /** Connects Socket Mode when it is used; learns the bot's ids either way. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const SLACK_EVENTS_PATH = '/slack/events';
const NOT_CONFIGURED = 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN';

/**
 * Bolt 4 on the API's own Express app. Events API over HTTP when SLACK_SIGNING_SECRET is set (Bolt verifies the
 * v0 signature and the 5-minute window, and answers url_verification); Socket Mode instead when
 * SLACK_APP_LEVEL_TOKEN is set. Every Web API call goes to SLACK_API_URL.
 *
 * Bolt answers Slack only after the listener has queued the task (processBeforeResponse): a queue outage then
 * shows as HTTP 500 and Slack retries the event, instead of an early 200 that loses it. Queueing is one local
 * round trip, far inside Slack's 3 seconds, and is cut off at 2 seconds.
 */
export function createSlackIngress(deps: SlackIngressDeps): SlackIngress {
  const { settings, logger, metrics } = deps;
  const socketMode = settings.SLACK_APP_LEVEL_TOKEN !== undefined;
  const botToken = settings.SLACK_BOT_TOKEN;
  const signingSecret = settings.SLACK_SIGNING_SECRET;
  const configured = botToken !== undefined && (socketMode || signingSecret !== undefined);
  const log = logger.child({ component: 'slack-ingress' });

  if (!configured) {
    return {
      mount(app) {
        app.all(SLACK_EVENTS_PATH, (_req, res) => {
          res.status(503).json({ error: 'slack_not_configured', message: NOT_CONFIGURED });
        });
      },
      start: async () => {
        log.info(
          'Slack ingress is off: SLACK_SIGNING_SECRET (or SLACK_APP_LEVEL_TOKEN) and SLACK_BOT_TOKEN are not set',
        );
      },
      stop: async () => undefined,
    };
  }

  const clientOptions: webApi.WebClientOptions = {
    ...(settings.SLACK_API_URL ? { slackApiUrl: settings.SLACK_API_URL } : {}),
    logger: boltLogger(logger),
    logLevel: LogLevel.WARN,
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 1_000 },
  };
  const identityClient = new webApi.WebClient(undefined, clientOptions);
  const identity = botIdentity(identityClient, botToken);
  const authorize: Authorize<boolean> = async () => ({ botToken, ...(await identity()) });
  const send = scanTaskSender(deps.queue, { timeoutMs: 2_000 });
  const intake: EventIntake = {
    isChannelMonitored: deps.isChannelMonitored,
    enqueue: socketMode ? retrying(send, log) : send,
    recent: new RecentEventIds(),
    logger: log,
    metrics,
  };

  let app: App | null = null;
  const build = (receiver: ExpressReceiver | null): App => {
    const built = new App({
      ...(receiver
        ? { receiver }
        : {
            socketMode: true,
            appToken: settings.SLACK_APP_LEVEL_TOKEN,
            installerOptions: { clientOptions },
          }),
      authorize,
      clientOptions,
      logger: boltLogger(logger),
      logLevel: LogLevel.WARN,
      // Our own ingress never needs Bolt's per-conversation store.
      convoStore: false,
      // normaliseEvent drops our own messages itself (with the rest of the edits and subtypes), so they are
      // counted like every other ignored event instead of vanishing inside Bolt.
      ignoreSelf: false,
    });
    registerEvents(built, intake);
    built.error(async (error) => {
      const cause = (error as { original?: unknown }).original ?? error;
      // Only a queue outage is worth a retry from Slack; any other failure would fail again the same way.
      if (cause instanceof IntakeQueueError) throw cause;
      log.error({ error: cause }, 'a Slack event listener failed; the event was acknowledged');
    });
    return built;
  };

  return {
    mount(expressApp) {
      if (socketMode) {
        expressApp.all(SLACK_EVENTS_PATH, (_req, res) => {
          res.status(404).json({
            error: 'socket_mode',
            message:
              'Slack events arrive over Socket Mode (SLACK_APP_LEVEL_TOKEN is set): this URL is not used',
          });
        });
        return;
      }
      const receiver = new ExpressReceiver({
        signingSecret: signingSecret!,
        app: expressApp,
        endpoints: SLACK_EVENTS_PATH,
        processBeforeResponse: true,
        logger: boltLogger(logger),
        logLevel: LogLevel.WARN,
      });
      app = build(receiver);
    },
    async start() {
      if (socketMode) {
        app = build(null);
        await app.start();
        log.info('Slack Socket Mode connected');
      }
      try {
        const self = await identity();
        log.info({ botUserId: self.botUserId }, 'Slack ingress ready');
      } catch (error) {
        // Not fatal: Slack may be briefly unreachable; the first event asks again.
        log.warn(
          { error: describe(error) },
          'auth.test failed; the bot identity will be fetched with the first event',
        );
      }
    },
    async stop() {
      if (socketMode && app) await app.stop();
      app = null;
    },
  };
}

/**
 * In Socket Mode Bolt acks an event before the listener runs, so Slack will not send it again if queueing fails:
 * the ingress keeps trying for about half a minute instead (1, 2, 4, 8, 16 s apart).
 */
function retrying(
  send: (tasks: readonly ScanTask[]) => Promise<void>,
  log: Logger,
): (tasks: readonly ScanTask[]) => Promise<void> {
  return async (tasks) => {
    for (let attempt = 0; ; attempt += 1) {
      try {
        await send(tasks);
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        log.warn({ error, attempt: attempt + 1 }, 'queueing a Socket Mode event failed; trying again');
        await new Promise((resolve) => setTimeout(resolve, 1_000 * 2 ** attempt));
      }
    }
  };
}

function describe(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    const { code, data } = error as { code?: unknown; data?: { error?: unknown } };
    if (typeof data?.error === 'string') return data.error;
    if (typeof code === 'string') return code;
  }
  return error instanceof Error ? error.name : 'unknown error';
}
