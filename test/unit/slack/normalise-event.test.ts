import { normaliseEvent } from '../../../api/slack/normalise-event';
import { eventEnvelope, fileSharedEvent, messageChangedEvent, messageEvent } from '../../fakes/slack-events';

const self = { botId: 'BBOT0001', botUserId: 'UBOT0001' };
const at = 1_700_000_000_000;

describe('a plain channel message', () => {
  it('becomes one message task with its text, author and channel type', () => {
    const envelope = messageEvent({ channel: 'C1', user: 'U1', text: 'hello', ts: '1700000000.000100' });
    const result = normaliseEvent(envelope, self, at);
    expect(result).toEqual({
      teamId: 'T0001',
      channelId: 'C1',
      tasks: [
        {
          v: 1,
          kind: 'message',
          eventId: envelope.event_id,
          teamId: 'T0001',
          eventTime: envelope.event_time,
          receivedAt: at,
          channelId: 'C1',
          channelType: 'channel',
          userId: 'U1',
          ts: '1700000000.000100',
          edited: false,
          text: 'hello',
          attachments: [],
          blocks: '',
        },
      ],
    });
  });
});

describe('a thread reply', () => {
  it('carries the parent ts as threadTs', () => {
    const result = normaliseEvent(messageEvent({ threadTs: '1700000000.000001', text: 'reply' }), self, at);
    expect('tasks' in result && result.tasks[0]).toMatchObject({ threadTs: '1700000000.000001' });
  });
});

describe('attachments and blocks', () => {
  it('are carried as text: attachment fields one per line, rich-text runs joined', () => {
    const envelope = messageEvent({ text: 'see below' });
    Object.assign(envelope.event, {
      attachments: [{ pretext: 'CI output', text: 'token=abc', fields: [{ title: 'env', value: 'prod' }] }],
      blocks: [
        {
          type: 'rich_text',
          elements: [
            {
              type: 'rich_text_section',
              elements: [
                { type: 'text', text: 'ghp_abc', style: { bold: true } },
                { type: 'text', text: 'def' },
                { type: 'link', url: 'https://user:pw@host.example' },
              ],
            },
          ],
        },
        { type: 'section', text: { type: 'mrkdwn', text: 'section text' } },
      ],
    });
    const result = normaliseEvent(envelope, self, at);
    expect('tasks' in result && result.tasks[0]).toMatchObject({
      attachments: ['CI output\ntoken=abc\nenv\nprod'],
      blocks: 'ghp_abcdefhttps://user:pw@host.example\nsection text',
    });
  });
});

describe('an edit', () => {
  it('is scanned with its new text when the text changed', () => {
    const envelope = messageChangedEvent({ ts: '1700000000.000200', previousText: 'a', text: 'b' });
    const result = normaliseEvent(envelope, self, at);
    expect('tasks' in result && result.tasks[0]).toMatchObject({
      ts: '1700000000.000200',
      text: 'b',
      edited: true,
    });
  });

  it('is ignored when the text did not change (an unfurl, a reaction)', () => {
    expect(normaliseEvent(messageChangedEvent({ previousText: 'same', text: 'same' }), self, at)).toEqual({
      ignored: 'unchanged_edit',
    });
  });

  it('is ignored when it is our own message being edited', () => {
    const envelope = messageChangedEvent({ previousText: 'a', text: 'b' });
    (envelope.event.message as Record<string, unknown>).bot_id = 'BBOT0001';
    expect(normaliseEvent(envelope, self, at)).toEqual({ ignored: 'own_bot' });
  });
});

describe('messages LeakShield does not scan', () => {
  it.each([
    ['our bot', messageEvent({ botId: 'BBOT0001', subtype: 'bot_message', text: 'notice' }), 'own_bot'],
    ['our bot user', messageEvent({ user: 'UBOT0001', text: 'notice' }), 'own_bot'],
    ['a join', messageEvent({ subtype: 'channel_join', text: 'joined' }), 'non_content_subtype'],
    ['a leave', messageEvent({ subtype: 'channel_leave', text: 'left' }), 'non_content_subtype'],
    ['a deletion', messageEvent({ subtype: 'message_deleted', text: '' }), 'non_content_subtype'],
    ['an empty message', messageEvent({ text: '   ' }), 'empty'],
    ['a reaction', eventEnvelope({ type: 'reaction_added' }), 'unsupported_event'],
    ['something else', { type: 'event_callback' }, 'malformed'],
  ])('ignores %s', (_name, envelope, reason) => {
    expect(normaliseEvent(envelope, self, at)).toEqual({ ignored: reason });
  });

  it('still scans another app’s messages: a CI bot can leak a token too', () => {
    const result = normaliseEvent(
      messageEvent({ botId: 'BOTHER01', subtype: 'bot_message', text: 'x' }),
      self,
      at,
    );
    expect('tasks' in result && result.tasks[0]).toMatchObject({ botId: 'BOTHER01' });
  });
});

describe('files', () => {
  it('a file_share message becomes a message task and one file task per file, placed at the message', () => {
    const envelope = messageEvent({
      channel: 'C1',
      subtype: 'file_share',
      text: 'the report',
      ts: '1700000000.000300',
      threadTs: '1700000000.000001',
      files: [{ id: 'F1' }, { id: 'F2' }],
    });
    const result = normaliseEvent(envelope, self, at);
    expect('tasks' in result && result.tasks.map((t) => t.kind)).toEqual(['message', 'file', 'file']);
    expect('tasks' in result && result.tasks[1]).toMatchObject({
      kind: 'file',
      fileId: 'F1',
      channelId: 'C1',
      messageTs: '1700000000.000300',
      threadTs: '1700000000.000001',
    });
  });

  it('file_shared becomes a file task', () => {
    const result = normaliseEvent(fileSharedEvent({ fileId: 'F9', channel: 'C2', user: 'U2' }), self, at);
    expect(result).toMatchObject({
      channelId: 'C2',
      tasks: [{ kind: 'file', fileId: 'F9', channelId: 'C2', userId: 'U2' }],
    });
  });

  it('file_shared by our own bot is ignored', () => {
    expect(normaliseEvent(fileSharedEvent({ fileId: 'F9', user: 'UBOT0001' }), self, at)).toEqual({
      ignored: 'own_bot',
    });
  });
});
