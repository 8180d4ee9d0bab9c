import type { EffectOutcome, EffectRun } from './effect-journal';
import { effectMetadata, findPosted } from './find-posted';
import { callAsBot, type ReactorContext } from './reactor-context';

/**
 * Posts a message as the bot in a channel (in the thread when there is one), tagged with the effect's id. Used for
 * the block notice, the redacted copy and the admin alert. A resumed effect first looks for its own post.
 */
export async function postTagged(
  context: ReactorContext,
  target: { channelId: string; threadTs?: string; text: string; effectId: string },
  run: EffectRun,
): Promise<EffectOutcome> {
  const where = { channelId: target.channelId, ...(target.threadTs ? { threadTs: target.threadTs } : {}) };
  if (run.resumed) {
    const found = await findPosted(context, where, target.effectId);
    if (found === 'unknown') return { ok: true, uncertain: true };
    if (found !== null) return { ok: true, ts: found, channel: target.channelId };
  }
  const result = await callAsBot<{ ts?: string; channel?: string }>(context, 'chat.postMessage', {
    channel: target.channelId,
    text: target.text,
    ...(target.threadTs ? { thread_ts: target.threadTs } : {}),
    metadata: effectMetadata(target.effectId),
    unfurl_links: false,
    unfurl_media: false,
  });
  if (!result.ok) return result;
  return { ok: true, ...(result.ts ? { ts: result.ts } : {}), channel: result.channel ?? target.channelId };
}
