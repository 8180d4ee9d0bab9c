import { encryptContent, type Keyring } from '../../schema/crypto/content-encryption';
import type { EventData, EventOfType } from '../../schema/events/registry';
import type { StoredEvent } from '../../schema/store/types';
import { ACTIONS, type Action, type Finding } from '../dlp/types';
import type { LoadedPatternSet } from '../patterns/active-pattern-set';

/** One finding as found in one part of the content, with that part's text for redaction. */
export interface PartFinding {
  part: string;
  partText: string;
  /** All findings of the same part, so each redaction masks every one of them. */
  partFindings: readonly Finding[];
  finding: Finding;
  hasLines: boolean;
}

/** A recorded finding as the acting step needs it (read back from LeakDetected, never from a fresh scan). */
export type RecordedLeak = StoredEvent<EventOfType<'LeakDetected'>>;

/** The strictest action asked for by any finding: BLOCK over REDACT over ALERT over LOG. */
export function strictestAction(leaks: readonly RecordedLeak[]): Action {
  let index = 0;
  for (const leak of leaks) index = Math.max(index, ACTIONS.indexOf(leak.data.action));
  return ACTIONS[index]!;
}

/**
 * Keeps the first of findings that repeat across parts: the blocks of a typed message mirror its text, and one
 * secret seen twice is one leak. Within a part every occurrence counts.
 */
export function dedupeAcrossParts(findings: readonly PartFinding[]): PartFinding[] {
  const seenIn = new Map<string, string>();
  return findings.filter((item) => {
    const key = `${item.finding.patternId}\u0000${item.finding.maskedMatch}`;
    const first = seenIn.get(key);
    if (first === undefined) {
      seenIn.set(key, item.part);
      return true;
    }
    return first === item.part;
  });
}

const MAX_REDACTED = 100_000;

/** Cuts at MAX_REDACTED without splitting a surrogate pair. */
export function clip(text: string, max = MAX_REDACTED): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** The fields every LeakDetected of one task shares. */
export type LeakCommon = Pick<
  EventData<'LeakDetected'>,
  'source' | 'teamId' | 'channelId' | 'userId' | 'messageTs' | 'threadTs' | 'fileId' | 'slackEventId'
>;

/**
 * A LeakDetected payload. `redacted` is what may be stored (the part with every finding masked, or an excerpt);
 * `raw` is sealed only when the operator keeps raw content, with the finding id as its context.
 */
export function leakDetectedData(options: {
  findingId: string;
  common: LeakCommon;
  item: PartFinding;
  patterns: LoadedPatternSet;
  redacted: string;
  raw: string;
  keyring: Keyring | null;
  fileName?: string;
}): EventData<'LeakDetected'> {
  const { finding } = options.item;
  const revision = options.patterns.revisions.get(finding.patternId);
  const common = Object.fromEntries(
    Object.entries(options.common).filter(([, value]) => value !== undefined),
  ) as LeakCommon;
  return {
    findingId: options.findingId,
    ...common,
    ...(options.fileName ? { fileName: options.fileName.slice(0, 1_000) } : {}),
    patternId: finding.patternId,
    patternName: finding.patternName,
    ...(revision !== undefined ? { patternRevision: revision } : {}),
    patternSetVersion: options.patterns.version,
    contentPart: options.item.part.slice(0, 1_000),
    severity: finding.severity,
    action: finding.action,
    confidence: finding.confidence,
    // Line numbers mean nothing in a spreadsheet's cells or a PDF's text: no location there.
    ...(options.item.hasLines
      ? { location: { line: finding.line, column: finding.column, start: finding.start, end: finding.end } }
      : {}),
    maskedMatch: finding.maskedMatch.slice(0, 1_000),
    redactedContent: clip(options.redacted),
    ...(options.keyring
      ? { rawContent: encryptContent(clip(options.raw, 200_000), options.keyring, options.findingId) }
      : {}),
  };
}
