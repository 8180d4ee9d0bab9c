import { CursorCache } from '../../../admin-ui/src/data/cursor-cache';
import { numberedPage, type CursorChunk, type CursorSource } from '../../../admin-ui/src/data/paginate';

/** A keyset-paged list of n items, as the API serves it, that counts what it is asked. */
function fakeList(n: number) {
  const items = Array.from({ length: n }, (_, i) => `item-${String(i + 1).padStart(4, '0')}`);
  const calls: { kind: 'chunk' | 'cursors' | 'tail'; count: number; after: string | null }[] = [];
  const after = (count: number, cursor: string | null) => {
    if (count > 100) throw new Error(`asked for ${count}: the API allows at most 100`);
    const start = cursor === null ? 0 : items.indexOf(cursor) + 1;
    const slice = items.slice(start, start + count);
    return { slice, hasMore: start + count < n };
  };
  const source: CursorSource<string> = {
    async chunk(count, cursor) {
      calls.push({ kind: 'chunk', count, after: cursor });
      const { slice, hasMore } = after(count, cursor);
      return { records: slice, cursors: slice, hasMore, total: n } satisfies CursorChunk<string>;
    },
    async cursorsOnly(count, cursor) {
      calls.push({ kind: 'cursors', count, after: cursor });
      const { slice, hasMore } = after(count, cursor);
      return { records: [], cursors: slice, hasMore };
    },
    async tail(count) {
      calls.push({ kind: 'tail', count, after: null });
      const slice = items.slice(n - count);
      return { records: slice, cursors: slice, hasMore: false, total: n };
    },
  };
  return { items, calls, source };
}

describe('numbered pages over cursor connections', () => {
  it('reads page 2 after page 1 with the cursor page 1 ended on, without walking', async () => {
    const list = fakeList(60);
    const cache = new CursorCache();
    const key = cache.key('detections', {}, 'DESC', 25);
    await numberedPage(cache, key, 1, 25, list.source);
    const page2 = await numberedPage(cache, key, 2, 25, list.source);
    expect(page2.data).toEqual(list.items.slice(25, 50));
    expect(page2.total).toBe(60);
    expect(list.calls).toEqual([
      { kind: 'chunk', count: 25, after: null },
      { kind: 'chunk', count: 25, after: 'item-0025' },
    ]);
  });

  it('reaches a page never visited by walking cursors only, a hundred at a time', async () => {
    const list = fakeList(1000);
    const cache = new CursorCache();
    const key = cache.key('detections', {}, 'DESC', 25);
    const page = await numberedPage(cache, key, 9, 25, list.source);
    expect(page.data).toEqual(list.items.slice(200, 225));
    expect(list.calls.map((c) => `${c.kind}:${c.count}:${c.after}`)).toEqual([
      'cursors:100:null',
      'cursors:100:item-0100',
      'chunk:25:item-0200',
    ]);
    // The pages walked past are remembered: going back to page 5 reads it directly.
    list.calls.length = 0;
    expect((await numberedPage(cache, key, 5, 25, list.source)).data).toEqual(list.items.slice(100, 125));
    expect(list.calls).toEqual([{ kind: 'chunk', count: 25, after: 'item-0100' }]);
  });

  it('reads the last page from the end when the total is known', async () => {
    const list = fakeList(1013);
    const cache = new CursorCache();
    const key = cache.key('patterns', {}, 'name', 25);
    await numberedPage(cache, key, 1, 25, list.source);
    list.calls.length = 0;
    const last = await numberedPage(cache, key, 41, 25, list.source);
    expect(last.data).toEqual(list.items.slice(1000));
    expect(last.hasNextPage).toBe(false);
    expect(list.calls).toEqual([{ kind: 'tail', count: 13, after: null }]);
  });

  it('returns an empty page past the end of the list', async () => {
    const list = fakeList(30);
    const cache = new CursorCache();
    const page = await numberedPage(cache, cache.key('auditEvents', {}, true, 25), 4, 25, list.source);
    expect(page.data).toEqual([]);
    expect(page.hasNextPage).toBe(false);
  });

  it('reads a page larger than the API allows (a CSV export) in chunks', async () => {
    const list = fakeList(260);
    const cache = new CursorCache();
    const page = await numberedPage(cache, cache.key('detections', {}, 'DESC', 1000), 1, 1000, list.source);
    expect(page.data).toEqual(list.items);
    expect(list.calls.map((c) => c.count)).toEqual([100, 100, 100]);
  });

  it('keeps the cursors of each filter and order apart', () => {
    const cache = new CursorCache();
    const a = cache.key('detections', { severity: ['HIGH'], q: undefined }, 'DESC', 25);
    const b = cache.key('detections', { severity: ['LOW'] }, 'DESC', 25);
    const same = cache.key('detections', { severity: ['HIGH'] }, 'DESC', 25);
    cache.remember(a, 1, 'x');
    expect(cache.startOf(a, 2)).toBe('x');
    expect(cache.startOf(same, 2)).toBe('x');
    expect(cache.startOf(b, 2)).toBeUndefined();
    cache.forget('detections');
    expect(cache.startOf(a, 2)).toBeUndefined();
  });
});
