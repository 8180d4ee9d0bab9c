import type { EffectOutcome, EffectRun } from './effect-journal';
import { callAsBot, type ReactorContext } from './reactor-context';

/** Codes that mean "an ephemeral cannot reach this person here", so a DM is tried instead. */
const EPHEMERAL_UNREACHABLE = new Set([
  'user_not_in_channel',
  'channel_not_found',
  'not_in_channel',
  'is_archived',
  'restricted_action',
  'cannot_dm_bot',
]);

/**
 * Tells the author privately: an ephemeral message where they posted, or a DM (conversations.open) when that
 * cannot reach them. Ephemeral messages cannot be looked up afterwards, so a resumed effect (its worker died
 * mid-call) is not sent again: at most one private note, never two.
 */
export async function notifyAuthor(
  context: ReactorContext,
  target: { userId: string; channelId?: string; threadTs?: string; text: string },
  run: EffectRun,
): Promise<EffectOutcome> {
  if (run.resumed) return { ok: true, uncertain: true };
  if (target.channelId) {
    const ephemeral = await callAsBot(context, 'chat.postEphemeral', {
      channel: target.channelId,
      user: target.userId,
      text: target.text,
      ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    });
    if (ephemeral.ok) return { ok: true, via: 'ephemeral' };
    if (!EPHEMERAL_UNREACHABLE.has(ephemeral.code)) return ephemeral;
  }
  const opened = await callAsBot<{ channel?: { id?: string } }>(context, 'conversations.open', {
    users: target.userId,
  });
  if (!opened.ok) return opened;
  const channel = opened.channel?.id;
  if (!channel) return { ok: false, code: 'no_dm_channel', retryable: false };
  const posted = await callAsBot<{ ts?: string }>(context, 'chat.postMessage', {
    channel,
    text: target.text,
  });
  if (!posted.ok) return posted;
  return { ok: true, via: 'dm', channel, ...(posted.ts ? { ts: posted.ts } : {}) };
}
