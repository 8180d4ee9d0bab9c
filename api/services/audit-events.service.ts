import type { PgConnection } from '../../schema/db/pg-connection';
import { queryPrepared } from '../../schema/db/prepared-statements';
import { ACTOR_SQL } from '../../schema/migrations/Migration20251202100000_api_read_side';
import { EVENT_COLUMNS, type EventRow } from '../../schema/store/event-store';
import type { AuditEventFilter, AuditEventRecord, Page, PageRequest } from './types';
import { SqlParams } from './sql';

export function toAuditEventRecord(row: EventRow): AuditEventRecord {
  const metadata = row.metadata as { actor?: { type?: string; id?: string } } | null;
  const actor = metadata?.actor;
  return {
    id: row.id,
    position: String(row.position),
    type: row.type,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    version: row.version,
    occurredAt: new Date(row.occurred_at),
    recordedAt: new Date(row.recorded_at),
    actor: actor?.type && actor.id ? `${actor.type}:${actor.id}` : 'unknown',
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
    prevHash: row.prev_hash,
  };
}

function conditionsOf(filter: AuditEventFilter, params: SqlParams): string[] {
  const conditions: string[] = [];
  if (filter.streamId !== undefined) conditions.push(`stream_id = ${params.add(filter.streamId)}`);
  if (filter.streamIds !== undefined)
    conditions.push(`stream_id = ANY(${params.add(filter.streamIds)}::text[])`);
  if (filter.from) conditions.push(`occurred_at >= ${params.add(filter.from.toISOString())}`);
  if (filter.to) conditions.push(`occurred_at < ${params.add(filter.to.toISOString())}`);
  if (filter.actor !== undefined) conditions.push(`${ACTOR_SQL} = ${params.add(filter.actor)}`);
  return conditions;
}

/**
 * One page of the log in position order, by keyset on `position`. With several types, each type is read from the
 * `(type, position)` index on its own (a LATERAL per type) and the short lists merged, so a deep page filtered by
 * rare and common types alike reads about one page per type.
 */
export async function listAuditEvents(
  connection: PgConnection,
  filter: AuditEventFilter,
  page: PageRequest<number>,
): Promise<Page<AuditEventRecord>> {
  const params = new SqlParams();
  const conditions = conditionsOf(filter, params);
  const descending = page.direction === 'backward';
  if (page.cursor !== null) conditions.push(`position ${descending ? '<' : '>'} ${params.add(page.cursor)}`);
  const direction = descending ? 'DESC' : 'ASC';
  const limit = params.add(page.size + 1);
  const types = filter.types ?? [];
  let sql: string;
  if (types.length > 1) {
    const typesParam = params.add(types);
    sql = `SELECT e.* FROM unnest(${typesParam}::text[]) AS t(type)
      CROSS JOIN LATERAL (
        SELECT ${EVENT_COLUMNS} FROM events
        WHERE events.type = t.type ${conditions.map((c) => `AND ${c}`).join(' ')}
        ORDER BY position ${direction} LIMIT ${limit}) e
      ORDER BY e.position ${direction} LIMIT ${limit}`;
  } else {
    if (types.length === 1) conditions.push(`type = ${params.add(types[0])}`);
    sql = `SELECT ${EVENT_COLUMNS} FROM events
      ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY position ${direction} LIMIT ${limit}`;
  }
  const { rows } = await queryPrepared<EventRow>(connection, sql, params.values);
  const hasMore = rows.length > page.size;
  const items = rows.slice(0, page.size).map(toAuditEventRecord);
  if (descending) items.reverse();
  return { items, hasMore };
}

/** Every event of some streams, oldest first, grouped by stream: one query for a whole page of detections. */
export async function eventsOfStreams(
  connection: PgConnection,
  streamIds: readonly string[],
): Promise<Map<string, AuditEventRecord[]>> {
  const grouped = new Map<string, AuditEventRecord[]>(streamIds.map((id) => [id, []]));
  if (streamIds.length === 0) return grouped;
  const { rows } = await connection.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ANY($1::text[]) ORDER BY position`,
    [[...new Set(streamIds)]],
  );
  for (const row of rows) grouped.get(row.stream_id)?.push(toAuditEventRecord(row));
  return grouped;
}
