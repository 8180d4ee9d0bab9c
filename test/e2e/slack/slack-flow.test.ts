import { EventStore } from '../../../schema/store/event-store';
import type { StoredEvent } from '../../../schema/store/types';
import type { EventType } from '../../../schema/events/registry';
import { fileSharedEvent, messageChangedEvent, messageEvent } from '../../fakes/slack-events';
import { RunningService, TEST_ADMIN_USER_TOKEN, TEST_BOT_TOKEN } from '../../support/running-service';
import { FakeSecrets } from '../../unit/detectors/fake-secrets';
import { docx, zip } from '../../unit/extract/build-files';

/**
 * The Slack flow against the built service (`node bin/leakshield start`): signed events over HTTP, the embedded
 * pieces a user runs, and the fake Slack on the other side.
 */
const CARD = '4111 1111 1111 1111';
const fake = new FakeSecrets(5150);
let service: RunningService;
let store: EventStore;
let counter = 0;

beforeAll(async () => {
  service = await RunningService.start();
  store = new EventStore(service.database.orm);
}, 120_000);
afterAll(() => service?.stop(), 60_000);
beforeEach(() => service.slack.reset());

function channel(): string {
  counter += 1;
  return `CE2E${String(counter).padStart(4, '0')}${Date.now().toString(36).toUpperCase().slice(-4)}`;
}

type Of<T extends EventType> = Extract<StoredEvent, { type: T }>;

async function waitFor<T extends EventType>(type: T, match: (event: Of<T>) => boolean): Promise<Of<T>> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const found = (await store.readAll({ types: [type], limit: 100_000 })) as Of<T>[];
    const hit = found.find(match);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no ${type} in time\n${service.logs}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventsIn(channelId: string): Promise<string[]> {
  return (await store.readAll({ limit: 100_000 }))
    .filter((e) => 'channelId' in e.data && e.data.channelId === channelId)
    .map((e) => e.type);
}

describe('the Slack events endpoint of the running service', () => {
  it('answers url_verification', async () => {
    const response = await service.sendEvent({ type: 'url_verification', token: 't', challenge: 'ch-42' });
    expect(await response.json()).toEqual({ challenge: 'ch-42' });
  });

  it('refuses bad and stale signatures', async () => {
    const envelope = messageEvent({ channel: channel(), text: `card ${CARD}` });
    expect((await service.sendEvent(envelope, { secret: 'wrong-secret' })).status).toBe(401);
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    expect((await service.sendEvent(envelope, { timestamp: stale })).status).toBe(401);
  });
});

describe('a clean message', () => {
  it('is scanned and left alone', async () => {
    const id = channel();
    expect(
      (await service.sendEvent(messageEvent({ channel: id, text: 'see you at the retro' }))).status,
    ).toBe(200);
    const scanned = await waitFor('MessageScanned', (e) => e.data.channelId === id);
    expect(scanned.data.findingsCount).toBe(0);
    expect(service.slack.callsOf('chat.delete')).toEqual([]);
  });
});

describe('a card number', () => {
  it('is deleted with the admin token, a notice without the number is left, the author is told privately', async () => {
    const { slack } = service;
    const id = channel();
    const envelope = messageEvent({ channel: id, user: 'U0GRACE01', text: `my card: ${CARD}` });
    expect((await service.sendEvent(envelope)).status).toBe(200);
    const blocked = await waitFor('MessageBlocked', (e) => e.data.channelId === id);
    expect(slack.callsOf('chat.delete')).toEqual([
      expect.objectContaining({
        token: TEST_ADMIN_USER_TOKEN,
        params: expect.objectContaining({ ts: envelope.event.ts }),
      }),
    ]);
    const notice = slack.posted.find((m) => m.channel === id);
    expect(notice?.text).toContain('A message from <@U0GRACE01> was blocked');
    expect(notice?.text).not.toMatch(/4111|1111/);
    expect(slack.callsOf('chat.postEphemeral')[0]).toMatchObject({
      token: TEST_BOT_TOKEN,
      params: { user: 'U0GRACE01' },
    });
    expect(blocked.data).toMatchObject({ noticeTs: notice!.ts, authorNotified: true });
    expect(JSON.stringify(await store.readAll({ limit: 100_000 }))).not.toContain(CARD);
  });

  it('in a thread reply is blocked with the notice in the thread', async () => {
    const id = channel();
    await service.sendEvent(messageEvent({ channel: id, threadTs: '1700000600.000100', text: CARD }));
    await waitFor('MessageBlocked', (e) => e.data.channelId === id);
    expect(service.slack.posted.find((m) => m.channel === id)?.threadTs).toBe('1700000600.000100');
  });

  it('added by an edit is blocked', async () => {
    const id = channel();
    const envelope = messageChangedEvent({
      channel: id,
      previousText: 'card to follow',
      text: `card ${CARD}`,
    });
    await service.sendEvent(envelope);
    const blocked = await waitFor('MessageBlocked', (e) => e.data.channelId === id);
    expect(blocked.data.messageTs).toBe((envelope.event.message as { ts: string }).ts);
  });
});

describe('files', () => {
  it('a file with a token is deleted with the admin token', async () => {
    const id = channel();
    const fileId = `F${id.slice(1)}`;
    service.slack.addFile({
      id: fileId,
      name: 'ci.env',
      mimetype: 'text/plain',
      filetype: 'text',
      content: Buffer.from(`GITHUB_TOKEN=${fake.checksummed('ghp_')}\n`),
      channels: [id],
    });
    await service.sendEvent(fileSharedEvent({ fileId, channel: id }));
    await waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    expect(service.slack.callsOf('files.delete')[0]).toMatchObject({ token: TEST_ADMIN_USER_TOKEN });
  });

  it('a docx inside a zip is opened and the archive deleted', async () => {
    const id = channel();
    const fileId = `F${id.slice(1)}`;
    service.slack.addFile({
      id: fileId,
      name: 'pack.zip',
      mimetype: 'application/zip',
      filetype: 'zip',
      content: Buffer.from(
        zip({ 'docs/keys.docx': docx({ body: [`deploy token ${fake.checksummed('ghp_')}`] }) }),
      ),
      channels: [id],
    });
    await service.sendEvent(
      messageEvent({
        channel: id,
        subtype: 'file_share',
        text: '',
        files: [{ id: fileId, name: 'pack.zip' }],
      }),
    );
    await waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    const leak = await waitFor('LeakDetected', (e) => e.data.fileId === fileId);
    expect(leak.data.fileName).toBe('pack.zip!docs/keys.docx');
  });
});

describe('the bot’s own notice', () => {
  it('is ignored: nothing is scanned', async () => {
    const id = channel();
    const own = messageEvent({
      channel: id,
      user: service.slack.botUserId,
      botId: service.slack.botId,
      subtype: 'bot_message',
      text: `blocked: ${CARD}`,
    });
    expect((await service.sendEvent(own)).status).toBe(200);
    await service.sendEvent(messageEvent({ channel: id, text: 'sentinel' }));
    await waitFor('MessageScanned', (e) => e.data.channelId === id);
    expect(await eventsIn(id)).toEqual(['MessageScanned']);
  });
});

describe('Slack retrying an event', () => {
  it('acts once', async () => {
    const id = channel();
    const envelope = messageEvent({ channel: id, text: `card ${CARD}` });
    await service.sendEvent(envelope);
    await service.sendEvent(envelope, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await service.sendEvent(envelope, {
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await waitFor('MessageBlocked', (e) => e.data.channelId === id);
    // A later event in the same channel is processed after the retries would have been.
    await service.sendEvent(messageEvent({ channel: id, text: 'after the retries' }));
    await waitFor('MessageScanned', (e) => e.data.channelId === id && e.data.findingsCount === 0);
    expect(service.slack.callsOf('chat.delete')).toHaveLength(1);
    expect(service.slack.posted.filter((m) => m.channel === id)).toHaveLength(1);
    expect((await eventsIn(id)).sort()).toEqual([
      'LeakDetected',
      'MessageBlocked',
      'MessageScanned',
      'MessageScanned',
    ]);
  });
});

describe('Slack answering 429 then succeeding', () => {
  it('blocks the message once the rate limit passes', async () => {
    service.slack.rateLimitNext('chat.delete', 1, 1);
    const id = channel();
    await service.sendEvent(messageEvent({ channel: id, text: `card ${CARD}` }));
    await waitFor('MessageBlocked', (e) => e.data.channelId === id);
    expect(service.slack.callsOf('chat.delete')).toHaveLength(2);
  });
});

describe('Slack answering cant_delete_message', () => {
  it('records ActionFailed with the code', async () => {
    service.slack.failNext('chat.delete', 'cant_delete_message');
    const id = channel();
    await service.sendEvent(messageEvent({ channel: id, text: `card ${CARD}` }));
    const failed = await waitFor('ActionFailed', (e) => e.data.channelId === id);
    expect(failed.data).toMatchObject({
      action: 'BLOCK',
      errorCode: 'cant_delete_message',
      retryable: false,
    });
  });
});
