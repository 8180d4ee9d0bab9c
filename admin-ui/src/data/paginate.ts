import type { CursorCache } from './cursor-cache';

/** The API's largest page (`first`/`last` at most 100); bigger requests (CSV export) are read in chunks. */
export const API_MAX_PAGE = 100;

export interface CursorChunk<T> {
  /** In display order. */
  records: T[];
  /** The cursor of each record, in display order. */
  cursors: string[];
  hasMore: boolean;
  total?: number;
}

/**
 * One list as the API pages it, seen in display order: `chunk(n, cursor)` returns the n records that follow
 * `cursor` (null: from the top). `cursorsOnly` is the same with cursors alone, to walk cheaply.
 */
export interface CursorSource<T> {
  chunk(count: number, cursor: string | null, signal?: AbortSignal): Promise<CursorChunk<T>>;
  cursorsOnly(count: number, cursor: string | null, signal?: AbortSignal): Promise<CursorChunk<never>>;
  /** The last n records of the list (the last page, reached without walking), when the API can tell. */
  tail?(count: number, signal?: AbortSignal): Promise<CursorChunk<T>>;
}

export interface NumberedPage<T> {
  data: T[];
  total?: number;
  hasNextPage: boolean;
}

/**
 * Page `page` of `perPage` records through cursors: page N starts after the last cursor of page N-1 (remembered in
 * `cache`); an unvisited page is reached by walking cursors only, 100 at a time, from the nearest known page.
 * @example await numberedPage(cache, key, 3, 25, detectionsSource(filter, order));
 */
export async function numberedPage<T>(
  cache: CursorCache,
  key: string,
  page: number,
  perPage: number,
  source: CursorSource<T>,
  signal?: AbortSignal,
): Promise<NumberedPage<T>> {
  let start = cache.startOf(key, page);
  if (start === undefined) {
    const total = cache.total(key);
    const lastPage = total === undefined ? undefined : Math.max(1, Math.ceil(total / perPage));
    if (source.tail && total !== undefined && page === lastPage) {
      const tail = await source.tail(total - (page - 1) * perPage, signal);
      return { data: tail.records, total: tail.total ?? total, hasNextPage: false };
    }
    const reached = await walk(cache, key, page, perPage, source, signal);
    if (!reached) return { data: [], total, hasNextPage: false };
    start = cache.startOf(key, page) ?? null;
  }
  const result = await collect(perPage, start, (n, c) => source.chunk(n, c, signal));
  cache.remember(key, page, result.cursors[result.cursors.length - 1] ?? null, result.total);
  return { data: result.records, total: result.total, hasNextPage: result.hasMore };
}

/** Walks from the nearest known page to the end of page-1, remembering each page end passed. False: past the end. */
async function walk<T>(
  cache: CursorCache,
  key: string,
  page: number,
  perPage: number,
  source: CursorSource<T>,
  signal?: AbortSignal,
): Promise<boolean> {
  const from = cache.nearestBefore(key, page);
  let cursor = from.cursor;
  let walked = from.page * perPage;
  let need = (page - 1 - from.page) * perPage;
  while (need > 0) {
    const count = Math.min(API_MAX_PAGE, need);
    const chunk = await source.cursorsOnly(count, cursor, signal);
    chunk.cursors.forEach((c, i) => {
      const index = walked + i + 1;
      if (index % perPage === 0) cache.remember(key, index / perPage, c);
    });
    walked += chunk.cursors.length;
    need -= chunk.cursors.length;
    cursor = chunk.cursors[chunk.cursors.length - 1] ?? cursor;
    if (chunk.cursors.length < count || (!chunk.hasMore && need > 0)) return false;
  }
  return true;
}

/** Reads `count` records after `cursor` in chunks the API accepts. */
export async function collect<T>(
  count: number,
  cursor: string | null,
  read: (count: number, cursor: string | null) => Promise<CursorChunk<T>>,
): Promise<CursorChunk<T>> {
  const out: CursorChunk<T> = { records: [], cursors: [], hasMore: false };
  let after = cursor;
  while (out.records.length < count) {
    const want = Math.min(API_MAX_PAGE, count - out.records.length);
    const chunk = await read(want, after);
    out.records.push(...chunk.records);
    out.cursors.push(...chunk.cursors);
    out.hasMore = chunk.hasMore;
    if (chunk.total !== undefined) out.total = chunk.total;
    after = chunk.cursors[chunk.cursors.length - 1] ?? after;
    if (!chunk.hasMore || chunk.cursors.length === 0) break;
  }
  return out;
}
