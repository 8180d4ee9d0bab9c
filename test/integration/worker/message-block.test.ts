import { messageChangedEvent, messageEvent } from '../../fakes/slack-events';
import { ADMIN_TOKEN, BOT_TOKEN, eventsOf, uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const CARD = '4111 1111 1111 1111';

beforeAll(() => {
  harness.current.startWorker();
});

beforeEach(() => harness.current.slack.reset());

describe('a message with a card number', () => {
  it('is deleted with the admin token, a notice without the number takes its place, and the author is told privately', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, user: 'U0ALICE01', text: `my card is ${CARD} exp 12/29` });
    await harness.current.enqueue(envelope);

    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const ts = envelope.event.ts as string;
    const deletes = slack.callsOf('chat.delete');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]!.token).toBe(ADMIN_TOKEN);
    expect(deletes[0]!.params).toMatchObject({ channel, ts });

    const notices = slack.posted.filter((m) => m.channel === channel);
    expect(notices).toHaveLength(1);
    expect(notices[0]!.text).toContain('<@U0ALICE01>');
    expect(notices[0]!.text).toContain('Visa card number');
    expect(notices[0]!.text).not.toMatch(/\d{4}/);
    expect(notices[0]!.threadTs).toBeUndefined();

    const ephemeral = slack.callsOf('chat.postEphemeral');
    expect(ephemeral).toHaveLength(1);
    expect(ephemeral[0]!.token).toBe(BOT_TOKEN);
    expect(ephemeral[0]!.params).toMatchObject({ channel, user: 'U0ALICE01' });
    expect(String(ephemeral[0]!.params.text)).toContain('4111 **** **** 1111');
    expect(String(ephemeral[0]!.params.text)).not.toContain(CARD);

    expect(blocked!.data).toMatchObject({
      teamId: 'T0001',
      channelId: channel,
      messageTs: ts,
      noticeTs: notices[0]!.ts,
      authorNotified: true,
      slackEventId: envelope.event_id,
    });
  });

  it('is recorded in one stream: the scan (metadata only), the finding (masked) and the block, none holding the number', async () => {
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, text: `card: ${CARD}` });
    await harness.current.enqueue(envelope);
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const ts = envelope.event.ts as string;
    const stream = await harness.current.store.readStream(`message:T0001:${channel}:${ts}`);
    expect(stream.map((e) => e.type)).toEqual(['MessageScanned', 'LeakDetected', 'MessageBlocked']);
    const [scanned] = eventsOf(stream, 'MessageScanned');
    expect(scanned!.data).toMatchObject({ findingsCount: 1, messageTs: ts, slackEventId: envelope.event_id });
    expect(Object.keys(scanned!.data)).not.toContain('text');
    const [leak] = eventsOf(stream, 'LeakDetected');
    expect(leak!.data).toMatchObject({
      source: 'MESSAGE',
      patternId: 'card-visa',
      patternRevision: 1,
      maskedMatch: '4111 **** **** 1111',
      redactedContent: 'card: 4111 **** **** 1111',
      contentPart: 'text',
      slackEventId: envelope.event_id,
    });
    expect(leak!.data.rawContent).toBeUndefined();
    expect(JSON.stringify(stream)).not.toContain(CARD);
    expect(JSON.stringify(stream)).not.toContain('4111111111111111');
  });
});

describe('a thread reply with a card number', () => {
  it('is blocked with the notice in the same thread', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const parent = '1700000100.000100';
    await harness.current.enqueue(messageEvent({ channel, threadTs: parent, text: `${CARD} is the card` }));
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const notice = slack.posted.find((m) => m.channel === channel);
    expect(notice?.threadTs).toBe(parent);
    expect(slack.callsOf('chat.postEphemeral')[0]!.params.thread_ts).toBe(parent);
  });
});

describe('an edit that adds a card number', () => {
  it('is a leak: the edited message is deleted', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const ts = '1700000200.000100';
    const envelope = messageChangedEvent({
      channel,
      ts,
      previousText: 'let me look up the card',
      text: `found it: ${CARD}`,
    });
    await harness.current.enqueue(envelope);
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked!.data).toMatchObject({ messageTs: ts });
    expect(slack.callsOf('chat.delete')[0]!.params).toMatchObject({ channel, ts });
    const [scanned] = await harness.current.waitFor('MessageScanned', (e) => e.data.channelId === channel);
    expect(scanned!.data).toMatchObject({ edited: true });
  });
});

describe('a clean message', () => {
  it('is recorded as scanned with no findings, and nothing is done in Slack', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: 'lunch at noon? the usual place' }));
    const [scanned] = await harness.current.waitFor('MessageScanned', (e) => e.data.channelId === channel);
    expect(scanned!.data).toMatchObject({ findingsCount: 0, contentLength: 30 });
    expect(scanned!.data.patternSetVersion).toBeGreaterThan(0);
    expect(slack.callsOf('chat.delete')).toHaveLength(0);
    expect(slack.posted).toHaveLength(0);
  });
});
