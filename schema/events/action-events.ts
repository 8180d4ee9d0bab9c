import { z } from 'zod';
import { errorCode, errorMessage, messageTs, slackId } from './common';
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
  }),
);

export const MessageRedacted = defineEvent(
  'MessageRedacted',
  z.strictObject({
    teamId: slackId,
    channelId: slackId,
    messageTs,
    findingIds: findingIds.min(1),
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
  }),
);

export const AlertSent = defineEvent(
  'AlertSent',
  z.strictObject({
    teamId: slackId,
    findingIds: findingIds.min(1),
    alertChannelId: slackId,
    alertTs: messageTs.optional(),
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
  }),
);
