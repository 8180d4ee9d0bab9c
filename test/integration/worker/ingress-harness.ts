import { buildSchema } from 'graphql';
import { createApiServer, type ApiServer } from '../../../api/server';
import type { ApiServices } from '../../../api/services';
import { createSlackIngress, type SlackIngress } from '../../../api/slack/ingress';
import type { Settings } from '../../../schema/config/settings';
import { ChannelMonitoringCache } from '../../../schema/projections/monitored-channels.query';
import { signSlackRequest } from '../../fakes/slack-events';
import { quietLogger, SIGNING_SECRET, type SlackHarness } from './harness';

/**
 * The API server in this process, for the Slack events path: Express with the Bolt ingress mounted on it and
 * listening on a free port, beside a worker the test controls. GraphQL is a one-field stand-in: these tests are
 * about POST /slack/events. test/e2e/slack/ runs the same flows against the built service.
 */
export interface RunningIngress {
  url: string;
  post(body: unknown, options?: PostOptions): Promise<{ status: number; text: string }>;
  close(): Promise<void>;
}

export interface PostOptions {
  /** Seconds since the epoch written into the signature and its header. */
  timestamp?: number;
  /** Signs with this secret instead of the right one. */
  secret?: string;
  retryNum?: number;
  headers?: Record<string, string>;
}

export async function startIngress(
  harness: SlackHarness,
  settings: Settings = harness.settings,
): Promise<RunningIngress> {
  const monitoring = new ChannelMonitoringCache(harness.db.orm, 0);
  const ingress: SlackIngress = createSlackIngress({
    settings,
    queue: harness.queue,
    logger: quietLogger(),
    metrics: harness.metrics,
    isChannelMonitored: (teamId, channelId) => monitoring.isMonitored(teamId, channelId),
  });
  const services = {
    authenticate: async () => null,
    readiness: async () => ({ ready: true }),
  } as unknown as ApiServices;
  const server: ApiServer = await createApiServer({
    schema: buildSchema('type Query { ok: Boolean }'),
    services,
    mount: (app) => ingress.mount(app),
  });
  await ingress.start();
  const port = await server.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${port}/slack/events`;
  return {
    url,
    post: async (body, options = {}) => {
      const raw = JSON.stringify(body);
      const headers = {
        ...signSlackRequest(options.secret ?? SIGNING_SECRET, raw, options.timestamp),
        ...(options.retryNum !== undefined
          ? { 'x-slack-retry-num': String(options.retryNum), 'x-slack-retry-reason': 'http_timeout' }
          : {}),
        ...options.headers,
      };
      const response = await fetch(url, { method: 'POST', headers, body: raw });
      return { status: response.status, text: await response.text() };
    },
    close: async () => {
      await ingress.stop();
      await server.close();
    },
  };
}
