import type { NewEvent } from '../../schema/store/types';
import type { FileScanTask } from '../../schema/tasks/scan-task';
import { extract } from '../dlp/extract';
import { redactedExcerpt } from '../dlp/redact';
import type { Finding } from '../dlp/types';
import type { LoadedPatternSet } from '../patterns/active-pattern-set';
import { MAX_FINDINGS_PER_TASK, RetryLaterError, type PipelineContext } from './context';
import type { WorkIds } from './event-ids';
import { leakDetectedData, type PartFinding } from './findings';
import type { SlackFile } from './slack-file';

/** Where the file is talked about: the conversation, and the message and thread it was shared with. */
export interface FilePlace {
  channelId: string | undefined;
  messageTs: string | undefined;
  threadTs: string | undefined;
}

export type FileScanOutcome =
  | { kind: 'scanned'; events: NewEvent[] }
  | { kind: 'failed'; stage: 'download' | 'extract'; code: string; message: string };

/**
 * Downloads a file with the bot token (under the size limit), extracts its text (archives and office documents
 * entry by entry) and scans each part. Returns FileScanned (metadata only) and one LeakDetected per finding, each
 * holding a redacted excerpt rather than the document.
 */
export async function scanFile(
  task: FileScanTask,
  file: SlackFile,
  place: FilePlace,
  ids: WorkIds,
  patterns: LoadedPatternSet,
  context: PipelineContext,
): Promise<FileScanOutcome> {
  const startedAt = context.now();
  const limits = context.fileLimits;
  const notes: string[] = [];
  const found: PartFinding[] = [];
  let extractedLength = 0;
  let skipped: string | undefined;

  if (file.external || !file.downloadUrl) {
    skipped = 'not stored in Slack (an external or remote file): nothing to download';
  } else if (file.size !== undefined && file.size > limits.maxFileBytes) {
    skipped = `${file.size} bytes, over the ${limits.maxFileBytes}-byte limit: not downloaded`;
  } else {
    const download = await openDownload(file.downloadUrl, context, file.mimeType);
    if (!download.ok) {
      if (download.retryable) {
        throw new RetryLaterError(`downloading the file failed: ${download.code}`, 'download', download.code);
      }
      return {
        kind: 'failed',
        stage: 'download',
        code: download.code,
        message: `download failed: ${download.code}`,
      };
    }
    const parts = extract(
      { path: file.name, open: () => download.body, ...(file.size !== undefined ? { size: file.size } : {}) },
      { ...limits.extract, maxFileBytes: limits.maxFileBytes },
    );
    for await (const part of parts) {
      if (part.kind === 'error') notes.push(`${part.path}: ${part.message}`);
      else if (part.kind === 'skipped') notes.push(`${part.path}: ${part.reason}`);
      else {
        let text = '';
        for await (const chunk of part.chunks) {
          if (text.length + chunk.length > limits.maxPartChars) {
            notes.push(`${part.path}: only the first ${limits.maxPartChars} characters were scanned`);
            break;
          }
          text += chunk;
        }
        extractedLength += text.length;
        const partFindings: Finding[] = await patterns.scanner.scan(text, {
          source: 'FILE',
          ...(place.channelId ? { channelId: place.channelId } : {}),
        });
        for (const finding of partFindings) {
          found.push({ part: part.path, partText: text, partFindings, finding, hasLines: part.hasLines });
        }
      }
    }
    if (notes.length > 0) skipped = summarise(notes);
  }

  const findings = found.slice(0, MAX_FINDINGS_PER_TASK);
  const common = {
    source: 'FILE' as const,
    teamId: task.teamId,
    channelId: place.channelId,
    userId: task.userId ?? file.userId,
    messageTs: place.messageTs,
    threadTs: place.threadTs,
    fileId: file.id,
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
      redacted: redactedExcerpt(item.partText, item.partFindings, item.finding),
      raw: rawExcerpt(item.partText, item.finding),
      keyring: context.rawContentKeyring,
      fileName: item.part,
    }),
  }));
  const userId = task.userId ?? file.userId;
  const scanned: NewEvent = {
    id: ids.scanned,
    type: 'FileScanned',
    data: {
      teamId: task.teamId,
      ...(place.channelId ? { channelId: place.channelId } : {}),
      ...(userId ? { userId } : {}),
      fileId: file.id,
      fileName: file.name.slice(0, 1_000),
      ...(file.mimeType ? { mimeType: file.mimeType.slice(0, 255) } : {}),
      ...(file.size !== undefined ? { sizeBytes: file.size } : {}),
      ...(place.messageTs ? { messageTs: place.messageTs } : {}),
      ...(place.threadTs ? { threadTs: place.threadTs } : {}),
      extractedLength,
      findingsCount: leaks.length,
      patternSetVersion: patterns.version,
      ...(skipped ? { skipped: skipped.slice(0, 200) } : {}),
      durationMs: Math.max(0, context.now() - startedAt),
      slackEventId: task.eventId,
    },
  };
  return { kind: 'scanned', events: [scanned, ...leaks] };
}

type Download = { ok: true; body: AsyncIterable<Buffer> } | { ok: false; code: string; retryable: boolean };

/**
 * Opens the download with the bot token. Slack answers a download it will not authorise with its sign-in page
 * (HTML, status 200), so HTML where the file is not HTML is read as "not authorised".
 */
async function openDownload(
  url: string,
  context: PipelineContext,
  mimeType: string | undefined,
): Promise<Download> {
  const token = context.reactors.botToken;
  if (!token) return { ok: false, code: 'missing_bot_token', retryable: false };
  let response: Response;
  try {
    response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(context.fileLimits.downloadTimeoutMs),
    });
  } catch {
    return { ok: false, code: 'download_request_error', retryable: true };
  }
  if (response.status === 429 || response.status >= 500) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, code: `http_${response.status}`, retryable: true };
  }
  if (response.status !== 200 || !response.body) {
    await response.body?.cancel().catch(() => undefined);
    return { ok: false, code: `http_${response.status}`, retryable: false };
  }
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/html') && !(mimeType ?? '').includes('html')) {
    await response.body.cancel().catch(() => undefined);
    return { ok: false, code: 'download_not_authorized', retryable: false };
  }
  const body = response.body;
  return {
    ok: true,
    body: (async function* () {
      for await (const chunk of body) yield Buffer.from(chunk);
    })(),
  };
}

/** The raw text around a finding (sealed, when the operator keeps raw content): the same window as the excerpt. */
function rawExcerpt(text: string, finding: Finding, radius = 120): string {
  return text.slice(Math.max(0, finding.start - radius), Math.min(text.length, finding.end + radius));
}

function summarise(notes: readonly string[]): string {
  const first = notes[0] ?? '';
  return notes.length === 1 ? first : `${notes.length} notes, first: ${first}`;
}
