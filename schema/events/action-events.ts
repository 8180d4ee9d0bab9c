import { z } from 'zod';
import { errorCode, errorMessage, messageTs, slackEventId, slackId } from './common';
import { defineEvent } from './define-event';

const findingIds = z.array(z.uuid()).max(10_000);

export const MessageBlocked = defineEvent(
  'MessageBlocked',
  z.strictObject({
    teamId: slackId,
    channelId: slackId,
    messageTs,
    findingIds: findingIds.min(1),
    /** The bot's notice left where the message was. */
    noticeTs: messageTs.optional(),
    authorNotified: z.boolean(),
    threadTs: messageTs.optional(),
    slackEventId: slackEventId.optional(),
  }),
);

export const MessageRedacted = defineEvent(
  'MessageRedacted',
  z.strictObject({
    teamId: slackId,
    channelId: slackId,
    messageTs,
    findingIds: findingIds.min(1),
    threadTs: messageTs.optional(),
    /** The masked copy posted in the original's place. */
    repostTs: messageTs.optional(),
    slackEventId: slackEventId.optional(),
  }),
);

export const FileBlocked = defineEvent(
  'FileBlocked',
  z.strictObject({
    teamId: slackId,
    channelId: slackId.optional(),
    fileId: slackId,
    findingIds: findingIds.min(1),
    noticeTs: messageTs.optional(),
    authorNotified: z.boolean().optional(),
    messageTs: messageTs.optional(),
    threadTs: messageTs.optional(),
    slackEventId: slackEventId.optional(),
  }),
);

export const AlertSent = defineEvent(
  'AlertSent',
  z.strictObject({
    teamId: slackId,
    findingIds: findingIds.min(1),
    alertChannelId: slackId,
    alertTs: messageTs.optional(),
    /** What the alert is about, so it can be followed like the other outcomes. */
    channelId: slackId.optional(),
    messageTs: messageTs.optional(),
    fileId: slackId.optional(),
    slackEventId: slackEventId.optional(),
  }),
);

export const ActionFailed = defineEvent(
  'ActionFailed',
  z.strictObject({
    teamId: slackId,
    action: z.enum(['BLOCK', 'REDACT', 'ALERT', 'NOTIFY']),
    findingIds,
    channelId: slackId.optional(),
    messageTs: messageTs.optional(),
    fileId: slackId.optional(),
    errorCode,
    message: errorMessage,
    attempt: z.number().int().min(1).max(1_000),
    retryable: z.boolean(),
    threadTs: messageTs.optional(),
    slackEventId: slackEventId.optional(),
  }),
);
