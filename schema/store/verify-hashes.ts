import { hashEvent } from './event-hash';

/** A row as verification reads it: jsonb columns as text, so parsing happens where the hashing does. */
export interface ChainRow {
  position: string;
  id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  version: number;
  data: string;
  metadata: string;
  occurred_at: string;
  prev_hash: string;
  hash: string;
}

/**
 * Index of the first row whose content does not produce its stored hash (given its own prev_hash), or -1.
 * Each row is checked on its own, so a batch can be split across threads; the links between rows are checked
 * separately, in order.
 */
export function firstBadHash(rows: readonly ChainRow[]): number {
  for (let index = 0; index < rows.length; index += 1) {
    const row = rows[index]!;
    let computed: string;
    try {
      computed = hashEvent(row.prev_hash, {
        id: row.id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        type: row.type,
        version: row.version,
        data: JSON.parse(row.data) as unknown,
        metadata: JSON.parse(row.metadata) as Record<string, unknown>,
        occurredAt: row.occurred_at,
      });
    } catch {
      // Content that cannot even be canonicalised was not written by the store.
      return index;
    }
    if (computed !== row.hash) return index;
  }
  return -1;
}
