import { z } from 'zod';

/**
 * The unit of work the Slack ingress puts on the scan queue and the worker takes off it: one Slack message (its
 * text, its attachments' text and its blocks' text) or one file. Versioned (`v`) so a worker of the next release
 * can still read tasks queued by this one; a change of shape is a new version beside this one, never an edit.
 *
 * The message text travels through SQS (encrypted at rest by SQS, deleted once scanned) because re-reading it from
 * Slack would cost a rate-limited call per message; files travel as ids and are downloaded by the worker.
 */
const slackId = z
  .string()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'a Slack id');
const messageTs = z.string().regex(/^\d{1,12}\.\d{1,6}$/, 'a Slack message ts');

/** Largest SQS message body is 256 KiB; tasks are kept under this so the rest of the envelope always fits. */
export const MAX_TASK_BYTES = 240 * 1024;

const taskBase = {
  v: z.literal(1),
  /** Slack's event id (`Ev…`): the key every event id the worker derives for this task starts from. */
  eventId: z.string().min(1).max(100),
  teamId: slackId,
  /** When Slack says the event happened (seconds), if it said. */
  eventTime: z.number().int().min(0).optional(),
  /** When the ingress accepted it (ms since the epoch): for queue-age metrics, never for ids. */
  receivedAt: z.number().int().min(0),
};

export const CHANNEL_TYPES = ['channel', 'group', 'im', 'mpim', 'app_home'] as const;

export const messageScanTaskSchema = z.strictObject({
  ...taskBase,
  kind: z.literal('message'),
  channelId: slackId,
  channelType: z.enum(CHANNEL_TYPES).optional(),
  userId: slackId.optional(),
  /** Set for messages posted by another app (bot_message); our own bot's messages never become tasks. */
  botId: slackId.optional(),
  ts: messageTs,
  /** The thread's parent ts when the message is a reply (or a parent with replies). */
  threadTs: messageTs.optional(),
  /** True when the text is a new version of an existing message (message_changed). */
  edited: z.boolean(),
  text: z.string().max(200_000),
  /** Text of each legacy attachment (pretext, title, text, fields, fallback). */
  attachments: z.array(z.string().max(200_000)).max(100),
  /** Text found in the message's blocks (rich text, sections, context, fields). */
  blocks: z.string().max(200_000),
  /** Some of the extra text was cut to fit the queue's message size. */
  truncated: z.boolean().optional(),
});

export const fileScanTaskSchema = z.strictObject({
  ...taskBase,
  kind: z.literal('file'),
  fileId: slackId,
  channelId: slackId.optional(),
  channelType: z.enum(CHANNEL_TYPES).optional(),
  userId: slackId.optional(),
  /** The message the file was shared with, when the event said (file_share messages do, file_shared does not). */
  messageTs: messageTs.optional(),
  threadTs: messageTs.optional(),
});

export const scanTaskSchema = z.discriminatedUnion('kind', [messageScanTaskSchema, fileScanTaskSchema]);

/**
 * A scan task as it travels on the queue.
 * @example { v: 1, kind: 'message', eventId: 'Ev08MFMKH6', teamId: 'T1', channelId: 'C1', ts: '1700000000.000100',
 *            edited: false, text: 'hello', attachments: [], blocks: '', receivedAt: 1700000000123 }
 */
export type ScanTask = z.infer<typeof scanTaskSchema>;
export type MessageScanTask = z.infer<typeof messageScanTaskSchema>;
export type FileScanTask = z.infer<typeof fileScanTaskSchema>;

export class ScanTaskError extends Error {
  override name = 'ScanTaskError';
}

/**
 * Serialises a task for SQS. A message whose extras (blocks, then attachments) would push the body past
 * MAX_TASK_BYTES has them cut, and is marked `truncated`; the text itself is at most Slack's 40,000 characters.
 */
export function encodeScanTask(task: ScanTask): string {
  // Typed by the caller and validated by the worker when read: no second validation on the ingress's hot path.
  const parsed = task;
  let body = JSON.stringify(parsed);
  if (Buffer.byteLength(body) <= MAX_TASK_BYTES || parsed.kind !== 'message') return body;
  const cut: MessageScanTask = { ...parsed, truncated: true };
  const fits = (): boolean => Buffer.byteLength((body = JSON.stringify(cut))) <= MAX_TASK_BYTES;
  while (!fits()) {
    if (cut.blocks.length > 0) cut.blocks = cut.blocks.slice(0, Math.floor(cut.blocks.length / 2));
    else if (cut.attachments.length > 0) cut.attachments = cut.attachments.slice(0, -1);
    else cut.text = cut.text.slice(0, Math.floor(cut.text.length * 0.75));
  }
  return body;
}

/** Reads a task from a queue body; a clear error (naming fields, never values) when it is not one. */
export function decodeScanTask(body: string): ScanTask {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new ScanTaskError('the task body is not JSON');
  }
  const version = typeof json === 'object' && json !== null ? (json as { v?: unknown }).v : undefined;
  if (version !== 1) {
    throw new ScanTaskError(
      `unknown scan task version ${JSON.stringify(version ?? null)} (this release reads v1)`,
    );
  }
  const parsed = scanTaskSchema.safeParse(json);
  if (!parsed.success) {
    throw new ScanTaskError(
      `the task is not a valid v1 scan task: ${parsed.error.issues
        .map((issue) => `${issue.path.join('.') || '(task)'}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
