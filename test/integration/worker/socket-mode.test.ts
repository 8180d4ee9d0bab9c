import { buildSchema } from 'graphql';
import { createApiServer } from '../../../api/server';
import type { ApiServices } from '../../../api/services';
import { createSlackIngress, type SlackIngress } from '../../../api/slack/ingress';
import { FakeSlack } from '../../fakes/fake-slack';
import { messageEvent } from '../../fakes/slack-events';
import { ADMIN_TOKEN, BOT_TOKEN, quietLogger, settingsFor, uniqueChannel, useSlackHarness } from './harness';

const APP_TOKEN = 'xapp-1-A0LEAKSHIELD-test-app-token';
const harness = useSlackHarness();
let slack: FakeSlack;
let ingress: SlackIngress;

beforeAll(async () => {
  // A Slack of its own that accepts the app-level token (the harness's serves the worker).
  slack = new FakeSlack({ botToken: BOT_TOKEN, adminToken: ADMIN_TOKEN, appToken: APP_TOKEN });
  await slack.start();
  ingress = createSlackIngress({
    settings: settingsFor(slack, { SLACK_APP_LEVEL_TOKEN: APP_TOKEN, SLACK_SIGNING_SECRET: '' }),
    queue: harness.current.queue,
    logger: quietLogger(),
    metrics: harness.current.metrics,
    isChannelMonitored: async () => true,
  });
  await ingress.start();
  harness.current.startWorker();
});

afterAll(async () => {
  await ingress?.stop();
  await slack?.stop();
});

describe('with SLACK_APP_LEVEL_TOKEN set', () => {
  it('connects over Socket Mode with the app-level token and queues the events it receives there', async () => {
    expect(slack.callsOf('apps.connections.open')[0]?.token).toBe(APP_TOKEN);
    expect(slack.socketClients).toBe(1);
    const channel = uniqueChannel();
    await slack.sendOverSocket(messageEvent({ channel, text: 'card 4111 1111 1111 1111' }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked).toBeDefined();
  });

  it('does not serve POST /slack/events, and says why', async () => {
    const server = await createApiServer({
      schema: buildSchema('type Query { ok: Boolean }'),
      services: { readiness: async () => ({ ready: true }) } as unknown as ApiServices,
      mount: (app) => ingress.mount(app),
    });
    try {
      const port = await server.listen(0, '127.0.0.1');
      const response = await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST', body: '{}' });
      expect(response.status).toBe(404);
      expect(((await response.json()) as { error: string }).error).toBe('socket_mode');
    } finally {
      await server.close();
    }
  });

  it('disconnects on stop', async () => {
    await ingress.stop();
    for (let i = 0; i < 100 && slack.socketClients > 0; i += 1) await new Promise((r) => setTimeout(r, 20));
    expect(slack.socketClients).toBe(0);
  });
});
