import { EventStore } from '../../../schema/store/event-store';
import type { StoredEvent } from '../../../schema/store/types';
import { messageEvent } from '../../fakes/slack-events';
import { RunningService } from '../../support/running-service';

/**
 * The API and the worker as separate processes (`leakshield serve` + `leakshield worker`), so a worker can be
 * killed the hard way and replaced, or stopped with SIGTERM.
 */
const CARD = '4111 1111 1111 1111';
let service: RunningService;
let store: EventStore;

beforeAll(async () => {
  service = await RunningService.start({ split: true });
  store = new EventStore(service.database.orm);
}, 120_000);
afterAll(() => service?.stop(), 60_000);
beforeEach(() => service.slack.reset());

async function waitFor(what: string, match: (event: StoredEvent) => boolean): Promise<StoredEvent> {
  const deadline = Date.now() + 40_000;
  for (;;) {
    const hit = (await store.readAll({ limit: 100_000 })).find(match);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no ${what} in time\n${service.logs}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function typesIn(channelId: string): Promise<string[]> {
  return (await store.readAll({ limit: 100_000 }))
    .filter((e) => 'channelId' in e.data && e.data.channelId === channelId)
    .map((e) => e.type);
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a worker process killed (SIGKILL) mid-task', () => {
  it('leaves the task to a new worker, which finishes it: nothing lost, nothing doubled', async () => {
    const { slack } = service;
    const release = deferred();
    // Slack deletes the message, but the answer never reaches the worker: it is killed first.
    slack.holdNext('chat.delete', release.promise);
    try {
      const channel = 'CKILL0001';
      expect((await service.sendEvent(messageEvent({ channel, text: `card ${CARD}` }))).status).toBe(200);
      await slack.waitFor('chat.delete');
      await service.process('worker')!.kill();

      await service.launch('worker').ready();
      await waitFor('MessageBlocked', (e) => e.type === 'MessageBlocked' && e.data.channelId === channel);
      expect(slack.deletedMessages.size).toBe(1);
      expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
      expect(slack.callsOf('chat.postEphemeral')).toHaveLength(1);
      expect(await typesIn(channel)).toEqual(['MessageScanned', 'LeakDetected', 'MessageBlocked']);
    } finally {
      release.resolve();
    }
  }, 60_000);
});

describe('a worker process stopped with SIGTERM mid-task', () => {
  it('finishes the task in flight before it exits', async () => {
    const { slack } = service;
    const release = deferred();
    slack.holdNext('chat.postMessage', release.promise);
    const channel = 'CTERM0001';
    await service.sendEvent(messageEvent({ channel, text: `card ${CARD}` }));
    await slack.waitFor('chat.postMessage');
    const worker = service.process('worker')!;
    const exited = worker.stop();
    release.resolve();
    expect(await exited).toBe(0);
    await waitFor('MessageBlocked', (e) => e.type === 'MessageBlocked' && e.data.channelId === channel);
    expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
    await service.launch('worker').ready();
  }, 60_000);
});

describe('a worker process on its own', () => {
  it('answers health, readiness and Prometheus metrics on its own port, and nothing else', async () => {
    const port = await service.launch('worker').ready();
    expect(port).toBeGreaterThan(0);
    const base = `http://127.0.0.1:${port}`;
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(await (await fetch(`${base}/readyz`)).json()).toEqual({ status: 'ready' });
    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await metrics.text()).toContain('leakshield_scans_total');
    expect((await fetch(`${base}/graphql`)).status).toBe(404);
  }, 60_000);
});

describe('with Slack not configured', () => {
  it('answers 503 with what to set', async () => {
    const bare = await RunningService.start({ env: { SLACK_SIGNING_SECRET: '', SLACK_BOT_TOKEN: '' } });
    try {
      const response = await bare.sendEvent(messageEvent({ text: 'hello' }));
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({
        error: 'slack_not_configured',
        message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN',
      });
    } finally {
      await bare.stop();
    }
  }, 120_000);
});
