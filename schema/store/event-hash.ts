import { createHash } from 'node:crypto';
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
  const canonical = canonicalJson({
    id: fields.id,
    streamId: fields.streamId,
    streamVersion: fields.streamVersion,
    type: fields.type,
    version: fields.version,
    data: fields.data,
    metadata: fields.metadata,
    occurredAt: fields.occurredAt,
  });
  return createHash('sha256').update(prevHash).update(canonical).digest('hex');
}
