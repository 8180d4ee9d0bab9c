import type { App } from '@slack/bolt';
import { acceptEvent, type EventIntake } from '../../accept-event';

/** `file_shared`: a file appeared in a conversation. The worker fetches and scans it by id. */
export function registerFileShared(app: App, intake: EventIntake): void {
  app.event('file_shared', async ({ body, context }) => {
    await acceptEvent(body, { botId: context.botId, botUserId: context.botUserId }, context.retryNum, intake);
  });
}
