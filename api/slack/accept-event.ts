import type { ScanTask } from '../../schema/tasks/scan-task';
import type { Logger } from '../../schema/observability/logger';
import type { Metrics } from '../../schema/observability/metrics';
import { normaliseEvent, type BotIdentity } from './normalise-event';
import type { RecentEventIds } from './recent-event-ids';

/** What the event listeners need: everything between a verified Slack event and the scan queue. */
export interface EventIntake {
  isChannelMonitored(teamId: string, channelId: string): Promise<boolean>;
  enqueue(tasks: readonly ScanTask[]): Promise<void>;
  recent: RecentEventIds;
  logger: Logger;
  metrics: Metrics;
  now?: () => number;
}

export type IntakeOutcome =
  | 'queued'
  | 'duplicate'
  | 'unmonitored'
  | 'own_bot'
  | 'non_content_subtype'
  | 'unchanged_edit'
  | 'empty'
  | 'unsupported_event'
  | 'malformed';

/** Raised when the task could not be queued: Bolt then answers 500 and Slack delivers the event again. */
export class IntakeQueueError extends Error {
  override name = 'IntakeQueueError';
}

/**
 * Decides what one verified event becomes and queues it: normalised into scan tasks, dropped when it is ours,
 * not content, in a channel that is not monitored, or a retry of an event already queued.
 * @example await acceptEvent(body, { botId: 'B1', botUserId: 'U1' }, 1, intake) → 'duplicate'
 */
export async function acceptEvent(
  body: unknown,
  self: BotIdentity,
  retryNum: number | undefined,
  intake: EventIntake,
): Promise<IntakeOutcome> {
  const eventType = eventTypeOf(body);
  const outcome = await decide(body, self, intake);
  intake.metrics.slackEvents.inc({ type: eventType, outcome });
  if (outcome === 'duplicate') {
    intake.logger.debug({ eventType, retryNum: retryNum ?? 0 }, 'Slack event already queued; dropped');
  }
  return outcome;
}

async function decide(body: unknown, self: BotIdentity, intake: EventIntake): Promise<IntakeOutcome> {
  const normalised = normaliseEvent(body, self, (intake.now ?? Date.now)());
  if ('ignored' in normalised) return normalised.ignored;
  const { tasks, teamId, channelId } = normalised;
  if (channelId !== undefined && !(await intake.isChannelMonitored(teamId, channelId))) return 'unmonitored';
  const eventId = tasks[0]!.eventId;
  try {
    const queued = await intake.recent.once(eventId, () => intake.enqueue(tasks));
    return queued ? 'queued' : 'duplicate';
  } catch (error) {
    intake.metrics.slackEvents.inc({ type: eventTypeOf(body), outcome: 'queue_failed' });
    intake.logger.error({ error, eventId }, 'queueing a Slack event failed; Slack will deliver it again');
    throw new IntakeQueueError('the scan queue is unavailable');
  }
}

function eventTypeOf(body: unknown): string {
  const event = typeof body === 'object' && body !== null ? (body as { event?: unknown }).event : undefined;
  if (typeof event !== 'object' || event === null) return 'unknown';
  const { type, subtype } = event as { type?: unknown; subtype?: unknown };
  const name = typeof type === 'string' ? type : 'unknown';
  // Subtypes are a fixed vocabulary of Slack's, so the label stays bounded; anything odd is folded into one value.
  return typeof subtype === 'string' && /^[a-z_]{1,40}$/.test(subtype) ? `${name}.${subtype}` : name;
}
