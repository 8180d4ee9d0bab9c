import type { StoredEvent } from '../../../schema/store/types';
import type { ScanWorker } from '../../../worker/scan-worker';
import { messageEvent } from '../../fakes/slack-events';
import { uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const CARD = '4111 1111 1111 1111';

beforeEach(() => harness.current.slack.reset());

function typesIn(events: readonly StoredEvent[], channel: string): string[] {
  return events
    .filter((e) => 'channelId' in e.data && e.data.channelId === channel)
    .map((e) => e.type)
    .sort();
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('a task delivered more than once', () => {
  let worker: ScanWorker;
  beforeAll(() => {
    worker = harness.current.startWorker();
  });
  afterAll(() => worker.stop());

  it('acts once and records once when two copies arrive together', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, text: `card ${CARD}` });
    await harness.current.enqueue(envelope);
    await harness.current.enqueue(envelope);
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    await harness.current.waitForQueueEmpty();
    expect(slack.callsOf('chat.delete')).toHaveLength(1);
    expect(slack.posted).toHaveLength(1);
    expect(slack.callsOf('chat.postEphemeral')).toHaveLength(1);
    expect(typesIn(await harness.current.events(), channel)).toEqual([
      'LeakDetected',
      'MessageBlocked',
      'MessageScanned',
    ]);
  });

  it('does nothing when a copy arrives after the work was done (a worker died before deleting it from SQS)', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, text: `card ${CARD}` });
    await harness.current.enqueue(envelope);
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    await harness.current.waitForQueueEmpty();
    const callsBefore = slack.calls.length;
    await harness.current.enqueue(envelope);
    await harness.current.waitForQueueEmpty();
    expect(slack.calls.slice(callsBefore).map((call) => call.method)).toEqual([]);
    expect(typesIn(await harness.current.events(), channel)).toEqual([
      'LeakDetected',
      'MessageBlocked',
      'MessageScanned',
    ]);
  });

  it('acts once for a file announced twice (file_share message and file_shared event)', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const fileId = `F${channel.slice(1)}`;
    slack.addFile({
      id: fileId,
      name: 'card.txt',
      mimetype: 'text/plain',
      filetype: 'text',
      content: Buffer.from(`customer card ${CARD}\n`),
      channels: [channel],
    });
    await harness.current.enqueue(
      messageEvent({ channel, subtype: 'file_share', text: '', files: [{ id: fileId, name: 'card.txt' }] }),
    );
    await harness.current.enqueue({
      ...messageEvent({ channel }),
      event: {
        type: 'file_shared',
        file_id: fileId,
        user_id: 'U0AUTHOR',
        channel_id: channel,
        file: { id: fileId },
      },
    });
    await harness.current.waitFor('FileBlocked', (e) => e.data.fileId === fileId);
    await harness.current.waitForQueueEmpty();
    expect(slack.callsOf('files.delete')).toHaveLength(1);
    expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
    const fileEvents = (await harness.current.events()).filter(
      (e) => 'fileId' in e.data && e.data.fileId === fileId,
    );
    expect(fileEvents.map((e) => e.type).sort()).toEqual(['FileBlocked', 'FileScanned', 'LeakDetected']);
  });
});

describe('a worker killed mid-task and another started', () => {
  it('finishes the work with nothing lost and nothing doubled when it died waiting on chat.delete', async () => {
    const { slack } = harness.current;
    const release = deferred();
    slack.holdNext('chat.delete', release.promise);
    const first = await harness.current.startKillableWorker();
    try {
      const channel = uniqueChannel();
      await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
      await slack.waitFor('chat.delete');
      await first.kill();

      const second = harness.current.startWorker();
      await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
      await harness.current.waitForQueueEmpty();
      await second.stop();

      // The first delete reached Slack; the second learnt the message was gone and counted it as done.
      expect(slack.deletedMessages.size).toBe(1);
      expect(slack.posted.filter((m) => m.channel === channel)).toHaveLength(1);
      expect(slack.callsOf('chat.postEphemeral')).toHaveLength(1);
      expect(typesIn(await harness.current.events(), channel)).toEqual([
        'LeakDetected',
        'MessageBlocked',
        'MessageScanned',
      ]);
    } finally {
      release.resolve();
    }
  });

  it('posts the notice once when it died waiting on chat.postMessage', async () => {
    const { slack } = harness.current;
    const release = deferred();
    slack.holdNext('chat.postMessage', release.promise);
    const first = await harness.current.startKillableWorker();
    try {
      const channel = uniqueChannel();
      await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
      await slack.waitFor('chat.postMessage');
      await first.kill();

      const second = harness.current.startWorker();
      const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
      await harness.current.waitForQueueEmpty();
      await second.stop();

      const notices = slack.posted.filter((m) => m.channel === channel);
      expect(notices).toHaveLength(1);
      expect(blocked!.type === 'MessageBlocked' && blocked!.data.noticeTs).toBe(notices[0]!.ts);
      expect(slack.callsOf('conversations.history').length).toBeGreaterThan(0);
      expect(slack.deletedMessages.size).toBe(1);
      expect(slack.callsOf('chat.delete')).toHaveLength(1);
      expect(typesIn(await harness.current.events(), channel)).toEqual([
        'LeakDetected',
        'MessageBlocked',
        'MessageScanned',
      ]);
    } finally {
      release.resolve();
    }
  });
});
