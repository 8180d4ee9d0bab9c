import type { EventData } from '../../schema/events/registry';
import type { NewEvent } from '../../schema/store/types';
import { redactText } from '../dlp/redact';
import type { Action, Finding } from '../dlp/types';
import { alertAdmins } from '../reactors/alert-admins.reactor';
import { deleteFile } from '../reactors/delete-file.reactor';
import { deleteMessage } from '../reactors/delete-message.reactor';
import type { EffectOutcome, EffectRun } from '../reactors/effect-journal';
import { authorNote, kindsOf } from '../reactors/notice-text';
import { notifyAuthor } from '../reactors/notify-author.reactor';
import { postBlockNotice } from '../reactors/post-notice.reactor';
import { repostRedacted } from '../reactors/repost-redacted.reactor';
import { RetryLaterError, type Attempt, type PipelineContext } from './context';
import type { WorkIds } from './event-ids';
import { strictestAction, type RecordedLeak } from './findings';

/** What a message or file is, for acting on it. */
export interface ActTarget {
  kind: 'message' | 'file';
  teamId: string;
  slackEventId: string;
  channelId: string | undefined;
  channelType: string | undefined;
  userId: string | undefined;
  /** The message (for a file: the message it was shared with, when known). */
  messageTs: string | undefined;
  threadTs: string | undefined;
  fileId?: string;
  fileName?: string;
  filePermalink?: string;
  /** For REDACT: the message text the recorded findings' offsets refer to. */
  text?: string;
}

type ActionName = EventData<'ActionFailed'>['action'];

interface Failure {
  action: ActionName;
  step: string;
  code: string;
  retryable: boolean;
}

/**
 * Acts on recorded findings by the strictest action, through the reactors, and returns the events that record
 * what happened: the outcome (MessageBlocked, MessageRedacted, FileBlocked, AlertSent) and an ActionFailed for
 * each Slack failure. A retryable failure with deliveries left records its ActionFailed and asks for a retry
 * (RetryLaterError); the effects that did happen are in the journal and are not repeated.
 */
export async function act(
  target: ActTarget,
  leaks: readonly RecordedLeak[],
  ids: WorkIds,
  attempt: Attempt,
  context: PipelineContext,
): Promise<NewEvent[]> {
  const action = effectiveAction(strictestAction(leaks), target);
  if (action === 'LOG') return [];
  const findingIds = leaks.map((leak) => leak.data.findingId);
  const kinds = kindsOf(leaks.map((leak) => leak.data.patternName));
  const failures: Failure[] = [];
  const perform = async (
    step: string,
    failedAction: ActionName,
    run: (effect: EffectRun) => Promise<EffectOutcome>,
  ): Promise<EffectOutcome> => {
    const outcome = await context.journal.perform(ids.effect(step), ids.key, step, run);
    const label = outcome.ok ? 'ok' : outcome.retryable ? 'retry' : 'failed';
    context.metrics.actions.inc({ action: step, outcome: label });
    if (!outcome.ok)
      failures.push({ action: failedAction, step, code: outcome.code, retryable: outcome.retryable });
    return outcome;
  };
  const where = {
    ...(target.channelId ? { channelId: target.channelId } : {}),
    ...(target.threadTs ? { threadTs: target.threadTs } : {}),
  };
  const common = { teamId: target.teamId, slackEventId: target.slackEventId };
  let outcome: NewEvent | null = null;

  switch (action) {
    case 'BLOCK': {
      const removed =
        target.kind === 'file'
          ? await perform('delete-file', 'BLOCK', (run) =>
              deleteFile(context.reactors, { fileId: target.fileId! }, run),
            )
          : await perform('delete-message', 'BLOCK', (run) =>
              deleteMessage(context.reactors, { channelId: target.channelId!, ts: target.messageTs! }, run),
            );
      if (!removed.ok) break;
      let noticeTs: string | undefined;
      // A bot is not a member of other people's DMs: the author's private note is what tells them there.
      if (target.channelId && !isDirect(target.channelType)) {
        const notice = await perform('notice', 'NOTIFY', (run) =>
          postBlockNotice(
            context.reactors,
            {
              channelId: target.channelId!,
              ...(target.threadTs ? { threadTs: target.threadTs } : {}),
              ...(target.userId ? { userId: target.userId } : {}),
              kinds,
              what: target.kind,
              effectId: ids.effect('notice'),
            },
            run,
          ),
        );
        if (notice.ok) noticeTs = notice.ts;
      }
      let authorNotified = false;
      if (target.userId) {
        const userId = target.userId;
        const note = await perform('notify-author', 'NOTIFY', (run) =>
          notifyAuthor(
            context.reactors,
            {
              userId,
              ...where,
              text: authorNote({
                channelId: target.channelId,
                kinds,
                maskedMatches: leaks.map((leak) => leak.data.maskedMatch),
                what: target.kind,
                ...(target.fileName ? { fileName: target.fileName } : {}),
              }),
            },
            run,
          ),
        );
        authorNotified = note.ok && note.uncertain !== true;
      }
      outcome =
        target.kind === 'file'
          ? {
              id: ids.outcome,
              type: 'FileBlocked',
              data: {
                ...common,
                ...(target.channelId ? { channelId: target.channelId } : {}),
                fileId: target.fileId!,
                findingIds,
                ...(noticeTs ? { noticeTs } : {}),
                authorNotified,
                ...(target.messageTs ? { messageTs: target.messageTs } : {}),
                ...(target.threadTs ? { threadTs: target.threadTs } : {}),
              },
            }
          : {
              id: ids.outcome,
              type: 'MessageBlocked',
              data: {
                ...common,
                channelId: target.channelId!,
                messageTs: target.messageTs!,
                findingIds,
                ...(noticeTs ? { noticeTs } : {}),
                authorNotified,
                ...(target.threadTs ? { threadTs: target.threadTs } : {}),
              },
            };
      break;
    }
    case 'REDACT': {
      const removed = await perform('delete-message', 'REDACT', (run) =>
        deleteMessage(context.reactors, { channelId: target.channelId!, ts: target.messageTs! }, run),
      );
      if (!removed.ok) break;
      const repost = await perform('repost', 'REDACT', (run) =>
        repostRedacted(
          context.reactors,
          {
            channelId: target.channelId!,
            ...(target.threadTs ? { threadTs: target.threadTs } : {}),
            ...(target.userId ? { userId: target.userId } : {}),
            redactedText: redactedMessageText(target.text ?? '', leaks),
            effectId: ids.effect('repost'),
          },
          run,
        ),
      );
      outcome = {
        id: ids.outcome,
        type: 'MessageRedacted',
        data: {
          ...common,
          channelId: target.channelId!,
          messageTs: target.messageTs!,
          findingIds,
          ...(target.threadTs ? { threadTs: target.threadTs } : {}),
          ...(repost.ok && repost.ts ? { repostTs: repost.ts } : {}),
        },
      };
      break;
    }
    case 'ALERT': {
      const alert = await perform('alert', 'ALERT', (run) =>
        alertAdmins(
          context.reactors,
          {
            adminChannel: context.settings.SLACK_ADMIN_CHANNEL,
            ...(target.channelId ? { channelId: target.channelId } : {}),
            ...(target.messageTs && target.kind === 'message' ? { messageTs: target.messageTs } : {}),
            ...(target.filePermalink ? { filePermalink: target.filePermalink } : {}),
            ...(target.userId ? { userId: target.userId } : {}),
            kinds,
            what: target.kind,
            effectId: ids.effect('alert'),
          },
          run,
        ),
      );
      if (!alert.ok) break;
      outcome = {
        id: ids.outcome,
        type: 'AlertSent',
        data: {
          ...common,
          findingIds,
          alertChannelId: alert.channel ?? context.settings.SLACK_ADMIN_CHANNEL!,
          ...(alert.ts ? { alertTs: alert.ts } : {}),
          ...(target.channelId ? { channelId: target.channelId } : {}),
          ...(target.messageTs ? { messageTs: target.messageTs } : {}),
          ...(target.fileId ? { fileId: target.fileId } : {}),
        },
      };
      break;
    }
    default: {
      const _exhaustive: never = action;
      return _exhaustive;
    }
  }

  const last = attempt.attempt >= attempt.maxAttempts;
  const retryLater = !last && failures.some((failure) => failure.retryable);
  const failed = failures.map((failure): NewEvent => ({
    // A retryable failure is recorded per attempt; a final one once.
    id:
      failure.retryable && !last ? ids.failure(failure.step, attempt.attempt) : ids.failure(failure.step, 0),
    type: 'ActionFailed',
    data: {
      teamId: target.teamId,
      action: failure.action,
      findingIds,
      ...(target.channelId ? { channelId: target.channelId } : {}),
      ...(target.kind === 'message' && target.messageTs ? { messageTs: target.messageTs } : {}),
      ...(target.fileId ? { fileId: target.fileId } : {}),
      ...(target.threadTs ? { threadTs: target.threadTs } : {}),
      errorCode: failure.code,
      message: failureMessage(failure),
      attempt: attempt.attempt,
      retryable: failure.retryable && !last,
      slackEventId: target.slackEventId,
    },
  }));
  if (retryLater) {
    const retryable = failures.filter((failure) => failure.retryable);
    throw new RetryAfterFailures(
      retryable.map((failure) => `${failure.step}: ${failure.code}`).join(', '),
      failed.filter((_, index) => failures[index]!.retryable),
    );
  }
  // Without an outcome the action failed for good: the ActionFailed is the last word about these findings.
  const finalFailure: NewEvent[] = outcome === null ? markFinal(failed, ids.outcome) : failed;
  return outcome ? [outcome, ...finalFailure] : finalFailure;
}

/** Asks for another delivery, carrying the ActionFailed events of this attempt to record first. */
export class RetryAfterFailures extends RetryLaterError {
  override name = 'RetryAfterFailures';
  constructor(
    summary: string,
    readonly events: NewEvent[],
  ) {
    super(`Slack actions will be retried: ${summary}`, 'act', 'slack_retryable');
  }
}

/** The main action's failure doubles as the outcome, so a redelivery finds it and does not act again. */
function markFinal(failed: NewEvent[], outcomeId: string): NewEvent[] {
  return failed.map((event, index) => (index === 0 ? { ...event, id: outcomeId } : event));
}

/** Files cannot be edited in place: a REDACT policy on a file removes it like a BLOCK. */
function effectiveAction(action: Action, target: ActTarget): Action {
  if (target.kind === 'file' && action === 'REDACT') return 'BLOCK';
  return action;
}

function isDirect(channelType: string | undefined): boolean {
  return channelType === 'im' || channelType === 'mpim';
}

/** The message text with every recorded finding in its `text` part masked (offsets are into that part). */
function redactedMessageText(text: string, leaks: readonly RecordedLeak[]): string {
  const findings = leaks
    .filter((leak) => leak.data.contentPart === 'text' && leak.data.location)
    .map((leak): Finding => ({
      patternId: leak.data.patternId,
      patternName: leak.data.patternName,
      severity: leak.data.severity,
      action: leak.data.action,
      confidence: leak.data.confidence,
      start: leak.data.location!.start,
      end: leak.data.location!.end,
      line: leak.data.location!.line,
      column: leak.data.location!.column,
      maskedMatch: leak.data.maskedMatch,
    }));
  return redactText(text, findings);
}

const EXPLANATIONS: Record<string, string> = {
  cant_delete_message:
    'Slack refused to delete the message with this token (it must be a workspace admin user token)',
  cant_delete_file:
    'Slack refused to delete the file with this token (it must be a workspace admin user token)',
  message_not_found: 'the message was already gone',
  file_not_found: 'the file was already gone',
  missing_scope: 'the Slack app lacks a scope this action needs (see slack-app-manifest.yml)',
  missing_admin_token:
    'SLACK_WORKSPACE_ACCESS_TOKEN is not set, and a bot token cannot delete other people’s messages',
  admin_channel_not_configured: 'SLACK_ADMIN_CHANNEL is not set',
  token_expired: 'the token expired',
  token_revoked: 'the token was revoked',
  invalid_auth: 'Slack did not accept the token',
  ratelimited: 'Slack kept answering 429 (rate limited) after the retries',
  not_in_channel: 'the bot is not a member of the conversation',
  channel_not_found: 'the conversation was not found (or the bot cannot see it)',
};

function failureMessage(failure: Failure): string {
  const why = EXPLANATIONS[failure.code] ?? `Slack answered ${failure.code}`;
  return `${failure.step} failed: ${why}${failure.retryable ? '; it will be retried' : ''}`;
}
