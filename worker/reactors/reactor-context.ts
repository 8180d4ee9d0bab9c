import type { AdminTokenSource } from '../slack/admin-token';
import { TOKEN_REJECTED_CODES, type SlackApi, type SlackResult } from '../slack/slack-api';

/**
 * What every reactor needs to reach Slack: the Web API, the bot token (notices, private notes, files) and the
 * workspace admin token (deleting other people's messages and files, which a bot token cannot).
 */
export interface ReactorContext {
  slack: SlackApi;
  botToken: string | undefined;
  adminToken: AdminTokenSource;
}

/** A Slack message metadata type marking what LeakShield posted, so a resumed effect can find its own post. */
export const NOTICE_METADATA_TYPE = 'leakshield_effect';

export async function callAsBot<T extends object = Record<string, unknown>>(
  context: ReactorContext,
  method: string,
  args: Record<string, unknown>,
): Promise<SlackResult<T>> {
  if (!context.botToken) return { ok: false, code: 'missing_bot_token', retryable: false };
  return context.slack.call<T>(method, args, context.botToken);
}

/** Calls with the admin token; when Slack refuses it and rotation is configured, rotates and tries once more. */
export async function callAsAdmin<T extends object = Record<string, unknown>>(
  context: ReactorContext,
  method: string,
  args: Record<string, unknown>,
): Promise<SlackResult<T>> {
  const token = await context.adminToken.current();
  if (!token) return { ok: false, code: 'missing_admin_token', retryable: false };
  const result = await context.slack.call<T>(method, args, token);
  if (result.ok || !TOKEN_REJECTED_CODES.has(result.code)) return result;
  if (!(await context.adminToken.refreshAfterRejection(token))) return result;
  const rotated = await context.adminToken.current();
  return rotated ? context.slack.call<T>(method, args, rotated) : result;
}
