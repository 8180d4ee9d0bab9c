import { HttpError } from 'react-admin';
import { graphqlRequest } from '../../graphql/client';
import { AUDIT_EVENT_CURSORS, AUDIT_EVENTS } from '../../graphql/documents';
import type { AuditEvent, Connection } from '../../graphql/types';
import { compact, descending, instant, list, text } from '../filters';
import { numberedPage, type CursorChunk, type CursorSource } from '../paginate';
import { pageOf, type ResourceAdapter } from './adapter';

export function auditEventFilter(filter: Record<string, unknown> = {}) {
  return compact({
    types: list<string>(filter.types),
    streamId: text(filter.streamId),
    actor: text(filter.actor),
    from: instant(filter.from, 'start'),
    to: instant(filter.to, 'end'),
  });
}

/**
 * The log is in position order (oldest first); newest first reads it backwards (`last`/`before`), each chunk
 * reversed into display order.
 */
function source(filter: object, newestFirst: boolean): CursorSource<AuditEvent> {
  const read = async <T>(query: string, count: number, cursor: string | null, signal?: AbortSignal) => {
    const variables = newestFirst
      ? { last: count, before: cursor, filter }
      : { first: count, after: cursor, filter };
    const { auditEvents } = await graphqlRequest<{ auditEvents: Connection<T> }>(query, variables, {
      signal,
    });
    const edges = newestFirst ? [...auditEvents.edges].reverse() : auditEvents.edges;
    return {
      records: edges.map((e) => e.node),
      cursors: edges.map((e) => e.cursor),
      hasMore: newestFirst ? auditEvents.pageInfo.hasPreviousPage : auditEvents.pageInfo.hasNextPage,
    } satisfies CursorChunk<T>;
  };
  return {
    chunk: (count, cursor, signal) => read<AuditEvent>(AUDIT_EVENTS, count, cursor, signal),
    cursorsOnly: (count, cursor, signal) => read<never>(AUDIT_EVENT_CURSORS, count, cursor, signal),
  };
}

/** The audit log has no total (counting it would read it all): lists page with hasNextPage instead. */
export const auditEvents: ResourceAdapter = {
  async getList(params, cache) {
    const { page, perPage } = pageOf(params);
    const filter = auditEventFilter(params.filter);
    const newestFirst = descending(params.sort);
    const key = cache.key('auditEvents', filter, newestFirst, perPage);
    const result = await numberedPage(cache, key, page, perPage, source(filter, newestFirst), params.signal);
    return { data: result.data, pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 } };
  },
  async getOne(id) {
    throw new HttpError(`Audit event ${id} is read through the audit log list, not alone.`, 404, {
      code: 'NOT_FOUND',
    });
  },
};
