import type { EffectOutcome, EffectRun } from './effect-journal';
import { adminAlert } from './notice-text';
import { postTagged } from './post-tagged';
import { callAsBot, type ReactorContext } from './reactor-context';

/**
 * Posts an alert to the admin channel (SLACK_ADMIN_CHANNEL) with a link to the message or file, which stays
 * where it is.
 */
export async function alertAdmins(
  context: ReactorContext,
  target: {
    adminChannel: string | undefined;
    channelId?: string;
    messageTs?: string;
    filePermalink?: string;
    userId?: string;
    kinds: string;
    what: 'message' | 'file';
    effectId: string;
  },
  run: EffectRun,
): Promise<EffectOutcome> {
  if (!target.adminChannel) return { ok: false, code: 'admin_channel_not_configured', retryable: false };
  let permalink = target.filePermalink;
  if (!permalink && target.channelId && target.messageTs) {
    const link = await callAsBot<{ permalink?: string }>(context, 'chat.getPermalink', {
      channel: target.channelId,
      message_ts: target.messageTs,
    });
    // An alert without a link is still worth sending; a missing link is not a reason to fail it.
    if (link.ok) permalink = link.permalink;
  }
  const text = adminAlert({
    userId: target.userId,
    channelId: target.channelId,
    kinds: target.kinds,
    permalink,
    what: target.what,
  });
  return postTagged(context, { channelId: target.adminChannel, text, effectId: target.effectId }, run);
}
