import type { Page, PageRequest } from '../services/types';
import type { PageInfo } from './relay';

/** What every connection type holds: edges with cursors, the bare nodes (a shortcut), and paging info. */
export interface ConnectionShape<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
}

/**
 * A Relay connection from one keyset page. Going forwards, `hasPreviousPage` is true when the page started after a
 * cursor (there was at least the cursor's item before it); going backwards, `hasNextPage` likewise. This is what
 * the Relay specification allows when the other direction cannot be known without another query.
 */
export function toConnection<T, K>(
  page: Page<T>,
  request: PageRequest<K>,
  cursorOf: (item: T) => string,
): ConnectionShape<T> {
  const edges = page.items.map((node) => ({ cursor: cursorOf(node), node }));
  const forward = request.direction === 'forward';
  return {
    edges,
    nodes: page.items,
    pageInfo: {
      hasNextPage: forward ? page.hasMore : request.cursor !== null,
      hasPreviousPage: forward ? request.cursor !== null : page.hasMore,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
