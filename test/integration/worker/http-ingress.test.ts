import { loadSettings } from '../../../schema/config/settings';
import type { StoredEvent } from '../../../schema/store/types';
import { eventEnvelope, fileSharedEvent, messageChangedEvent, messageEvent } from '../../fakes/slack-events';
import { FakeSecrets } from '../../unit/detectors/fake-secrets';
import { docx, zip } from '../../unit/extract/build-files';
import { ADMIN_TOKEN, BOT_TOKEN, uniqueChannel, useSlackHarness } from './harness';
import { startIngress, type RunningIngress } from './ingress-harness';

const harness = useSlackHarness();
const CARD = '4111 1111 1111 1111';
const fake = new FakeSecrets(424242);
let ingress: RunningIngress;

beforeAll(async () => {
  ingress = await startIngress(harness.current);
  harness.current.startWorker();
});
afterAll(() => ingress?.close());
beforeEach(() => harness.current.slack.reset());

const inChannel = (channel: string) => (e: StoredEvent) =>
  'channelId' in e.data && e.data.channelId === channel;

async function outcomeOutcomes(type: string, outcome: string): Promise<number> {
  const counter = await harness.current.metrics.slackEvents.get();
  return counter.values
    .filter((v) => v.labels.outcome === outcome && String(v.labels.type).startsWith(type))
    .reduce((sum, v) => sum + v.value, 0);
}

describe('POST /slack/events', () => {
  it('answers url_verification with the challenge', async () => {
    const response = await ingress.post({ type: 'url_verification', token: 'x', challenge: 'c-3f9a0c1d' });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.text)).toEqual({ challenge: 'c-3f9a0c1d' });
  });

  it('refuses a request signed with the wrong secret, and queues nothing', async () => {
    const channel = uniqueChannel();
    const response = await ingress.post(messageEvent({ channel, text: `card ${CARD}` }), {
      secret: 'not-the-signing-secret',
    });
    expect(response.status).toBe(401);
    await harness.current.waitForQueueEmpty();
    expect((await harness.current.events()).filter(inChannel(channel))).toEqual([]);
  });

  it('refuses a request signed more than five minutes ago (a replay)', async () => {
    const channel = uniqueChannel();
    const sixMinutesAgo = Math.floor(Date.now() / 1000) - 6 * 60;
    const response = await ingress.post(messageEvent({ channel, text: `card ${CARD}` }), {
      timestamp: sixMinutesAgo,
    });
    expect(response.status).toBe(401);
    await harness.current.waitForQueueEmpty();
    expect((await harness.current.events()).filter(inChannel(channel))).toEqual([]);
  });

  it('refuses a request with no signature headers', async () => {
    const response = await fetch(ingress.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(messageEvent({ text: 'hello' })),
    });
    expect(response.status).toBe(401);
  });
});

describe('a message with a card number posted in Slack', () => {
  it('is acked at once, then deleted with the admin token, a notice without the number left, the author told', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, user: 'U0FRANK01', text: `pay with ${CARD} please` });
    const response = await ingress.post(envelope);
    expect(response).toEqual({ status: 200, text: '' });
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => inChannel(channel)(e));
    expect(slack.callsOf('chat.delete')).toEqual([
      expect.objectContaining({
        token: ADMIN_TOKEN,
        params: expect.objectContaining({ channel, ts: envelope.event.ts }),
      }),
    ]);
    const notice = slack.posted.find((m) => m.channel === channel);
    expect(notice?.text).toContain(
      'A message from <@U0FRANK01> was blocked because it contained Visa card number',
    );
    expect(notice?.text).not.toMatch(/4111|1111/);
    const [ephemeral] = slack.callsOf('chat.postEphemeral');
    expect(ephemeral).toMatchObject({ token: BOT_TOKEN, params: { user: 'U0FRANK01', channel } });
    expect(blocked!.data).toMatchObject({ slackEventId: envelope.event_id, authorNotified: true });
  });
});

describe('a thread reply with a card number', () => {
  it('is blocked with the notice in the thread', async () => {
    const channel = uniqueChannel();
    const parent = '1700000500.000100';
    expect((await ingress.post(messageEvent({ channel, threadTs: parent, text: CARD }))).status).toBe(200);
    await harness.current.waitFor('MessageBlocked', (e) => inChannel(channel)(e));
    expect(harness.current.slack.posted.find((m) => m.channel === channel)?.threadTs).toBe(parent);
  });
});

describe('an edit that adds a secret', () => {
  it('is blocked like a new message', async () => {
    const channel = uniqueChannel();
    const token = fake.checksummed('ghp_');
    const envelope = messageChangedEvent({
      channel,
      previousText: 'token is in the vault',
      text: `token is ${token}`,
    });
    expect((await ingress.post(envelope)).status).toBe(200);
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => inChannel(channel)(e));
    expect(blocked!.type === 'MessageBlocked' && blocked!.data.messageTs).toBe(
      (envelope.event.message as { ts: string }).ts,
    );
    expect(JSON.stringify(await harness.current.events())).not.toContain(token);
  });

  it('is not scanned again when only an unfurl or a reaction changed it', async () => {
    const channel = uniqueChannel();
    const before = await outcomeOutcomes('message.message_changed', 'unchanged_edit');
    const envelope = messageChangedEvent({ channel, previousText: 'see the doc', text: 'see the doc' });
    expect((await ingress.post(envelope)).status).toBe(200);
    expect(await outcomeOutcomes('message.message_changed', 'unchanged_edit')).toBe(before + 1);
  });
});

describe('a file with a token', () => {
  it('is deleted with the admin token after file_shared', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = `F${channel.slice(1)}`;
    slack.addFile({
      id: fileId,
      name: 'notes.md',
      mimetype: 'text/markdown',
      filetype: 'markdown',
      content: Buffer.from(`# Deploy\n\nexport GH_TOKEN=${fake.checksummed('ghp_')}\n`),
      channels: [channel],
    });
    expect((await ingress.post(fileSharedEvent({ fileId, channel }))).status).toBe(200);
    await harness.current.waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    expect(slack.callsOf('files.delete')).toEqual([
      expect.objectContaining({ token: ADMIN_TOKEN, params: expect.objectContaining({ file: fileId }) }),
    ]);
  });
});

describe('a docx in a zip shared with a message', () => {
  it('is found inside and the archive deleted', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = `F${channel.slice(1)}`;
    slack.addFile({
      id: fileId,
      name: 'contracts.zip',
      mimetype: 'application/zip',
      filetype: 'zip',
      content: Buffer.from(zip({ 'signed/customer.docx': docx({ body: [`Card on file ${CARD}`] }) })),
      channels: [channel],
    });
    const envelope = messageEvent({
      channel,
      subtype: 'file_share',
      text: 'signed copies',
      files: [{ id: fileId, name: 'contracts.zip' }],
    });
    expect((await ingress.post(envelope)).status).toBe(200);
    await harness.current.waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    const leaks = (await harness.current.events(['LeakDetected'])).filter(
      (e) => e.type === 'LeakDetected' && e.data.fileId === fileId,
    );
    expect(leaks.map((e) => e.type === 'LeakDetected' && e.data.fileName)).toEqual([
      'contracts.zip!signed/customer.docx',
    ]);
  });
});

describe('the bot’s own notice', () => {
  it('is acked and ignored, so LeakShield never scans or blocks itself', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const before = await outcomeOutcomes('message', 'own_bot');
    const own = messageEvent({
      channel,
      user: slack.botUserId,
      botId: slack.botId,
      subtype: 'bot_message',
      text: `A message from <@U0FRANK01> was blocked because it contained Visa card number. ${CARD}`,
    });
    expect((await ingress.post(own)).status).toBe(200);
    expect(await outcomeOutcomes('message', 'own_bot')).toBe(before + 1);
    await ingress.post(messageEvent({ channel, text: 'a sentinel after the notice' }));
    await harness.current.waitFor('MessageScanned', (e) => inChannel(channel)(e));
    await harness.current.waitForQueueEmpty();
    const scans = (await harness.current.events(['MessageScanned'])).filter(inChannel(channel));
    expect(scans).toHaveLength(1);
    expect(slack.callsOf('chat.delete')).toEqual([]);
  });
});

describe('joins, leaves and other non-content messages', () => {
  it('are acked and not scanned', async () => {
    const channel = uniqueChannel();
    const before = await outcomeOutcomes('message.channel_join', 'non_content_subtype');
    expect(
      (await ingress.post(messageEvent({ channel, subtype: 'channel_join', text: '<@U1> has joined' })))
        .status,
    ).toBe(200);
    expect(await outcomeOutcomes('message.channel_join', 'non_content_subtype')).toBe(before + 1);
  });
});

describe('a channel excluded from monitoring', () => {
  it('is not scanned', async () => {
    const channel = uniqueChannel();
    await harness.current.store.append(
      `channel:T0001:${channel}`,
      'any',
      [{ type: 'ChannelMonitoringChanged', data: { teamId: 'T0001', channelId: channel, monitored: false } }],
      { actor: { type: 'api_key', id: 'test-admin' } },
    );
    const before = await outcomeOutcomes('message', 'unmonitored');
    expect((await ingress.post(messageEvent({ channel, text: `card ${CARD}` }))).status).toBe(200);
    expect(await outcomeOutcomes('message', 'unmonitored')).toBe(before + 1);
    await harness.current.waitForQueueEmpty();
    expect(harness.current.slack.callsOf('chat.delete')).toEqual([]);
  });
});

describe('a Slack retry of an event already queued', () => {
  it('is acked and dropped: the message is blocked once', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, text: `card ${CARD}` });
    const before = await outcomeOutcomes('message', 'duplicate');
    expect((await ingress.post(envelope)).status).toBe(200);
    expect((await ingress.post(envelope, { retryNum: 1 })).status).toBe(200);
    expect((await ingress.post(envelope, { retryNum: 2 })).status).toBe(200);
    expect(await outcomeOutcomes('message', 'duplicate')).toBe(before + 2);
    await harness.current.waitFor('MessageBlocked', (e) => inChannel(channel)(e));
    await harness.current.waitForQueueEmpty();
    expect(slack.callsOf('chat.delete')).toHaveLength(1);
    expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
  });
});

describe('Slack answering 429, then succeeding', () => {
  it('blocks the message once the rate limit has passed', async () => {
    const { slack } = harness.current;
    slack.rateLimitNext('chat.delete', 1, 1);
    const channel = uniqueChannel();
    await ingress.post(messageEvent({ channel, text: `card ${CARD}` }));
    await harness.current.waitFor('MessageBlocked', (e) => inChannel(channel)(e));
    expect(slack.callsOf('chat.delete')).toHaveLength(2);
  });
});

describe('Slack answering cant_delete_message', () => {
  it('records ActionFailed with that code', async () => {
    harness.current.slack.failNext('chat.delete', 'cant_delete_message');
    const channel = uniqueChannel();
    await ingress.post(messageEvent({ channel, text: `card ${CARD}` }));
    const [failed] = await harness.current.waitFor('ActionFailed', (e) => inChannel(channel)(e));
    expect(failed!.data).toMatchObject({ action: 'BLOCK', errorCode: 'cant_delete_message' });
  });
});

describe('an event type LeakShield does not handle', () => {
  it('is acked', async () => {
    const response = await ingress.post(
      eventEnvelope({ type: 'reaction_added', user: 'U1', reaction: 'eyes' }),
    );
    expect(response.status).toBe(200);
  });
});

describe('with Slack not configured', () => {
  it('answers 503 with what to set', async () => {
    const bare = await startIngress(
      harness.current,
      loadSettings({ LOG_LEVEL: 'silent' }, { dotenv: false }),
    );
    try {
      const response = await bare.post(messageEvent({ text: 'hello' }));
      expect(response.status).toBe(503);
      expect(JSON.parse(response.text)).toEqual({
        error: 'slack_not_configured',
        message: 'Slack is not configured: set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN',
      });
    } finally {
      await bare.close();
    }
  });
});
