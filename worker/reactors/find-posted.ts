import { callAsBot, NOTICE_METADATA_TYPE, type ReactorContext } from './reactor-context';

interface HistoryMessage {
  ts?: string;
  metadata?: { event_type?: string; event_payload?: { effect_id?: unknown } };
}

/**
 * Looks for a message the bot posted for `effectId` (tagged with Slack message metadata), for an effect whose
 * worker died mid-call: found means it reached Slack and must not be posted again.
 * @returns the message's ts, null when it is not there, or 'unknown' when Slack could not be asked.
 */
export async function findPosted(
  context: ReactorContext,
  where: { channelId: string; threadTs?: string },
  effectId: string,
): Promise<string | null | 'unknown'> {
  const result = where.threadTs
    ? await callAsBot<{ messages?: HistoryMessage[] }>(context, 'conversations.replies', {
        channel: where.channelId,
        ts: where.threadTs,
        include_all_metadata: true,
        limit: 200,
      })
    : await callAsBot<{ messages?: HistoryMessage[] }>(context, 'conversations.history', {
        channel: where.channelId,
        include_all_metadata: true,
        limit: 200,
      });
  if (!result.ok) return 'unknown';
  const found = (result.messages ?? []).find(
    (message) =>
      message.metadata?.event_type === NOTICE_METADATA_TYPE &&
      message.metadata.event_payload?.effect_id === effectId,
  );
  return found?.ts ?? null;
}

/** The metadata to post with, so findPosted can recognise the message. */
export function effectMetadata(effectId: string): Record<string, unknown> {
  return { event_type: NOTICE_METADATA_TYPE, event_payload: { effect_id: effectId } };
}
