/**
 * Remembers where each page of a cursor-paginated list ends, so react-admin's numbered pages map onto the API's
 * keyset cursors: page N is fetched `after` the boundary cursor of page N-1. One entry per list + filter + sort +
 * page size (a cursor belongs to the order it was made with). Pages that were never visited are reached by a walk
 * that reads cursors only (see data-provider `walkTo`), which also fills the pages it passes.
 *
 * Why not offsets: the API has none on purpose (a deep offset is slow and shifts as detections arrive); keyset
 * cursors stay correct and fast, and visiting pages in order (the common case) costs no extra request.
 * @example const key = cache.key('detections', filter, sort, 25); cache.remember(key, 1, endCursor);
 */
export class CursorCache {
  private readonly lists = new Map<string, { boundaries: Map<number, string>; total?: number }>();

  constructor(private readonly maxLists = 50) {}

  key(resource: string, filter: unknown, sort: unknown, perPage: number): string {
    return JSON.stringify([resource, sortKeys(filter), sort, perPage]);
  }

  /** The cursor that page `page` starts after: null for page 1, undefined when not known yet. */
  startOf(key: string, page: number): string | null | undefined {
    if (page <= 1) return null;
    return this.lists.get(key)?.boundaries.get(page - 1);
  }

  /** The closest page before `page` whose end is known (0 = the start of the list, cursor null). */
  nearestBefore(key: string, page: number): { page: number; cursor: string | null } {
    const boundaries = this.lists.get(key)?.boundaries;
    for (let p = page - 1; p >= 1; p--) {
      const cursor = boundaries?.get(p);
      if (cursor !== undefined) return { page: p, cursor };
    }
    return { page: 0, cursor: null };
  }

  remember(key: string, page: number, lastCursor: string | null, total?: number): void {
    let list = this.lists.get(key);
    if (!list) {
      list = { boundaries: new Map() };
      this.lists.set(key, list);
      if (this.lists.size > this.maxLists) {
        const oldest = this.lists.keys().next().value;
        if (oldest !== undefined) this.lists.delete(oldest);
      }
    }
    if (lastCursor !== null) list.boundaries.set(page, lastCursor);
    if (total !== undefined) list.total = total;
  }

  total(key: string): number | undefined {
    return this.lists.get(key)?.total;
  }

  /** Forgets every list of a resource (after a create or delete the boundaries may have moved). */
  forget(resource: string): void {
    for (const key of [...this.lists.keys()]) {
      if (key.startsWith(`[${JSON.stringify(resource)},`)) this.lists.delete(key);
    }
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sortKeys(v)]),
    );
  }
  return value;
}
