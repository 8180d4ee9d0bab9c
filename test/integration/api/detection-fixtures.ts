import { randomUUID } from 'node:crypto';
import { encryptContent, type Keyring } from '../../../schema/crypto/content-encryption';
import type { EventData } from '../../../schema/events/registry';
import type { EventStore } from '../../../schema/store/event-store';
import type { NewEvent } from '../../../schema/store/types';
import type { Action, Severity } from '../../../worker/dlp/types';

export const workerMetadata = { actor: { type: 'system' as const, id: 'worker' }, correlationId: 'Ev-test' };

export interface FindingSpec {
  patternId?: string;
  patternName?: string;
  /** The pattern's revision, as the worker records it for patterns it loaded from the table. */
  patternRevision?: number;
  severity?: Severity;
  action?: Action;
  maskedMatch?: string;
  /** Sealed as the finding's raw content when a keyring is given. */
  raw?: string;
}

export interface MessageSpec {
  teamId?: string;
  channelId?: string;
  userId?: string;
  ts?: string;
  at: Date;
  findings: FindingSpec[];
  keyring?: Keyring;
  /** Also append what the worker did: MessageBlocked, or ActionFailed. */
  outcome?: 'blocked' | 'failed';
}

let sequence = 0;

/**
 * Appends what the worker appends for one scanned message: MessageScanned and a LeakDetected per finding, in one
 * append to the message's stream (and optionally the action's outcome). Returns the finding ids.
 */
export async function appendMessage(store: EventStore, spec: MessageSpec): Promise<string[]> {
  sequence += 1;
  const teamId = spec.teamId ?? 'T0001';
  const channelId = spec.channelId ?? 'C0001';
  const ts = spec.ts ?? `${1_700_000_000 + sequence}.${String(sequence).padStart(6, '0')}`;
  const streamId = `message:${teamId}:${channelId}:${ts}`;
  const findingIds = spec.findings.map(() => randomUUID());
  const events: NewEvent[] = [
    {
      type: 'MessageScanned',
      data: {
        teamId,
        channelId,
        userId: spec.userId ?? 'U0001',
        messageTs: ts,
        contentLength: 120,
        findingsCount: spec.findings.length,
        patternSetVersion: 1,
      },
      occurredAt: spec.at,
    },
    ...spec.findings.map((finding, index): NewEvent => {
      const findingId = findingIds[index]!;
      const data: EventData<'LeakDetected'> = {
        findingId,
        source: 'MESSAGE',
        teamId,
        channelId,
        userId: spec.userId ?? 'U0001',
        messageTs: ts,
        patternId: finding.patternId ?? 'credit-card',
        patternName: finding.patternName ?? 'Credit card number',
        ...(finding.patternRevision !== undefined ? { patternRevision: finding.patternRevision } : {}),
        severity: finding.severity ?? 'HIGH',
        action: finding.action ?? 'ALERT',
        confidence: 0.9,
        location: { line: 2, column: 7 + index, start: 10, end: 29 },
        maskedMatch: finding.maskedMatch ?? '4111 **** **** 1111',
        redactedContent: `card: ${finding.maskedMatch ?? '4111 **** **** 1111'}`,
        ...(finding.raw !== undefined && spec.keyring
          ? { rawContent: encryptContent(finding.raw, spec.keyring, findingId) }
          : {}),
      };
      return { type: 'LeakDetected', data, occurredAt: spec.at };
    }),
  ];
  await store.append(streamId, 0, events, workerMetadata);
  if (spec.outcome === 'blocked') {
    await store.append(
      streamId,
      events.length,
      [
        {
          type: 'MessageBlocked',
          data: { teamId, channelId, messageTs: ts, findingIds, authorNotified: true },
          occurredAt: new Date(spec.at.getTime() + 1_000),
        },
      ],
      workerMetadata,
    );
  } else if (spec.outcome === 'failed') {
    await store.append(
      streamId,
      events.length,
      [
        {
          type: 'ActionFailed',
          data: {
            teamId,
            action: 'BLOCK',
            findingIds,
            channelId,
            messageTs: ts,
            errorCode: 'cant_delete_message',
            message: 'the admin token may not delete this message',
            attempt: 1,
            retryable: false,
          },
          occurredAt: new Date(spec.at.getTime() + 1_000),
        },
      ],
      workerMetadata,
    );
  }
  return findingIds;
}

/** appendMessage for a message whose first finding is the one a test cares about. */
export async function firstFinding(store: EventStore, spec: MessageSpec): Promise<string> {
  const [id] = await appendMessage(store, spec);
  if (!id) throw new Error('the message has no finding');
  return id;
}
