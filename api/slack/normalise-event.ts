import { z } from 'zod';
import {
  CHANNEL_TYPES,
  type FileScanTask,
  type MessageScanTask,
  type ScanTask,
} from '../../schema/tasks/scan-task';
import { attachmentTexts, blocksText } from './message-text';

/** Who "we" are in Slack, so our own notices and reposts are never scanned (no loops). */
export interface BotIdentity {
  botId?: string;
  botUserId?: string;
}

/** Why an event did not become a task; also the `outcome` label of the ingress metric. */
export type IgnoreReason =
  'own_bot' | 'non_content_subtype' | 'unchanged_edit' | 'empty' | 'unsupported_event' | 'malformed';

export type Normalised =
  { tasks: ScanTask[]; teamId: string; channelId: string | undefined } | { ignored: IgnoreReason };

/**
 * Message subtypes that carry content somebody wrote. Everything else (joins, leaves, topic changes, deletions,
 * pins, replies bookkeeping, tombstones…) is not scanned.
 */
const CONTENT_SUBTYPES = new Set([
  'file_share',
  'thread_broadcast',
  'bot_message',
  'me_message',
  'message_changed',
]);

const id = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/);
const ts = z.string().regex(/^\d{1,12}\.\d{1,6}$/);

const innerMessage = z.looseObject({
  user: id.optional(),
  bot_id: id.optional(),
  text: z.string().optional(),
  ts,
  thread_ts: ts.optional(),
  attachments: z.unknown().optional(),
  blocks: z.unknown().optional(),
  files: z.array(z.looseObject({ id })).optional(),
});

const messageEvent = z.looseObject({
  type: z.literal('message'),
  subtype: z.string().optional(),
  channel: id,
  channel_type: z.string().optional(),
  user: id.optional(),
  bot_id: id.optional(),
  text: z.string().optional(),
  ts,
  thread_ts: ts.optional(),
  attachments: z.unknown().optional(),
  blocks: z.unknown().optional(),
  files: z.array(z.looseObject({ id })).optional(),
  message: innerMessage.optional(),
  previous_message: z.looseObject({ text: z.string().optional() }).optional(),
});

const fileSharedEvent = z.looseObject({
  type: z.literal('file_shared'),
  file_id: id,
  user_id: id.optional(),
  channel_id: id.optional(),
});

const envelope = z.looseObject({
  type: z.literal('event_callback'),
  team_id: id,
  event_id: z.string().min(1).max(100),
  event_time: z.number().int().optional(),
  event: z.looseObject({ type: z.string() }),
});

/**
 * Turns one Events API envelope into the scan tasks it calls for, or says why there are none. Pure: the
 * listener adds the channel-monitoring check and the queueing.
 * @example normaliseEvent(body, { botId: 'B1', botUserId: 'U1' }, Date.now())
 *   → { tasks: [{ v: 1, kind: 'message', … }], teamId: 'T1', channelId: 'C1' }
 */
export function normaliseEvent(body: unknown, self: BotIdentity, receivedAt: number): Normalised {
  const parsedEnvelope = envelope.safeParse(body);
  if (!parsedEnvelope.success) return { ignored: 'malformed' };
  const { team_id: teamId, event_id: eventId, event_time: eventTime, event } = parsedEnvelope.data;
  const base = {
    v: 1 as const,
    eventId,
    teamId,
    receivedAt,
    ...(eventTime !== undefined ? { eventTime } : {}),
  };

  if (event.type === 'file_shared') {
    const parsed = fileSharedEvent.safeParse(event);
    if (!parsed.success) return { ignored: 'malformed' };
    const shared = parsed.data;
    if (self.botUserId !== undefined && shared.user_id === self.botUserId) return { ignored: 'own_bot' };
    const task: FileScanTask = {
      ...base,
      kind: 'file',
      fileId: shared.file_id,
      ...(shared.channel_id ? { channelId: shared.channel_id } : {}),
      ...(shared.user_id ? { userId: shared.user_id } : {}),
    };
    return { tasks: [task], teamId, channelId: shared.channel_id };
  }
  if (event.type !== 'message') return { ignored: 'unsupported_event' };

  const parsed = messageEvent.safeParse(event);
  if (!parsed.success) return { ignored: 'malformed' };
  const message = parsed.data;
  if (message.subtype !== undefined && !CONTENT_SUBTYPES.has(message.subtype)) {
    return { ignored: 'non_content_subtype' };
  }
  const channelType = (CHANNEL_TYPES as readonly string[]).includes(message.channel_type ?? '')
    ? (message.channel_type as MessageScanTask['channelType'])
    : undefined;

  const edited = message.subtype === 'message_changed';
  const current = edited ? message.message : message;
  if (!current) return { ignored: 'malformed' };
  if (isOwn(current, self)) return { ignored: 'own_bot' };
  // An edit is scanned when its text changed: link unfurls and reaction bookkeeping also arrive as
  // message_changed, and rescanning those would act twice on one leak.
  if (edited && (current.text ?? '') === (message.previous_message?.text ?? '')) {
    return { ignored: 'unchanged_edit' };
  }

  const threadTs =
    current.thread_ts !== undefined && current.thread_ts !== current.ts ? current.thread_ts : undefined;
  const where = {
    channelId: message.channel,
    ...(channelType ? { channelType } : {}),
    ...(current.user ? { userId: current.user } : {}),
    ...(threadTs ? { threadTs } : {}),
  };
  const tasks: ScanTask[] = [];
  const text = current.text ?? '';
  const attachments = attachmentTexts(current.attachments);
  const blocks = blocksText(current.blocks);
  if (text.trim() !== '' || attachments.length > 0 || blocks.trim() !== '') {
    tasks.push({
      ...base,
      kind: 'message',
      ...where,
      ...(current.bot_id ? { botId: current.bot_id } : {}),
      ts: current.ts,
      edited,
      text,
      attachments,
      blocks,
    });
  }
  // Files shared with a message are scanned as files; an edit does not re-share them.
  if (!edited) {
    for (const file of current.files ?? []) {
      tasks.push({ ...base, kind: 'file', fileId: file.id, ...where, messageTs: current.ts });
    }
  }
  if (tasks.length === 0) return { ignored: 'empty' };
  return { tasks, teamId, channelId: message.channel };
}

function isOwn(message: { user?: string; bot_id?: string }, self: BotIdentity): boolean {
  return (
    (self.botId !== undefined && message.bot_id === self.botId) ||
    (self.botUserId !== undefined && message.user === self.botUserId)
  );
}
