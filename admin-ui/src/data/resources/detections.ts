import { HttpError, type GetListParams } from 'react-admin';
import { graphqlRequest } from '../../graphql/client';
import { DETECTION, DETECTION_CURSORS, DETECTIONS } from '../../graphql/documents';
import type { Action, Connection, Detection, Severity } from '../../graphql/types';
import { compact, descending, instant, list, text } from '../filters';
import { numberedPage, type CursorSource } from '../paginate';
import { pageOf, type ResourceAdapter } from './adapter';

/** react-admin's filter form values → DetectionFilter. `q` is the free-text search. */
export function detectionFilter(filter: Record<string, unknown> = {}) {
  return compact({
    search: text(filter.q),
    channelId: text(filter.channelId),
    userId: text(filter.userId),
    patternId: text(filter.patternId),
    source: text(filter.source),
    outcome: text(filter.outcome),
    severity: list<Severity>(filter.severity),
    action: list<Action>(filter.action),
    from: instant(filter.from, 'start'),
    to: instant(filter.to, 'end'),
  });
}

function detectionOrder(sort: GetListParams['sort']) {
  return {
    field: sort?.field === 'severity' ? 'SEVERITY' : 'DETECTED_AT',
    direction: descending(sort) ? 'DESC' : 'ASC',
  };
}

function source(filter: object, orderBy: object): CursorSource<Detection> {
  return {
    chunk: async (first, after, signal) => {
      const { detections } = await graphqlRequest<{ detections: Connection<Detection> }>(
        DETECTIONS,
        { first, after, filter, orderBy },
        { signal },
      );
      return {
        records: detections.edges.map((e) => e.node),
        cursors: detections.edges.map((e) => e.cursor),
        hasMore: detections.pageInfo.hasNextPage,
        total: detections.totalCount,
      };
    },
    cursorsOnly: async (first, after, signal) => {
      const { detections } = await graphqlRequest<{ detections: Connection<never> }>(
        DETECTION_CURSORS,
        { first, after, filter, orderBy },
        { signal },
      );
      return {
        records: [],
        cursors: detections.edges.map((e) => e.cursor),
        hasMore: detections.pageInfo.hasNextPage,
      };
    },
    tail: async (last, signal) => {
      const { detections } = await graphqlRequest<{ detections: Connection<Detection> }>(
        DETECTIONS,
        { last, filter, orderBy },
        { signal },
      );
      return {
        records: detections.edges.map((e) => e.node),
        cursors: detections.edges.map((e) => e.cursor),
        hasMore: false,
        total: detections.totalCount,
      };
    },
  };
}

export const detections: ResourceAdapter = {
  async getList(params, cache) {
    const { page, perPage } = pageOf(params);
    const filter = detectionFilter(params.filter);
    const orderBy = detectionOrder(params.sort);
    const key = cache.key('detections', filter, orderBy, perPage);
    const result = await numberedPage(cache, key, page, perPage, source(filter, orderBy), params.signal);
    return {
      data: result.data,
      total: result.total,
      pageInfo: { hasNextPage: result.hasNextPage, hasPreviousPage: page > 1 },
    };
  },
  async getOne(id, signal) {
    const { detection } = await graphqlRequest<{ detection: Detection | null }>(
      DETECTION,
      { id },
      { signal },
    );
    if (!detection) throw new HttpError(`No detection with id ${id}.`, 404, { code: 'NOT_FOUND' });
    return detection;
  },
};
