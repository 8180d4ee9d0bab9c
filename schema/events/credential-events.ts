import { z } from 'zod';
import { slackId } from './common';
import { defineEvent } from './define-event';

/**
 * A Slack token was rotated (oauth.v2.access with a refresh token). Records when and until when, never the token:
 * the new tokens are stored encrypted outside the log.
 */
export const SlackTokenRotated = defineEvent(
  'SlackTokenRotated',
  z.strictObject({
    /** Which credential: today only the workspace admin user token that deletes messages and files. */
    credential: z.enum(['workspace_admin']),
    teamId: slackId.optional(),
    /** Counts rotations of this credential, from 1. */
    generation: z.number().int().min(1),
    expiresAt: z.iso.datetime(),
    /** `scheduled` ahead of expiry, or `rejected` when Slack refused the old token. */
    reason: z.enum(['scheduled', 'rejected', 'initial']),
  }),
);
