import type { EffectOutcome, EffectRun } from './effect-journal';
import { callAsAdmin, type ReactorContext } from './reactor-context';

/**
 * Deletes a message with the admin token (chat.delete). When an earlier attempt died mid-call, Slack's
 * `message_not_found` means that attempt got through: done, not failed.
 */
export async function deleteMessage(
  context: ReactorContext,
  target: { channelId: string; ts: string },
  run: EffectRun,
): Promise<EffectOutcome> {
  const result = await callAsAdmin(context, 'chat.delete', { channel: target.channelId, ts: target.ts });
  if (result.ok) return { ok: true };
  if (run.resumed && result.code === 'message_not_found') return { ok: true, uncertain: true };
  return result;
}
