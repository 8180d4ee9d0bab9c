import { resolve } from 'node:path';
import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import { createPubSub } from '@graphql-yoga/subscription';
import type { Express } from 'express';
import type { PubSub } from 'type-graphql';
import { buildApiSchema } from '../../api/graphql/build-schema';
import { adminUiRoutes } from '../../api/http/admin-ui';
import { metricsRoutes } from '../../api/http/metrics';
import { createApiServer, type ApiServer } from '../../api/server';
import { createApiServices } from '../../api/services';
import { createSlackIngress } from '../../api/slack/ingress';
import { openAuditLog, type AuditLog } from '../../schema/audit-commands';
import { ChannelMonitoringCache } from '../../schema/projections/monitored-channels.query';
import type { Settings } from '../../schema/config/settings';
import type { Logger } from '../../schema/observability/logger';
import { Metrics } from '../../schema/observability/metrics';
import { queueConfig } from '../../worker/queue/queue-config';
import { connectScanQueue, type ScanQueue } from '../../worker/queue/scan-queue';
import { createScanWorker } from '../../worker/scan-worker';
import { ensureAdminToken } from './admin-token';
import { startWorkerHttp } from './worker-http';

/** Which parts this process runs: `start` runs both, `serve` the API and ingress, `worker` the consumer. */
export interface RuntimeParts {
  api: boolean;
  worker: boolean;
}

export interface Runtime {
  /** The HTTP port: the API's, or a worker's health and metrics port. */
  port: number;
  /** Stops in order: no new work in, in-flight work finished, then connections closed. */
  stop(): Promise<void>;
}

/**
 * Builds and starts LeakShield from settings: the database (migrated, built-ins seeded), the scan queue, and the
 * API with Slack ingress and console, and/or the scan worker. The one place where the parts meet.
 * @example const runtime = await startRuntime(loadSettings(), { api: true, worker: true }, logger);
 */
export async function startRuntime(
  settings: Settings,
  parts: RuntimeParts,
  logger: Logger,
): Promise<Runtime> {
  const metrics = new Metrics();
  const stack: { name: string; close: () => Promise<void> }[] = [];
  const stop = async (): Promise<void> => {
    for (const { name, close } of stack.reverse()) {
      try {
        await close();
      } catch (error) {
        logger.warn({ error, part: name }, 'stopping a part failed');
      }
    }
    stack.length = 0;
  };

  try {
    const auditLog: AuditLog = await openAuditLog({ poolMax: parts.api && parts.worker ? 20 : 10 });
    stack.push({ name: 'database', close: () => auditLog.close() });
    if (auditLog.seeded.length > 0)
      logger.info({ count: auditLog.seeded.length }, 'built-in detectors seeded');

    const queue: ScanQueue = await connectScanQueue(queueConfig(settings));
    stack.push({ name: 'queue', close: () => queue.close() });
    if (queue.config.embedded) logger.info({ endpoint: queue.endpoint }, 'embedded SQS emulator started');
    watchQueueDepth(metrics, queue);

    const { orm } = auditLog.database;
    const store = auditLog.store;

    if (parts.worker) {
      const worker = createScanWorker({ settings, queue, orm, store, logger, metrics });
      worker.start();
      stack.push({ name: 'worker', close: () => worker.stop() });
    }

    let port: number;
    if (parts.api) {
      const adminToken = await ensureAdminToken(settings, dataDir(), logger);
      const effective: Settings = { ...settings, LEAKSHIELD_ADMIN_TOKEN: adminToken };
      const pubSub = createPubSub() as unknown as PubSub;
      const services = await createApiServices({ orm, store, settings: effective, logger, pubSub });
      stack.push({ name: 'api services', close: () => services.close() });
      const schema = await buildApiSchema(pubSub);
      const monitoring = new ChannelMonitoringCache(orm);
      const ingress = createSlackIngress({
        settings,
        queue,
        logger,
        metrics,
        isChannelMonitored: (teamId, channelId) => monitoring.isMonitored(teamId, channelId),
      });
      const server: ApiServer = await createApiServer({
        schema,
        services,
        development: settings.NODE_ENV === 'development',
        reportError: (error) => logger.error({ error }, 'request failed'),
        mount: (app: Express) => {
          app.use(metricsRoutes(metrics));
          ingress.mount(app);
          app.use(adminUiRoutes(resolve(__dirname, '../../../admin-ui/dist')));
        },
      });
      await ingress.start();
      stack.push({ name: 'slack ingress', close: () => ingress.stop() });
      port = await server.listen(settings.PORT);
      // The server closes before the worker (it is later in the stack): no new events in while work finishes.
      stack.push({ name: 'http server', close: () => server.close() });
    } else {
      const http = await startWorkerHttp({ orm, metrics, port: settings.PORT });
      port = http.port;
      stack.push({ name: 'health server', close: () => http.close() });
    }
    return { port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function dataDir(): string {
  return resolve(process.env.LEAKSHIELD_DATA_DIR || '.leakshield');
}

/** Queue depth gauges, read from SQS when Prometheus scrapes. */
function watchQueueDepth(metrics: Metrics, queue: ScanQueue): void {
  const read = async (url: string | null, name: string): Promise<void> => {
    if (!url) return;
    const { Attributes: a = {} } = await queue.client.send(
      new GetQueueAttributesCommand({
        QueueUrl: url,
        AttributeNames: [
          'ApproximateNumberOfMessages',
          'ApproximateNumberOfMessagesNotVisible',
          'ApproximateNumberOfMessagesDelayed',
        ],
      }),
    );
    metrics.queueDepth.set({ queue: name, state: 'visible' }, Number(a.ApproximateNumberOfMessages ?? 0));
    metrics.queueDepth.set(
      { queue: name, state: 'in_flight' },
      Number(a.ApproximateNumberOfMessagesNotVisible ?? 0),
    );
    metrics.queueDepth.set(
      { queue: name, state: 'delayed' },
      Number(a.ApproximateNumberOfMessagesDelayed ?? 0),
    );
  };
  metrics.onScrape(async () => {
    await Promise.all([read(queue.queueUrl, 'scan'), read(queue.deadLetterQueueUrl, 'dead_letter')]);
  });
}
