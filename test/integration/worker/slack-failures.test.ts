import { messageEvent } from '../../fakes/slack-events';
import { eventsOf, uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const CARD = '4111 1111 1111 1111';

beforeAll(() => {
  harness.current.startWorker();
});

beforeEach(() => harness.current.slack.reset());

async function detection(findingId: string): Promise<{ status: string; last_error: string | null }> {
  const rows = await harness.current.db.orm.em
    .fork()
    .getConnection()
    .execute<{ status: string; last_error: string | null }[]>(
      'SELECT status, last_error FROM detections WHERE finding_id = ?',
      [findingId],
    );
  return rows[0]!;
}

describe('Slack answering 429 to the delete, then succeeding', () => {
  it('waits out Retry-After and blocks the message once, with no failure recorded', async () => {
    const { slack } = harness.current;
    slack.rateLimitNext('chat.delete', 1, 1);
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(slack.callsOf('chat.delete')).toHaveLength(2);
    expect(slack.deletedMessages.size).toBe(1);
    const failures = eventsOf(await harness.current.events(['ActionFailed']), 'ActionFailed');
    expect(failures.filter((e) => e.data.channelId === channel)).toEqual([]);
  });
});

describe('Slack answering cant_delete_message', () => {
  it('records ActionFailed with Slack’s error code, posts no notice, and leaves the detection unresolved', async () => {
    const { slack } = harness.current;
    slack.failNext('chat.delete', 'cant_delete_message');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [failed] = await harness.current.waitFor('ActionFailed', (e) => e.data.channelId === channel);
    expect(failed!.data).toMatchObject({
      action: 'BLOCK',
      errorCode: 'cant_delete_message',
      retryable: false,
      attempt: 1,
    });
    expect(failed!.data.message).toContain('admin user token');
    expect(slack.posted.filter((m) => m.channel === channel)).toEqual([]);
    expect(await detection(failed!.data.findingIds[0]!)).toEqual({
      status: 'ACTION_FAILED',
      last_error: 'BLOCK failed: cant_delete_message',
    });
    // Final: a redelivery of the same task acts no more.
    const blocked = await harness.current.events(['MessageBlocked']);
    expect(blocked.filter((e) => e.type === 'MessageBlocked' && e.data.channelId === channel)).toEqual([]);
  });
});

describe('a message already gone when the worker deletes it', () => {
  it('records ActionFailed message_not_found', async () => {
    const { slack } = harness.current;
    slack.failNext('chat.delete', 'message_not_found');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [failed] = await harness.current.waitFor('ActionFailed', (e) => e.data.channelId === channel);
    expect(failed!.data).toMatchObject({ errorCode: 'message_not_found', retryable: false });
  });
});

describe('Slack rate-limiting the delete past the retries', () => {
  it('records a retryable ActionFailed, retries the task later, and then blocks the message', async () => {
    const { slack } = harness.current;
    // Four 429s in a row: three are sat out within the attempt, the fourth ends it.
    slack.rateLimitNext('chat.delete', 4, 1);
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const failures = eventsOf(await harness.current.events(['ActionFailed']), 'ActionFailed').filter(
      (e) => e.data.channelId === channel,
    );
    expect(failures.map((e) => [e.data.errorCode, e.data.retryable, e.data.attempt])).toEqual([
      ['ratelimited', true, 1],
    ]);
    expect(failures[0]!.position).toBeLessThan(blocked!.position);
    expect(slack.deletedMessages.size).toBe(1);
    expect(await detection(failures[0]!.data.findingIds[0]!)).toMatchObject({ status: 'ACTIONED' });
  }, 40_000);
});

describe('a notice the bot cannot post', () => {
  it('still blocks the message, and records the notice failure beside it', async () => {
    const { slack } = harness.current;
    slack.failNext('chat.postMessage', 'not_in_channel');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked!.data.noticeTs).toBeUndefined();
    expect(blocked!.data.authorNotified).toBe(true);
    const [failed] = await harness.current.waitFor('ActionFailed', (e) => e.data.channelId === channel);
    expect(failed!.data).toMatchObject({ action: 'NOTIFY', errorCode: 'not_in_channel', retryable: false });
    expect(await detection(failed!.data.findingIds[0]!)).toMatchObject({ status: 'ACTIONED' });
  });
});

describe('an author an ephemeral message cannot reach', () => {
  it('is told in a direct message instead', async () => {
    const { slack } = harness.current;
    slack.failNext('chat.postEphemeral', 'user_not_in_channel');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, user: 'U0BOB0001', text: `card ${CARD}` }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked!.data.authorNotified).toBe(true);
    expect(slack.callsOf('conversations.open')[0]!.params).toMatchObject({ users: 'U0BOB0001' });
    const dm = slack.posted.find((m) => m.channel === 'DU0BOB0001');
    expect(dm?.text).toContain('4111 **** **** 1111');
    expect(dm?.text).not.toContain(CARD);
  });
});

describe('a card number in a direct message between two people', () => {
  it('is deleted and its author told in private; no notice is attempted where the bot is not a member', async () => {
    const { slack } = harness.current;
    const channel = `D${uniqueChannel().slice(1)}`;
    await harness.current.enqueue(messageEvent({ channel, channelType: 'im', text: `card ${CARD}` }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked!.data.noticeTs).toBeUndefined();
    expect(slack.posted.filter((m) => m.channel === channel)).toEqual([]);
    expect(slack.callsOf('chat.postEphemeral')).toHaveLength(1);
  });
});

describe('a delete Slack carried out but whose answer was lost (HTTP 500)', () => {
  it('is not mistaken for a failure on the retry: the message is blocked, once', async () => {
    const { slack } = harness.current;
    slack.serverErrorAfterApplyingNext('chat.delete');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(slack.deletedMessages.size).toBe(1);
    expect(slack.callsOf('chat.delete').map((call) => call.token)).toHaveLength(2);
    const failures = eventsOf(await harness.current.events(['ActionFailed']), 'ActionFailed').filter(
      (e) => e.data.channelId === channel,
    );
    expect(failures.map((e) => [e.data.errorCode, e.data.retryable])).toEqual([['http_500', true]]);
  }, 30_000);
});

describe('a notice post whose answer was lost (HTTP 500)', () => {
  it('is found in the channel on the retry and not posted again', async () => {
    const { slack } = harness.current;
    slack.serverErrorAfterApplyingNext('chat.postMessage');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const notices = slack.posted.filter((m) => m.channel === channel);
    expect(notices).toHaveLength(1);
    expect(blocked!.data.noticeTs).toBe(notices[0]!.ts);
    expect(slack.callsOf('chat.delete')).toHaveLength(1);
  }, 30_000);
});
