import type { App } from '@slack/bolt';
import { acceptEvent, type EventIntake } from '../../accept-event';

/**
 * `message` in public and private channels, DMs and group DMs, thread replies, edits (message_changed) and
 * messages with files (file_share). Bolt has already verified the signature and, with processBeforeResponse,
 * answers Slack once this resolves: after the task is on the queue.
 */
export function registerMessage(app: App, intake: EventIntake): void {
  app.event('message', async ({ body, context }) => {
    await acceptEvent(body, { botId: context.botId, botUserId: context.botUserId }, context.retryNum, intake);
  });
}
