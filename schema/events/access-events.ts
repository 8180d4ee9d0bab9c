import { z } from 'zod';
import { slackId } from './common';
import { defineEvent } from './define-event';

/** Somebody opened a finding's sealed raw content; who is in the event's metadata.actor. */
export const ContentRevealed = defineEvent(
  'ContentRevealed',
  z.strictObject({
    findingId: z.uuid(),
    teamId: slackId.optional(),
    reason: z.string().trim().min(1).max(500),
  }),
);

/** Only the key's public prefix is recorded; the key itself is shown once and never stored in the log. */
export const ApiKeyCreated = defineEvent(
  'ApiKeyCreated',
  z.strictObject({
    apiKeyId: z.uuid(),
    name: z.string().trim().min(1).max(200),
    keyPrefix: z.string().min(1).max(16),
    scopes: z.array(z.string().min(1).max(100)).max(50),
    expiresAt: z.iso.datetime().optional(),
  }),
);

export const ApiKeyRevoked = defineEvent(
  'ApiKeyRevoked',
  z.strictObject({
    apiKeyId: z.uuid(),
    reason: z.string().max(500).optional(),
  }),
);

export const ChannelMonitoringChanged = defineEvent(
  'ChannelMonitoringChanged',
  z.strictObject({
    teamId: slackId,
    channelId: slackId,
    channelName: z.string().max(200).optional(),
    monitored: z.boolean(),
    reason: z.string().max(500).optional(),
  }),
);
