import { createHmac, randomUUID } from 'node:crypto';

/**
 * Signs a request body exactly as Slack does (signing secret v0): `v0=` + HMAC-SHA256 of `v0:{timestamp}:{body}`.
 * @example const headers = signSlackRequest(secret, JSON.stringify(envelope));
 */
export function signSlackRequest(
  signingSecret: string,
  body: string,
  timestampSeconds = Math.floor(Date.now() / 1000),
): Record<string, string> {
  const signature = createHmac('sha256', signingSecret)
    .update(`v0:${timestampSeconds}:${body}`)
    .digest('hex');
  return {
    'content-type': 'application/json',
    'x-slack-request-timestamp': String(timestampSeconds),
    'x-slack-signature': `v0=${signature}`,
  };
}

export interface MessageEventFields {
  team?: string;
  channel?: string;
  channelType?: 'channel' | 'group' | 'im' | 'mpim';
  user?: string;
  text?: string;
  ts?: string;
  threadTs?: string;
  subtype?: string;
  botId?: string;
  files?: { id: string; name?: string }[];
  eventId?: string;
}

let tsCounter = 0;

/** A fresh message timestamp, unique within the run. */
export function nextTs(): string {
  tsCounter += 1;
  return `${1_700_000_000 + (Math.floor(Date.now() / 1000) % 100_000)}.${String(tsCounter).padStart(6, '0')}`;
}

/** An Events API envelope (event_callback) around one event. */
export function eventEnvelope(
  event: Record<string, unknown>,
  options: { team?: string; eventId?: string } = {},
) {
  return {
    token: 'deprecated-verification-token',
    team_id: options.team ?? 'T0001',
    api_app_id: 'A0LEAKSHIELD',
    event,
    type: 'event_callback',
    event_id: options.eventId ?? `Ev${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`,
    event_time: Math.floor(Date.now() / 1000),
  };
}

/** A `message` event as Slack sends it for a person posting in a channel. */
export function messageEvent(fields: MessageEventFields = {}) {
  const ts = fields.ts ?? nextTs();
  const event: Record<string, unknown> = {
    type: 'message',
    channel: fields.channel ?? 'C0GENERAL',
    channel_type: fields.channelType ?? 'channel',
    user: fields.user ?? 'U0AUTHOR',
    text: fields.text ?? 'hello',
    ts,
    event_ts: ts,
    team: fields.team ?? 'T0001',
  };
  if (fields.threadTs) event.thread_ts = fields.threadTs;
  if (fields.subtype) event.subtype = fields.subtype;
  if (fields.botId) event.bot_id = fields.botId;
  if (fields.files) event.files = fields.files.map((f) => ({ id: f.id, name: f.name ?? f.id }));
  return eventEnvelope(event, { team: fields.team, eventId: fields.eventId });
}

/** A `message_changed` event: the message at `ts` was edited to `text`. */
export function messageChangedEvent(fields: MessageEventFields & { previousText?: string }) {
  const ts = fields.ts ?? nextTs();
  const eventTs = nextTs();
  return eventEnvelope(
    {
      type: 'message',
      subtype: 'message_changed',
      channel: fields.channel ?? 'C0GENERAL',
      channel_type: fields.channelType ?? 'channel',
      hidden: true,
      ts: eventTs,
      event_ts: eventTs,
      message: {
        type: 'message',
        user: fields.user ?? 'U0AUTHOR',
        text: fields.text ?? '',
        ts,
        edited: { user: fields.user ?? 'U0AUTHOR', ts: eventTs },
        ...(fields.threadTs ? { thread_ts: fields.threadTs } : {}),
      },
      previous_message: {
        type: 'message',
        user: fields.user ?? 'U0AUTHOR',
        text: fields.previousText ?? '',
        ts,
      },
    },
    { team: fields.team, eventId: fields.eventId },
  );
}

/** A `file_shared` event. */
export function fileSharedEvent(fields: {
  fileId: string;
  channel?: string;
  user?: string;
  eventId?: string;
}) {
  return eventEnvelope(
    {
      type: 'file_shared',
      file_id: fields.fileId,
      user_id: fields.user ?? 'U0AUTHOR',
      file: { id: fields.fileId },
      channel_id: fields.channel ?? 'C0GENERAL',
      event_ts: nextTs(),
    },
    { eventId: fields.eventId },
  );
}
