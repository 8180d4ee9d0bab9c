import type { EffectOutcome, EffectRun } from './effect-journal';
import { redactedRepost } from './notice-text';
import { postTagged } from './post-tagged';
import type { ReactorContext } from './reactor-context';

/** Posts the masked copy of a redacted message where it was, credited to its author. */
export async function repostRedacted(
  context: ReactorContext,
  target: { channelId: string; threadTs?: string; userId?: string; redactedText: string; effectId: string },
  run: EffectRun,
): Promise<EffectOutcome> {
  return postTagged(
    context,
    {
      channelId: target.channelId,
      ...(target.threadTs ? { threadTs: target.threadTs } : {}),
      text: redactedRepost(target.userId, target.redactedText),
      effectId: target.effectId,
    },
    run,
  );
}
