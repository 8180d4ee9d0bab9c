import { SYSTEM_ACTOR, type EventMetadata } from '../../schema/events/metadata';
import { IdempotencyConflictError } from '../../schema/store/errors';
import type { NewEvent, StoredEvent } from '../../schema/store/types';
import type { FileScanTask, MessageScanTask, ScanTask } from '../../schema/tasks/scan-task';
import type { LoadedPatternSet } from '../patterns/active-pattern-set';
import { act, RetryAfterFailures, type ActTarget } from './act';
import { RetryLaterError, type Attempt, type PipelineContext } from './context';
import {
  fileStreamId,
  fileWorkKey,
  messageStreamId,
  messageWorkKey,
  uuidV5,
  workIds,
  type WorkIds,
} from './event-ids';
import type { RecordedLeak } from './findings';
import { scanFile, type FilePlace } from './scan-file';
import { scanMessage } from './scan-message';
import { fetchFileInfo, type SlackFile } from './slack-file';

/**
 * Runs one scan task end to end: scan and record (one append), then act and record the outcome. Safe to run any
 * number of times for the same task: every event id is derived from the task, a recorded scan is reused rather
 * than redone, an outcome already in the log ends the task, and Slack effects go through the journal.
 * @example await processTask(decodeScanTask(body), { attempt: 1, maxAttempts: 5 }, context);
 */
export async function processTask(task: ScanTask, attempt: Attempt, context: PipelineContext): Promise<void> {
  const startedAt = context.now();
  if (task.kind === 'message') await processMessage(task, attempt, context);
  else await processFile(task, attempt, context);
  context.metrics.scanDuration.observe({ source: task.kind }, Math.max(0, context.now() - startedAt) / 1_000);
}

async function processMessage(
  task: MessageScanTask,
  attempt: Attempt,
  context: PipelineContext,
): Promise<void> {
  const ids = workIds(messageWorkKey(task.teamId, task.eventId));
  const streamId = messageStreamId(task.teamId, task.channelId, task.ts);
  const recorded = await recordScan(streamId, ids, attempt, task.eventId, context, 'message', (patterns) =>
    scanMessage(task, ids, patterns, context),
  );
  if (recorded.kind !== 'leaks') return;
  const target: ActTarget = {
    kind: 'message',
    teamId: task.teamId,
    slackEventId: task.eventId,
    channelId: task.channelId,
    channelType: task.channelType,
    userId: task.userId,
    messageTs: task.ts,
    threadTs: task.threadTs,
    text: task.text,
  };
  await actAndRecord(streamId, ids, target, recorded.leaks, attempt, context);
}

async function processFile(task: FileScanTask, attempt: Attempt, context: PipelineContext): Promise<void> {
  const info = await fetchFileInfo(context.reactors, task.fileId);
  if (!info.ok) {
    if (info.retryable) throw new RetryLaterError(`files.info failed: ${info.code}`, 'download', info.code);
    // The same file announced twice (file_share message and file_shared) and already scanned, then deleted by
    // the first task: nothing is missing.
    if (info.code === 'file_not_found') {
      const history = await context.store.readStream(fileStreamId(task.teamId, task.fileId));
      if (history.some((event) => event.type === 'FileScanned')) return;
    }
    // Gone (deleted before we got to it) or hidden from the bot: nothing can be scanned, and that is recorded.
    await recordScanFailed(task, attempt, context, { stage: 'download', code: info.code, final: true });
    return;
  }
  const file = info.file;
  const ids = workIds(fileWorkKey(task.teamId, file.id, file.version));
  const streamId = fileStreamId(task.teamId, file.id);
  const place = placeOf(task, file);
  const failedScan: { stage?: 'download' | 'extract'; code?: string } = {};
  const recorded = await recordScan(streamId, ids, attempt, ids.key, context, 'file', async (patterns) => {
    const outcome = await scanFile(task, file, place, ids, patterns, context);
    if (outcome.kind === 'scanned') return outcome.events;
    failedScan.stage = outcome.stage;
    failedScan.code = outcome.code;
    return [];
  });
  if (failedScan.stage && failedScan.code) {
    // The other announcement of this file scanned it and deleted it while this one was downloading.
    if ((await fromLog(streamId, ids, context)) !== null) return;
    await recordScanFailed(task, attempt, context, {
      stage: failedScan.stage,
      code: failedScan.code,
      final: true,
    });
    return;
  }
  if (recorded.kind !== 'leaks') return;
  const target: ActTarget = {
    kind: 'file',
    teamId: task.teamId,
    slackEventId: task.eventId,
    channelId: place.channelId,
    channelType: task.channelType,
    userId: task.userId ?? file.userId,
    messageTs: place.messageTs,
    threadTs: place.threadTs,
    fileId: file.id,
    fileName: file.name,
    ...(file.permalink ? { filePermalink: file.permalink } : {}),
  };
  await actAndRecord(streamId, ids, target, recorded.leaks, attempt, context);
}

/** The conversation, message and thread a file belongs to: from the event when it said, else from files.info. */
function placeOf(task: FileScanTask, file: SlackFile): FilePlace {
  const channelId = task.channelId ?? file.channels[0];
  const share = channelId ? file.shareIn(channelId) : {};
  return {
    channelId,
    messageTs: task.messageTs ?? share.ts,
    threadTs: task.threadTs ?? share.threadTs,
  };
}

type Recorded = { kind: 'done' } | { kind: 'clean' } | { kind: 'leaks'; leaks: RecordedLeak[] };

/**
 * Scans and appends the scan's events, or finds them already recorded. On a first delivery the append itself is
 * the check (it is a no-op for ids already stored); a redelivery reads the stream first and reuses the recorded
 * findings, so a pattern change in between cannot change what is acted on.
 */
async function recordScan(
  streamId: string,
  ids: WorkIds,
  attempt: Attempt,
  correlationId: string,
  context: PipelineContext,
  source: 'message' | 'file',
  scan: (patterns: LoadedPatternSet) => Promise<NewEvent[]>,
): Promise<Recorded> {
  // A redelivery, or a file (a download costs far more than a look at its stream, and the same file is often
  // announced twice), first looks for what is already recorded.
  if (attempt.attempt > 1 || source === 'file') {
    const existing = await fromLog(streamId, ids, context);
    if (existing) return existing;
  }
  let patterns: LoadedPatternSet;
  try {
    patterns = await context.patterns.current();
  } catch (error) {
    context.logger.error({ error }, 'loading the pattern set failed');
    throw new RetryLaterError(
      'the pattern set could not be loaded',
      'load-patterns',
      'pattern_set_unavailable',
    );
  }
  const events = await scan(patterns);
  if (events.length === 0) return { kind: 'done' };
  const metadata: EventMetadata = { actor: SYSTEM_ACTOR, correlationId };
  let stored: StoredEvent[];
  try {
    const result = await context.store.append(streamId, 'any', events, metadata);
    if (result.duplicate) {
      const existing = await fromLog(streamId, ids, context);
      if (existing) return existing;
    }
    countAppended(result.duplicate ? [] : result.events, context);
    stored = result.events;
  } catch (error) {
    if (!(error instanceof IdempotencyConflictError)) throw error;
    // Another worker recorded this scan with a different pattern set: use what it recorded.
    const existing = await fromLog(streamId, ids, context);
    if (existing) return existing;
    throw new RetryLaterError('the scan was recorded concurrently', 'record', 'concurrent_record');
  }
  const leaks = stored.filter((event): event is RecordedLeak => event.type === 'LeakDetected');
  context.metrics.scans.inc({ source, result: leaks.length > 0 ? 'leak' : 'clean' });
  for (const leak of leaks)
    context.metrics.detections.inc({ pattern: leak.data.patternId, action: leak.data.action });
  return leaks.length > 0 ? { kind: 'leaks', leaks } : { kind: 'clean' };
}

/** What the log already holds for this work: its outcome (done), or its recorded scan and findings. */
async function fromLog(streamId: string, ids: WorkIds, context: PipelineContext): Promise<Recorded | null> {
  const history = await context.store.readStream(streamId);
  const byId = new Map(history.map((event) => [event.id, event]));
  if (byId.has(ids.outcome)) return { kind: 'done' };
  const scanned = byId.get(ids.scanned);
  if (!scanned || (scanned.type !== 'MessageScanned' && scanned.type !== 'FileScanned')) return null;
  const leaks: RecordedLeak[] = [];
  for (let index = 0; index < scanned.data.findingsCount; index += 1) {
    const leak = byId.get(ids.finding(index));
    if (leak?.type === 'LeakDetected') leaks.push(leak as RecordedLeak);
  }
  return leaks.length > 0 ? { kind: 'leaks', leaks } : { kind: 'clean' };
}

async function actAndRecord(
  streamId: string,
  ids: WorkIds,
  target: ActTarget,
  leaks: RecordedLeak[],
  attempt: Attempt,
  context: PipelineContext,
): Promise<void> {
  const metadata: EventMetadata = {
    actor: SYSTEM_ACTOR,
    correlationId: target.slackEventId,
    causationId: ids.scanned,
  };
  let events: NewEvent[];
  try {
    events = await act(target, leaks, ids, attempt, context);
  } catch (error) {
    if (error instanceof RetryAfterFailures && error.events.length > 0) {
      const result = await context.store.append(streamId, 'any', error.events, metadata);
      countAppended(result.duplicate ? [] : result.events, context);
    }
    throw error;
  }
  if (events.length === 0) return;
  const result = await context.store.append(streamId, 'any', events, metadata);
  countAppended(result.duplicate ? [] : result.events, context);
  context.logger.info(
    {
      slackEventId: target.slackEventId,
      teamId: target.teamId,
      channelId: target.channelId,
      fileId: target.fileId,
      findings: leaks.length,
      recorded: events.map((event) => event.type),
    },
    'acted on a leak',
  );
}

/** Records that a task could not be scanned; `final` when no retry follows. */
export async function recordScanFailed(
  task: ScanTask,
  attempt: Attempt,
  context: PipelineContext,
  failure: {
    stage: 'load-patterns' | 'download' | 'extract' | 'scan' | 'record';
    code: string;
    final: boolean;
    message?: string;
  },
): Promise<void> {
  const streamId =
    task.kind === 'message'
      ? messageStreamId(task.teamId, task.channelId, task.ts)
      : fileStreamId(task.teamId, task.fileId);
  const subject = task.kind === 'message' ? task.eventId : `${task.eventId}:${task.fileId}`;
  const event: NewEvent = {
    id: uuidV5(`scan-failed:${task.teamId}:${subject}:${failure.final ? 'final' : attempt.attempt}`),
    type: 'ScanFailed',
    data: {
      source: task.kind === 'message' ? 'MESSAGE' : 'FILE',
      teamId: task.teamId,
      ...(task.channelId ? { channelId: task.channelId } : {}),
      ...(task.kind === 'message' ? { messageTs: task.ts } : { fileId: task.fileId }),
      stage: failure.stage,
      errorCode: failure.code.replace(/[^A-Za-z0-9_.:-]/g, '_').slice(0, 100) || 'unknown',
      message: (failure.message ?? `the ${failure.stage} step failed: ${failure.code}`).slice(0, 2_000),
      attempt: Math.min(1_000, Math.max(1, attempt.attempt)),
      final: failure.final,
      slackEventId: task.eventId,
    },
  };
  const result = await context.store.append(streamId, 'any', [event], {
    actor: SYSTEM_ACTOR,
    correlationId: task.eventId,
  });
  countAppended(result.duplicate ? [] : result.events, context);
  context.metrics.scans.inc({ source: task.kind, result: 'failed' });
}

function countAppended(events: readonly StoredEvent[], context: PipelineContext): void {
  for (const event of events) context.metrics.auditAppends.inc({ type: event.type });
}
