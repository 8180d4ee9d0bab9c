import { createHash } from 'node:crypto';

/** The namespace of every id LeakShield derives from Slack work (a random UUID fixed once, never to change). */
export const SLACK_WORK_NAMESPACE = '6f1c9a52-3d0e-4b7a-9c1e-2a8f5d4b7e10';

/**
 * An RFC 9562 name-based UUID (version 5, SHA-1) of `name` in `namespace`: the same inputs give the same id on
 * every machine and every delivery, which is what makes a redelivered task append nothing twice.
 * @example uuidV5('message:T1:Ev08MFMKH6:scanned') → '…-5…-…' (always the same)
 */
export function uuidV5(name: string, namespace = SLACK_WORK_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Ids for one piece of work. `key` names the work: the Slack event id for a message (a message and each of its
 * edits are separate work), the file id and version for a file (the file_share message and the file_shared event
 * that both announce it are one piece of work).
 */
export interface WorkIds {
  key: string;
  scanned: string;
  finding(index: number): string;
  /** The outcome (MessageBlocked, MessageRedacted, FileBlocked, AlertSent, or the final ActionFailed). */
  outcome: string;
  /** An ActionFailed for one attempt at one action. */
  failure(action: string, attempt: number): string;
  /** A Slack side effect (delete, notice, private note…): its row in the effect journal. */
  effect(name: string): string;
  scanFailed: string;
}

export function workIds(key: string): WorkIds {
  return {
    key,
    scanned: uuidV5(`${key}:scanned`),
    finding: (index) => uuidV5(`${key}:finding:${index}`),
    outcome: uuidV5(`${key}:outcome`),
    failure: (action, attempt) => uuidV5(`${key}:failed:${action}:${attempt}`),
    effect: (name) => uuidV5(`${key}:effect:${name}`),
    scanFailed: uuidV5(`${key}:scan-failed`),
  };
}

export const messageWorkKey = (teamId: string, eventId: string): string => `message:${teamId}:${eventId}`;
export const fileWorkKey = (teamId: string, fileId: string, version: string): string =>
  `file:${teamId}:${fileId}:${version}`;

/** Streams: one per Slack message (its scans, edits' scans, findings and actions), one per file. */
export const messageStreamId = (teamId: string, channelId: string, ts: string): string =>
  `message:${teamId}:${channelId}:${ts}`;
export const fileStreamId = (teamId: string, fileId: string): string => `file:${teamId}:${fileId}`;
