import type { EffectOutcome, EffectRun } from './effect-journal';
import { blockedNotice } from './notice-text';
import { postTagged } from './post-tagged';
import type { ReactorContext } from './reactor-context';

/** The bot's notice where a blocked message or file was: same channel, same thread. Names the kind, never the data. */
export async function postBlockNotice(
  context: ReactorContext,
  target: {
    channelId: string;
    threadTs?: string;
    userId?: string;
    kinds: string;
    what: 'message' | 'file';
    effectId: string;
  },
  run: EffectRun,
): Promise<EffectOutcome> {
  return postTagged(
    context,
    {
      channelId: target.channelId,
      ...(target.threadTs ? { threadTs: target.threadTs } : {}),
      text: blockedNotice(target.userId, target.kinds, target.what),
      effectId: target.effectId,
    },
    run,
  );
}
