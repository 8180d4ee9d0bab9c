import type { NewEvent } from '../../schema/store/types';
import type { MessageScanTask } from '../../schema/tasks/scan-task';
import { redactText } from '../dlp/redact';
import type { LoadedPatternSet } from '../patterns/active-pattern-set';
import { MAX_FINDINGS_PER_TASK, type PipelineContext } from './context';
import type { WorkIds } from './event-ids';
import { dedupeAcrossParts, leakDetectedData, type PartFinding } from './findings';

/** The pieces of a message that are scanned, each on its own so offsets and redaction stay within one text. */
export function messageParts(task: MessageScanTask): { part: string; text: string }[] {
  return [
    { part: 'text', text: task.text },
    ...task.attachments.map((text, index) => ({ part: `attachment:${index}`, text })),
    { part: 'blocks', text: task.blocks },
  ].filter((piece) => piece.text.trim() !== '');
}

/**
 * Scans a message (text, attachments, blocks) and returns the events that record it: MessageScanned (metadata
 * only: lengths, counts, the pattern set version, never the text) and one LeakDetected per finding.
 */
export async function scanMessage(
  task: MessageScanTask,
  ids: WorkIds,
  patterns: LoadedPatternSet,
  context: PipelineContext,
): Promise<NewEvent[]> {
  const startedAt = context.now();
  const parts = messageParts(task);
  const found: PartFinding[] = [];
  for (const { part, text } of parts) {
    const partFindings = await patterns.scanner.scan(text, { source: 'MESSAGE', channelId: task.channelId });
    for (const finding of partFindings)
      found.push({ part, partText: text, partFindings, finding, hasLines: true });
  }
  const findings = dedupeAcrossParts(found).slice(0, MAX_FINDINGS_PER_TASK);
  const common = {
    source: 'MESSAGE' as const,
    teamId: task.teamId,
    channelId: task.channelId,
    userId: task.userId,
    messageTs: task.ts,
    threadTs: task.threadTs,
    slackEventId: task.eventId,
  };
  const leaks: NewEvent[] = findings.map((item, index) => ({
    id: ids.finding(index),
    type: 'LeakDetected',
    data: leakDetectedData({
      findingId: ids.finding(index),
      common,
      item,
      patterns,
      redacted: redactText(item.partText, item.partFindings),
      raw: item.partText,
      keyring: context.rawContentKeyring,
    }),
  }));
  const scanned: NewEvent = {
    id: ids.scanned,
    type: 'MessageScanned',
    data: {
      teamId: task.teamId,
      channelId: task.channelId,
      ...(task.userId ? { userId: task.userId } : {}),
      messageTs: task.ts,
      ...(task.threadTs ? { threadTs: task.threadTs } : {}),
      contentLength: parts.reduce((sum, piece) => sum + piece.text.length, 0),
      findingsCount: leaks.length,
      patternSetVersion: patterns.version,
      durationMs: Math.max(0, context.now() - startedAt),
      slackEventId: task.eventId,
      ...(task.edited ? { edited: true } : {}),
      ...(task.truncated ? { truncated: true } : {}),
    },
  };
  return [scanned, ...leaks];
}
