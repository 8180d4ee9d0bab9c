import { executePatternCommand } from '../../../schema/patterns/pattern-service';
import { messageEvent } from '../../fakes/slack-events';
import { ADMIN_CHANNEL, eventsOf, uniqueChannel, useSlackHarness } from './harness';

const harness = useSlackHarness();
const admin = { actor: { type: 'api_key' as const, id: 'test-admin' } };

beforeAll(async () => {
  const { store } = harness.current;
  const create = (pattern: Record<string, unknown>) =>
    executePatternCommand(store, { type: 'CreatePattern', pattern }, admin);
  await create({
    id: 'project-code',
    name: 'Project code',
    regex: '\\bPRJ-[0-9]{6}\\b',
    severity: 'MEDIUM',
    action: 'REDACT',
    mask: 'full',
  });
  await create({
    id: 'ticket-ref',
    name: 'Escalation ticket',
    regex: '\\bTCK-[0-9]{5}\\b',
    severity: 'LOW',
    action: 'ALERT',
  });
  await create({
    id: 'lab-host',
    name: 'Lab host name',
    regex: '\\blab-[a-z]{4}\\.corp\\b',
    severity: 'LOW',
    action: 'LOG',
  });
  harness.current.startWorker();
});

beforeEach(() => harness.current.slack.reset());

describe('a message matching a REDACT pattern', () => {
  it('is deleted and posted again with the match masked, credited to its author, in the same thread', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const parent = '1700000400.000100';
    await harness.current.enqueue(
      messageEvent({
        channel,
        user: 'U0DAVE001',
        threadTs: parent,
        text: 'budget line PRJ-123456 is approved',
      }),
    );
    const [redacted] = await harness.current.waitFor('MessageRedacted', (e) => e.data.channelId === channel);
    expect(slack.callsOf('chat.delete')).toHaveLength(1);
    const repost = slack.posted.find((m) => m.channel === channel);
    expect(repost?.threadTs).toBe(parent);
    expect(repost?.text).toContain('<@U0DAVE001> wrote');
    expect(repost?.text).toContain('budget line');
    expect(repost?.text).toContain('is approved');
    expect(repost?.text).not.toContain('123456');
    expect(redacted!.data).toMatchObject({ repostTs: repost!.ts, threadTs: parent });
  });
});

describe('a message matching an ALERT pattern', () => {
  it('stays where it is, and the admin channel gets an alert with a link to it', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    const envelope = messageEvent({ channel, user: 'U0ERIN001', text: 'escalating TCK-54321 to tier 3' });
    await harness.current.enqueue(envelope);
    const [alert] = await harness.current.waitFor('AlertSent', (e) => e.data.channelId === channel);
    expect(slack.callsOf('chat.delete')).toHaveLength(0);
    const posted = slack.posted.find((m) => m.channel === ADMIN_CHANNEL);
    expect(posted?.text).toContain('Escalation ticket');
    expect(posted?.text).toContain(`<#${channel}>`);
    expect(posted?.text).toContain(`https://fake.slack/archives/${channel}/p`);
    expect(posted?.text).not.toContain('54321');
    expect(alert!.data).toMatchObject({
      alertChannelId: ADMIN_CHANNEL,
      alertTs: posted!.ts,
      messageTs: envelope.event.ts,
    });
  });
});

describe('a message matching a LOG pattern', () => {
  it('is only recorded', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: 'logs are on lab-abcd.corp' }));
    const [leak] = await harness.current.waitFor('LeakDetected', (e) => e.data.channelId === channel);
    await harness.current.waitForQueueEmpty();
    expect(leak!.data).toMatchObject({ patternId: 'lab-host', action: 'LOG' });
    expect(slack.calls.filter((call) => call.method !== 'auth.test')).toEqual([]);
    const outcomes = (await harness.current.events()).filter(
      (e) =>
        'channelId' in e.data &&
        e.data.channelId === channel &&
        e.type !== 'LeakDetected' &&
        e.type !== 'MessageScanned',
    );
    expect(outcomes).toEqual([]);
  });
});

describe('a message matching patterns with different actions', () => {
  it('gets the strictest: BLOCK over ALERT', async () => {
    const { slack } = harness.current;
    const channel = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel, text: 'TCK-11111: card 4111 1111 1111 1111' }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === channel);
    expect(blocked!.type === 'MessageBlocked' && blocked!.data.findingIds).toHaveLength(2);
    expect(slack.posted.filter((m) => m.channel === ADMIN_CHANNEL)).toEqual([]);
    const notice = slack.posted.find((m) => m.channel === channel);
    expect(notice?.text).toMatch(
      /Escalation ticket and Visa card number|Visa card number and Escalation ticket/,
    );
  });
});

describe('a pattern added, then disabled, while the worker runs', () => {
  it('is used from the next message on, and stops being used once disabled', async () => {
    const { store } = harness.current;
    await executePatternCommand(
      store,
      {
        type: 'CreatePattern',
        pattern: {
          id: 'codename',
          name: 'Project codename',
          regex: '\\bBLUEBIRD\\b',
          severity: 'HIGH',
          action: 'BLOCK',
        },
      },
      admin,
    );
    const first = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel: first, text: 'BLUEBIRD ships friday' }));
    const [blocked] = await harness.current.waitFor('MessageBlocked', (e) => e.data.channelId === first);
    expect(blocked).toBeDefined();

    await executePatternCommand(store, { type: 'DisablePattern', patternId: 'codename' }, admin);
    const second = uniqueChannel();
    await harness.current.enqueue(messageEvent({ channel: second, text: 'BLUEBIRD ships friday' }));
    const [scanned] = await harness.current.waitFor('MessageScanned', (e) => e.data.channelId === second);
    const [firstScan] = eventsOf(await harness.current.events(['MessageScanned']), 'MessageScanned').filter(
      (e) => e.data.channelId === first,
    );
    expect(scanned!.type === 'MessageScanned' && scanned!.data.findingsCount).toBe(0);
    expect(scanned!.type === 'MessageScanned' && scanned!.data.patternSetVersion).toBeGreaterThan(
      firstScan!.data.patternSetVersion,
    );
  });
});
