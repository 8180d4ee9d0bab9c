import { hash } from 'node:crypto';
import type { EventMetadata } from '../events/metadata';
import { canonicalJson } from './canonical-json';

/** The `prev_hash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The part of an event the chain covers. `position` and `recorded_at` are left out: the database assigns them,
 * and the prev-hash links already fix the order.
 * @example { id: '…', streamId: 'pattern:ssn', streamVersion: 1, type: 'PatternCreated', version: 2,
 *            data: {…}, metadata: { actor: { type: 'system', id: 'system' } }, occurredAt: '2025-01-01T00:00:00.000Z' }
 */
export interface HashedEventFields {
  id: string;
  streamId: string;
  streamVersion: number;
  type: string;
  version: number;
  data: unknown;
  metadata: EventMetadata | Record<string, unknown>;
  /** ISO 8601 in UTC with milliseconds, as Date#toISOString writes it. */
  occurredAt: string;
}

/**
 * hash = hex(SHA-256(UTF-8(prevHash + canonicalJson(fields)))), prevHash being 64 lower-case hex digits (see
 * docs/adr/002-hash-chained-audit-log.md).
 */
export function hashEvent(prevHash: string, fields: HashedEventFields): string {
  // One-shot hashing: a fraction of createHash's cost per call, which verification pays for every event.
  return hash('sha256', prevHash + canonicalEvent(fields), 'hex');
}

/** The canonical JSON the hash covers. */
export function canonicalEvent(fields: HashedEventFields): string {
  return canonicalJson({
    id: fields.id,
    streamId: fields.streamId,
    streamVersion: fields.streamVersion,
    type: fields.type,
    version: fields.version,
    data: fields.data,
    metadata: fields.metadata,
    occurredAt: fields.occurredAt,
  });
}

const VERSION_MARKER = '"streamVersion":0,';

/**
 * The canonical JSON split around the stream version, for appends where only the database knows the version:
 * canonical = prefix + String(streamVersion) + suffix. The top-level streamVersion is the last object key before
 * `type` and `version`, so the last occurrence of the marker is the one (a nested one inside `data` comes first).
 */
export function canonicalEventParts(fields: Omit<HashedEventFields, 'streamVersion'>): {
  prefix: string;
  suffix: string;
} {
  const canonical = canonicalEvent({ ...fields, streamVersion: 0 });
  const at = canonical.lastIndexOf(VERSION_MARKER);
  const cut = at + VERSION_MARKER.length - 2;
  return { prefix: canonical.slice(0, cut), suffix: canonical.slice(cut + 1) };
}
