import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { decryptContent, keyringOf, parseEncryptionKey } from '../../../schema/crypto/content-encryption';
import type { ScanWorker } from '../../../worker/scan-worker';
import { messageEvent } from '../../fakes/slack-events';
import { ADMIN_TOKEN, eventsOf, uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const KEY = 'a1'.repeat(32);
const CARD = '4111 1111 1111 1111';

beforeEach(() => harness.current.slack.reset());

describe('with raw content kept (LEAKSHIELD_STORE_RAW_CONTENT=true)', () => {
  let worker: ScanWorker;
  beforeAll(() => {
    worker = harness.current.startWorker({
      settings: { LEAKSHIELD_STORE_RAW_CONTENT: 'true', LEAKSHIELD_ENCRYPTION_KEY: KEY },
    });
  });
  afterAll(() => worker.stop());

  it('seals the original text in the finding, openable only with the key and the finding id', async () => {
    const channel = uniqueChannel();
    const text = `card on file: ${CARD}`;
    await harness.current.enqueue(messageEvent({ channel, text }));
    const [leak] = await harness.current.waitFor('LeakDetected', (e) => e.data.channelId === channel);
    const data = leak!.type === 'LeakDetected' ? leak!.data : null;
    expect(data?.rawContent).toBeDefined();
    expect(JSON.stringify(leak)).not.toContain(CARD);
    const keyring = keyringOf(parseEncryptionKey(KEY));
    expect(decryptContent(data!.rawContent!, keyring, data!.findingId)).toBe(text);
    expect(() => decryptContent(data!.rawContent!, keyring, 'another-finding')).toThrow(
      'could not be opened',
    );
  });
});

describe('by default', () => {
  let worker: ScanWorker;
  beforeAll(() => {
    worker = harness.current.startWorker();
  });
  afterAll(() => worker.stop());

  it('keeps no raw content at all', async () => {
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [leak] = await harness.current.waitFor('LeakDetected', (e) => e.data.channelId === channel);
    expect(leak!.type === 'LeakDetected' && leak!.data.rawContent).toBeUndefined();
  });

  it('drops a queue message that is not a scan task, without retrying it', async () => {
    const { queue, metrics } = harness.current;
    await queue.client.send(
      new SendMessageCommand({ QueueUrl: queue.queueUrl, MessageBody: '{"v":7,"kind":"x"}' }),
    );
    await harness.current.waitForQueueEmpty();
    const invalid = (await metrics.scans.get()).values.find((v) => v.labels.result === 'invalid_task');
    expect(invalid?.value).toBe(1);
  });
});

describe('without a workspace admin token', () => {
  let worker: ScanWorker;
  beforeAll(() => {
    worker = harness.current.startWorker({ settings: { SLACK_WORKSPACE_ACCESS_TOKEN: '' } });
  });
  afterAll(() => worker.stop());

  it('records that the block could not be done, and why', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    const [failed] = await harness.current.waitFor('ActionFailed', (e) => e.data.channelId === channel);
    expect(failed!.data).toMatchObject({ errorCode: 'missing_admin_token', retryable: false });
    expect(slack.callsOf('chat.delete')).toEqual([]);
  });
});

describe('with admin token rotation configured', () => {
  let worker: ScanWorker;
  beforeAll(() => {
    worker = harness.current.startWorker({
      settings: {
        SLACK_WORKSPACE_REFRESH_TOKEN: 'xoxe-1-initial-refresh',
        SLACK_CLIENT_ID: '1234.5678',
        SLACK_CLIENT_SECRET: 'client-secret-for-tests',
        LEAKSHIELD_ENCRYPTION_KEY: KEY,
      },
    });
  });
  afterAll(() => worker.stop());

  it('rotates before first use, deletes with the new token, and stores the pair sealed', async () => {
    const { slack, db } = harness.current;
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const [refresh] = slack.callsOf('oauth.v2.access');
    expect(refresh!.params).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'xoxe-1-initial-refresh',
      client_id: '1234.5678',
    });
    expect(slack.callsOf('chat.delete')[0]!.token).toBe('xoxe.xoxp-1-rotated-1');
    const [rotated] = eventsOf(await harness.current.events(['SlackTokenRotated']), 'SlackTokenRotated');
    expect(rotated!.data).toMatchObject({
      credential: 'workspace_admin',
      generation: 1,
      reason: 'initial',
      teamId: 'T0001',
    });
    expect(JSON.stringify(rotated)).not.toContain('xoxe');
    const rows = await db.superuser((client) => client.query('SELECT * FROM slack_credentials'));
    expect(rows.rows).toHaveLength(1);
    expect(JSON.stringify(rows.rows)).not.toContain('rotated-1');
    expect(JSON.stringify(rows.rows)).not.toContain('xoxe-1-refresh-1');
  });

  it('rotates again when Slack refuses the token, and retries the delete with the new one', async () => {
    const { slack } = harness.current;
    slack.failNext('chat.delete', 'token_expired');
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: `card ${CARD}` }));
    await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    const [refresh] = slack.callsOf('oauth.v2.access');
    // The refresh token Slack handed out with the previous rotation, read back from the sealed store.
    expect(refresh!.params).toMatchObject({ refresh_token: 'xoxe-1-refresh-1' });
    const deletes = slack.callsOf('chat.delete');
    expect(deletes.map((call) => call.token)).toEqual(['xoxe.xoxp-1-rotated-1', 'xoxe.xoxp-1-rotated-2']);
    const rotations = eventsOf(await harness.current.events(['SlackTokenRotated']), 'SlackTokenRotated');
    expect(rotations.map((e) => [e.data.generation, e.data.reason])).toEqual([
      [1, 'initial'],
      [2, 'rejected'],
    ]);
    expect(deletes.every((call) => call.token !== ADMIN_TOKEN)).toBe(true);
  });
});
