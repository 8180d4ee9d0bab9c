import { webApi } from '@slack/bolt';
import type { BotIdentity } from './normalise-event';

/**
 * Our bot's ids, asked of Slack once (auth.test at SLACK_API_URL) and remembered. A failure is not remembered:
 * the next event asks again, so a Slack hiccup at start-up does not leave the ingress blind to its own messages.
 * @example const identity = botIdentity(client, token); const { botId, botUserId } = await identity();
 */
export function botIdentity(client: webApi.WebClient, token: string): () => Promise<BotIdentity> {
  let known: Promise<BotIdentity> | null = null;
  return () => {
    known ??= client.auth.test({ token }).then(
      (result) => ({
        ...(typeof result.bot_id === 'string' ? { botId: result.bot_id } : {}),
        ...(typeof result.user_id === 'string' ? { botUserId: result.user_id } : {}),
      }),
      (error: unknown) => {
        known = null;
        throw error;
      },
    );
    return known;
  };
}
