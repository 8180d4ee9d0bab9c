import { gzipSync, strToU8, zipSync } from 'fflate';
import { crc32Update } from '../../../worker/dlp/extract/crc32';
import { collect, deflatedFill, rawZip, sourceOf, textOf, zip, zip64 } from './build-files';

function nest(levels: number, leaf: Record<string, string>): Uint8Array {
  let inner = zip(leaf);
  for (let level = levels; level >= 1; level--) inner = zip({ [`l${level}.zip`]: inner });
  return inner;
}

describe('a zip archive', () => {
  it('gives each entry as its own part, named archive!path', async () => {
    const archive = zip({
      'readme.txt': 'hello',
      'docs/page.html': '<p>token&#61;abc</p>',
      'img/logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
      'docs/': new Uint8Array(0),
    });
    const parts = await collect(sourceOf('upload.zip', archive));
    expect(parts.map((p) => [p.kind, p.path])).toEqual([
      ['text', 'upload.zip!readme.txt'],
      ['text', 'upload.zip!docs/page.html'],
      ['skipped', 'upload.zip!img/logo.png'],
    ]);
    expect(textOf(parts, 'upload.zip!readme.txt')).toBe('hello');
    expect(textOf(parts, 'upload.zip!docs/page.html')).toContain('token=abc');
  });

  it('with no files in it is reported as skipped, not silently dropped', async () => {
    expect(await collect(sourceOf('empty.zip', zip({ 'folder/': new Uint8Array(0) })))).toEqual([
      { kind: 'skipped', path: 'empty.zip', reason: 'empty archive: no files in it' },
    ]);
  });

  it('opens archives inside archives, naming each level', async () => {
    const archive = zip({ 'inner.zip': zip({ 'deep.txt': 'deep secret' }), 'top.txt': 'top' });
    const parts = await collect(sourceOf('outer.zip', archive));
    expect(textOf(parts, 'outer.zip!inner.zip!deep.txt')).toBe('deep secret');
    expect(textOf(parts, 'outer.zip!top.txt')).toBe('top');
  });

  it('streams a large text entry instead of inflating it whole', async () => {
    const log = Array.from({ length: 100_000 }, (_, i) => `${i} user=${(i * 7919) % 10007} login\n`).join('');
    const archive = zip({ 'app.log': log });
    const parts = await collect(sourceOf('logs.zip', archive));
    const part = parts[0];
    if (part?.kind !== 'text') throw new Error(`expected a text part, got ${JSON.stringify(parts)}`);
    expect(part.text).toBe(log);
    expect(part.chunkSizes.length).toBeGreaterThan(1);
  });
});

describe('a ZIP64 archive', () => {
  it('is read through its ZIP64 end record and extra fields', async () => {
    const parts = await collect(
      sourceOf('big.zip', zip64('export/users.csv', 'id,email\n1,a@example.com\n')),
    );
    expect(textOf(parts, 'big.zip!export/users.csv')).toBe('id,email\n1,a@example.com\n');
  });
});

describe('archives nested deeper than maxDepth', () => {
  it('are opened down to the limit, and the one past it is an error part', async () => {
    const parts = await collect(sourceOf('l0.zip', nest(4, { 'deep.txt': 'bottom' })));
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'l0.zip!l1.zip!l2.zip!l3.zip!l4.zip',
        message: 'archive nested at depth 4, over maxDepth (3); not opened',
      },
    ]);
  });

  it('are all read when they fit', async () => {
    const parts = await collect(sourceOf('l0.zip', nest(3, { 'deep.txt': 'bottom' })));
    expect(textOf(parts, 'l0.zip!l1.zip!l2.zip!l3.zip!deep.txt')).toBe('bottom');
  });

  it('with maxDepth 0 leave only the top archive open', async () => {
    const parts = await collect(sourceOf('l0.zip', nest(1, { 'a.txt': 'a' })), { maxDepth: 0 });
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'l0.zip!l1.zip',
        message: 'archive nested at depth 1, over maxDepth (0); not opened',
      },
    ]);
  });
});

describe('an archive with more entries than maxEntries', () => {
  it('has its first entries read and the rest reported', async () => {
    const entries = Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`f${i}.txt`, `file ${i}`]));
    const parts = await collect(sourceOf('many.zip', zip(entries)), { maxEntries: 3 });
    expect(parts.map((p) => p.path)).toEqual([
      'many.zip!f0.txt',
      'many.zip!f1.txt',
      'many.zip!f2.txt',
      'many.zip',
    ]);
    expect(parts[3]).toEqual({
      kind: 'error',
      path: 'many.zip',
      message: 'archive lists 5 entries, over maxEntries (3); only the first 3 were read',
    });
  });
});

describe('a zip bomb', () => {
  it('that declares its size is refused before inflating, by its compression ratio', async () => {
    const zeros = await deflatedFill(100 * 1024 * 1024);
    const bomb = rawZip([
      { name: 'zeros.txt', data: zeros, size: 100 * 1024 * 1024 },
      {
        name: 'after.txt',
        data: strToU8('still read'),
        method: 0,
        size: 10,
        crc: crc32Update(0, strToU8('still read')),
      },
    ]);
    const parts = await collect(sourceOf('bomb.zip', bomb));
    expect(parts[0]).toEqual({
      kind: 'error',
      path: 'bomb.zip!zeros.txt',
      message: expect.stringMatching(
        /^over maxCompressionRatio \(200\): the entry declares 104857600 bytes from \d+ compressed/,
      ),
    });
    expect(textOf(parts, 'bomb.zip!after.txt')).toBe('still read');
  });

  it('that lies about its size is stopped while inflating', async () => {
    const zeros = await deflatedFill(100 * 1024 * 1024);
    const parts = await collect(sourceOf('liar.zip', rawZip([{ name: 'zeros.txt', data: zeros, size: 0 }])));
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'liar.zip!zeros.txt',
      message: expect.stringMatching(
        /^over maxCompressionRatio \(200\): the entry inflated past \d+ bytes .*stopped$/,
      ),
    });
  });

  it('that lies about its size within the ratio is stopped at its declared size', async () => {
    const zeros = await deflatedFill(4 * 1024 * 1024);
    const parts = await collect(sourceOf('liar.zip', rawZip([{ name: 'a.txt', data: zeros, size: 1000 }])), {
      maxCompressionRatio: 100_000,
    });
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'liar.zip!a.txt',
      message: 'corrupt zip or zip bomb: the entry inflates past its declared size of 1000 bytes',
    });
  });

  it('nested inside another archive is stopped the same way, and its siblings are read', async () => {
    const zeros = await deflatedFill(100 * 1024 * 1024);
    const inner = rawZip([{ name: 'zeros.txt', data: zeros, size: 0 }]);
    const outer = zipSync({ 'inner.zip': [inner, { level: 0 }], 'ok.txt': strToU8('sibling') });
    const parts = await collect(sourceOf('outer.zip', outer));
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'outer.zip!inner.zip!zeros.txt',
      message: expect.stringMatching(/^over maxCompressionRatio \(200\)/),
    });
    expect(textOf(parts, 'outer.zip!ok.txt')).toBe('sibling');
  });

  it('made of many honest entries is stopped once the whole input passes maxExtractedBytes', async () => {
    const text = 'x'.repeat(400 * 1024);
    const entries = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`part${i}.txt`, text]));
    const parts = await collect(sourceOf('wide.zip', zip(entries)), {
      maxExtractedBytes: 1024 * 1024,
      maxCompressionRatio: 10_000,
    });
    const texts = parts.filter((p) => p.kind === 'text');
    const errors = parts.filter((p) => p.kind === 'error');
    expect(texts.length).toBe(2);
    expect(errors.length).toBeGreaterThan(0);
    expect(
      errors.every((e) => e.kind === 'error' && e.message.startsWith('over maxExtractedBytes (1048576)')),
    ).toBe(true);
  });

  it('that overlaps one compressed stream many times is stopped by maxExtractedBytes', async () => {
    // Fifield's non-recursive bomb: every central entry points at the same local data.
    const zeros = await deflatedFill(1024 * 1024);
    const one = rawZip([
      { name: 'z', data: zeros, size: 1024 * 1024, crc: crc32Update(0, new Uint8Array(1024 * 1024)) },
    ]);
    const view = Buffer.from(one);
    const centralAt = view.readUInt32LE(view.length - 6);
    const central = view.subarray(centralAt, view.length - 22);
    const copies = 50;
    const end = Buffer.from(view.subarray(view.length - 22));
    end.writeUInt16LE(copies, 8);
    end.writeUInt16LE(copies, 10);
    end.writeUInt32LE(central.length * copies, 12);
    const overlapped = Buffer.concat([view.subarray(0, centralAt), ...Array(copies).fill(central), end]);
    const parts = await collect(sourceOf('overlap.zip', overlapped), { maxExtractedBytes: 10 * 1024 * 1024 });
    expect(parts.filter((p) => p.kind === 'text').length).toBeLessThanOrEqual(10);
    expect(parts.at(-1)).toEqual(
      expect.objectContaining({ kind: 'error', message: expect.stringMatching(/maxExtractedBytes/) }),
    );
  });
});

describe('a damaged zip', () => {
  it('cut short is an error part that says it is truncated', async () => {
    const archive = zip({ 'a.txt': 'alpha '.repeat(1000), 'b.txt': 'beta' });
    const parts = await collect(sourceOf('cut.zip', archive.subarray(0, Math.floor(archive.length * 0.6))));
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'cut.zip',
        message: 'truncated or corrupt zip: the end of central directory record is missing',
      },
    ]);
  });

  it('with a corrupted entry reports that entry and reads the others', async () => {
    const good = 'the good entry';
    const archive = Buffer.from(
      zip({ 'bad.txt': 'some text that will be damaged '.repeat(50), 'good.txt': good }),
    );
    const nameAt = archive.indexOf('bad.txt');
    archive.writeUInt8((archive.readUInt8(nameAt + 12) ^ 0xff) & 0xff, nameAt + 12);
    const parts = await collect(sourceOf('damaged.zip', archive));
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'damaged.zip!bad.txt',
      message: expect.stringMatching(/^corrupt (deflate data|zip)/),
    });
    expect(textOf(parts, 'damaged.zip!good.txt')).toBe(good);
  });

  it('with an encrypted entry reports it as encrypted', async () => {
    const data = strToU8('ciphertext here');
    const parts = await collect(
      sourceOf('locked.zip', rawZip([{ name: 'secret.txt', data, method: 0, flags: 1, size: data.length }])),
    );
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'locked.zip!secret.txt',
        message: 'encrypted (password-protected) entry: its content cannot be scanned',
      },
    ]);
  });

  it('with an unsupported compression method says which', async () => {
    const data = strToU8('BZh9...');
    const parts = await collect(sourceOf('bz.zip', rawZip([{ name: 'x.txt', data, method: 12, size: 100 }])));
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'bz.zip!x.txt',
        message: 'compression method 12 is not supported (only stored and deflate are)',
      },
    ]);
  });
});

describe('a zip over the time budget', () => {
  it('stops with an error naming timeBudgetMs', async () => {
    const parts = await collect(sourceOf('slow.zip', zip({ 'a.txt': 'a', 'b.txt': 'b' })), {
      timeBudgetMs: 0,
    });
    expect(parts).toEqual([
      {
        kind: 'error',
        path: 'slow.zip',
        message: 'over timeBudgetMs (0): extraction of this file took too long; the rest of it was not read',
      },
    ]);
  });
});

describe('a gzip file', () => {
  it('is decompressed as it streams and named after the file inside', async () => {
    const log = 'GET /login?password=hunter2 200\n'.repeat(1000);
    const parts = await collect(sourceOf('access.log.gz', gzipSync(strToU8(log)), 1000));
    expect(textOf(parts, 'access.log.gz!access.log')).toBe(log);
  });

  it('holding a bomb is stopped by its compression ratio', async () => {
    const zeros = await deflatedFill(100 * 1024 * 1024);
    const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
    // 'zeros.gz' → 'zeros': no name is stored in this header.
    const trailer = Buffer.alloc(8);
    const parts = await collect(sourceOf('zeros.gz', Buffer.concat([header, zeros, trailer])));
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'zeros.gz!zeros',
      message: expect.stringMatching(/^over maxCompressionRatio \(200\)/),
    });
  });

  it('that is corrupt is an error part', async () => {
    const gz = Buffer.from(gzipSync(strToU8('hello world '.repeat(100))));
    const parts = await collect(sourceOf('bad.gz', gz.subarray(0, 20)));
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'bad.gz!bad',
      message: expect.stringMatching(/^corrupt gzip data/),
    });
  });
});
