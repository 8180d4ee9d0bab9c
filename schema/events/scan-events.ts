import { z } from 'zod';
import { encryptedContentSchema } from '../crypto/content-encryption';
import {
  count,
  errorCode,
  errorMessage,
  findingSource,
  maskedMatch,
  messageTs,
  policyAction,
  redactedContent,
  severity,
  slackEventId,
  slackId,
} from './common';
import { defineEvent } from './define-event';

export const MessageScanned = defineEvent(
  'MessageScanned',
  z.strictObject({
    teamId: slackId,
    channelId: slackId,
    userId: slackId.optional(),
    messageTs,
    threadTs: messageTs.optional(),
    contentLength: count,
    findingsCount: count,
    /** The pattern set the scan used (see patternSetVersion): tells which rules a clean result was judged by. */
    patternSetVersion: count,
    durationMs: z.number().min(0).max(86_400_000).optional(),
    slackEventId: slackEventId.optional(),
    /** The scan was of an edit (message_changed): an edit that adds a secret is a leak like any other. */
    edited: z.boolean().optional(),
    /** Part of the message's extra text (attachments, blocks) was too large to queue and was not scanned. */
    truncated: z.boolean().optional(),
  }),
);

export const FileScanned = defineEvent(
  'FileScanned',
  z.strictObject({
    teamId: slackId,
    channelId: slackId.optional(),
    userId: slackId.optional(),
    fileId: slackId,
    fileName: z.string().max(1_000).optional(),
    mimeType: z.string().max(255).optional(),
    sizeBytes: count.optional(),
    messageTs: messageTs.optional(),
    extractedLength: count,
    findingsCount: count,
    patternSetVersion: count,
    /** Set when the file was not scanned in full (too large, unsupported type, encrypted archive…). */
    skipped: z.string().max(200).optional(),
    durationMs: z.number().min(0).max(86_400_000).optional(),
    threadTs: messageTs.optional(),
    slackEventId: slackEventId.optional(),
  }),
);

/**
 * One finding. Holds the masked match and the redacted content only; the raw content, where an operator keeps
 * it, is sealed in `rawContent` (AES-256-GCM, its context is the finding id).
 */
export const LeakDetected = defineEvent(
  'LeakDetected',
  z
    .strictObject({
      findingId: z.uuid(),
      source: findingSource,
      teamId: slackId,
      channelId: slackId.optional(),
      userId: slackId.optional(),
      messageTs: messageTs.optional(),
      threadTs: messageTs.optional(),
      fileId: slackId.optional(),
      fileName: z.string().max(1_000).optional(),
      patternId: z.string().min(1).max(200),
      patternName: z.string().min(1).max(200),
      /** The pattern's revision (1 when created, +1 per update) the finding was made with. */
      patternRevision: z.number().int().min(1).optional(),
      patternSetVersion: count.optional(),
      slackEventId: slackEventId.optional(),
      /** Which part held it: `text`, `attachment:0`, `blocks`, or the path inside a file (`a.zip!b.docx`). */
      contentPart: z.string().min(1).max(1_000).optional(),
      severity,
      /** What the pattern's policy asks for; what was actually done follows as MessageBlocked, ActionFailed… */
      action: policyAction,
      confidence: z.number().min(0).max(1),
      location: z
        .strictObject({
          line: z.number().int().min(1),
          column: z.number().int().min(1),
          start: z.number().int().min(0),
          end: z.number().int().min(0),
        })
        .optional(),
      maskedMatch,
      redactedContent: redactedContent.optional(),
      rawContent: encryptedContentSchema.optional(),
    })
    .superRefine((data, context) => {
      if (data.source === 'MESSAGE' && !data.messageTs) {
        context.addIssue({
          code: 'custom',
          path: ['messageTs'],
          message: 'a MESSAGE finding needs messageTs',
        });
      }
      if (data.source === 'FILE' && !data.fileId) {
        context.addIssue({ code: 'custom', path: ['fileId'], message: 'a FILE finding needs fileId' });
      }
    }),
);

export const ScanFailed = defineEvent(
  'ScanFailed',
  z.strictObject({
    source: findingSource,
    teamId: slackId,
    channelId: slackId.optional(),
    messageTs: messageTs.optional(),
    fileId: slackId.optional(),
    stage: z.enum(['load-patterns', 'download', 'extract', 'scan', 'record']),
    errorCode,
    message: errorMessage,
    attempt: z.number().int().min(1).max(1_000),
    /** True when no retry follows (the work went to the dead-letter queue). */
    final: z.boolean(),
    slackEventId: slackEventId.optional(),
  }),
);
