import { randomBytes } from 'node:crypto';
import { extract, type ExtractSource } from '../../../worker/dlp/extract';
import { MAX_CHUNK_CHARS, MIN_CHUNK_CHARS } from '../../../worker/dlp/extract/text';
import { collect, sourceOf, textOf } from './build-files';

describe('a UTF-8 text file read one byte at a time', () => {
  it('decodes characters split across reads exactly', async () => {
    const text = 'naïve café — 日本語 — 🔑 key=AKIA\nsecond line ✓\n';
    const parts = await collect(sourceOf('notes.txt', text, 1));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'text', hasLines: true })]);
    expect(textOf(parts, 'notes.txt')).toBe(text);
  });
});

describe('a text file with invalid UTF-8 bytes', () => {
  it('is read with each bad byte replaced by U+FFFD', async () => {
    const bytes = Buffer.concat([
      Buffer.from('user=alice password='),
      Buffer.from([0xff, 0xfe, 0xc3]),
      Buffer.from(' and the rest of the line is fine\n'),
    ]);
    const parts = await collect(sourceOf('bad.log', bytes));
    expect(textOf(parts, 'bad.log')).toBe(
      'user=alice password=\ufffd\ufffd\ufffd and the rest of the line is fine\n',
    );
  });
});

describe('a UTF-16 file with a byte-order mark', () => {
  const text = 'name,card\nAlice,4111 1111 1111 1111\nÉmile,🔑\n';

  it('is decoded from little-endian, even when reads split its code units', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const parts = await collect(sourceOf('export.csv', bytes, 3));
    expect(textOf(parts, 'export.csv')).toBe(text);
  });

  it('is decoded from big-endian', async () => {
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    const parts = await collect(sourceOf('export.csv', bytes, 5));
    expect(textOf(parts, 'export.csv')).toBe(text);
  });
});

describe('a UTF-16LE file without a byte-order mark', () => {
  it('is still recognised as text by its pattern of NUL bytes', async () => {
    const text = 'Windows wrote this log\r\nwithout a BOM\r\n';
    const parts = await collect(sourceOf('event.log', Buffer.from(text, 'utf16le')));
    expect(textOf(parts, 'event.log')).toBe(text);
  });
});

describe('source code, csv, json and yaml', () => {
  it.each([
    ['app.ts', 'const key = process.env.KEY;\n'],
    ['data.csv', 'id,email\n1,a@example.com\n'],
    ['config.json', '{ "token": "abc" }\n'],
    ['values.yaml', 'db:\n  password: hunter2\n'],
  ])('%s is plain text with line numbers', async (path, content) => {
    const parts = await collect(sourceOf(path, content));
    expect(parts).toEqual([
      { kind: 'text', path, format: 'text', hasLines: true, text: content, chunkSizes: [content.length] },
    ]);
  });
});

describe('an empty file', () => {
  it('is a text part with no text', async () => {
    const parts = await collect(sourceOf('empty.txt', ''));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', path: 'empty.txt', text: '' })]);
  });
});

describe('a 5 MB line with no line break', () => {
  it('comes out in chunks of at most 1 MB that join back into the line', async () => {
    const line = 'x'.repeat(5 * 1024 * 1024 - 3) + 'END';
    const parts = await collect(sourceOf('one-line.txt', line, 5 * 1024 * 1024));
    const part = parts[0];
    expect(part?.kind).toBe('text');
    if (part?.kind !== 'text') return;
    expect(part.chunkSizes.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...part.chunkSizes)).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    expect(part.text).toBe(line);
  });

  it('never splits a surrogate pair between two chunks', async () => {
    const line = 'a' + '🔑'.repeat(MAX_CHUNK_CHARS);
    const parts = await collect(sourceOf('emoji.txt', line, 4 * 1024 * 1024));
    const part = parts[0];
    if (part?.kind !== 'text') throw new Error('expected text');
    expect(part.text).toBe(line);
    expect(part.chunkSizes.every((size) => size <= MAX_CHUNK_CHARS)).toBe(true);
  });
});

describe('a 40 MB log', () => {
  it('streams in bounded chunks, reading the file only as fast as the chunks are consumed', async () => {
    const line = '2024-01-01T00:00:00Z INFO request served in 12ms by worker-7 for tenant acme\n';
    const pieceBytes = 64 * 1024;
    const piece = Buffer.from(line.repeat(Math.ceil(pieceBytes / line.length)).slice(0, pieceBytes));
    const total = 40 * 1024 * 1024;
    let produced = 0;
    const source: ExtractSource = {
      path: 'big.log',
      async *open() {
        while (produced < total) {
          produced += piece.length;
          yield piece;
        }
      },
    };
    const chunkSizes: number[] = [];
    const readAheadAtChunk: number[] = [];
    let consumed = 0;
    for await (const part of extract(source)) {
      expect(part.kind).toBe('text');
      if (part.kind !== 'text') continue;
      for await (const chunk of part.chunks) {
        consumed += chunk.length;
        chunkSizes.push(chunk.length);
        readAheadAtChunk.push(produced - consumed);
      }
    }
    expect(consumed).toBe(total);
    expect(chunkSizes.length).toBeGreaterThanOrEqual(40);
    expect(Math.max(...chunkSizes)).toBeLessThanOrEqual(MAX_CHUNK_CHARS);
    expect(chunkSizes.slice(0, -1).every((size) => size >= MIN_CHUNK_CHARS)).toBe(true);
    // Bounded memory: the extractor never holds more than a couple of MB the consumer has not taken yet.
    expect(Math.max(...readAheadAtChunk)).toBeLessThanOrEqual(2 * 1024 * 1024);
  });
});

describe('a text file larger than maxFileBytes', () => {
  it('is refused unread when its size is known', async () => {
    let opened = false;
    const source: ExtractSource = {
      path: 'huge.log',
      size: 2000,
      open() {
        opened = true;
        return [Buffer.alloc(2000, 0x61)][Symbol.iterator]() as never;
      },
    };
    const parts = await collect(source, { maxFileBytes: 1000 });
    expect(opened).toBe(false);
    expect(parts).toEqual([
      { kind: 'error', path: 'huge.log', message: 'file is 2000 bytes, over maxFileBytes (1000); not read' },
    ]);
  });

  it('is scanned up to the limit and then reported when its size was not known', async () => {
    const source = { ...sourceOf('stream.log', 'a'.repeat(3000), 500), size: undefined };
    const parts = await collect(source, { maxFileBytes: 1000 });
    expect(parts).toEqual([
      expect.objectContaining({ kind: 'text', path: 'stream.log', text: 'a'.repeat(1000) }),
      {
        kind: 'error',
        path: 'stream.log',
        message: 'over maxFileBytes (1000): only the first 1000 bytes were read and scanned',
      },
    ]);
  });
});

describe('random binary data', () => {
  it('is skipped with the reason, not scanned as text', async () => {
    const parts = await collect(sourceOf('blob.dat', randomBytes(16 * 1024)));
    expect(parts).toEqual([
      {
        kind: 'skipped',
        path: 'blob.dat',
        reason: expect.stringMatching(/^binary content: \d+% of the first 8192 bytes are not text$/),
      },
    ]);
  });

  it.each([
    ['logo.txt', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'binary file: PNG image'],
    ['tool', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0], 'binary file: ELF executable'],
    ['setup.exe', [0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0], 'binary file: Windows executable (MZ)'],
  ])('%s is recognised by its magic bytes whatever its name', async (path, magic, reason) => {
    const parts = await collect(
      sourceOf(path, Buffer.concat([Buffer.from(magic), Buffer.from('looks like text')])),
    );
    expect(parts).toEqual([{ kind: 'skipped', path, reason }]);
  });

  it('does not mistake a text starting with the letters of a signature for a binary', async () => {
    const parts = await collect(sourceOf('memo.txt', 'MZ Holdings quarterly memo\n'));
    expect(textOf(parts, 'memo.txt')).toBe('MZ Holdings quarterly memo\n');
  });
});

describe('a file named like one format but holding another', () => {
  it('is read by its content: a .pdf full of text is text', async () => {
    const parts = await collect(sourceOf('invoice.pdf', 'not a pdf at all, just text\n'));
    expect(parts).toEqual([expect.objectContaining({ kind: 'text', format: 'text', path: 'invoice.pdf' })]);
  });
});

describe('a source that fails', () => {
  it('gives an error part when it cannot be opened', async () => {
    const source: ExtractSource = {
      path: 'gone.txt',
      open() {
        throw new Error('ENOENT: no such file');
      },
    };
    expect(await collect(source)).toEqual([
      { kind: 'error', path: 'gone.txt', message: 'cannot open the file: ENOENT: no such file' },
    ]);
  });

  it('keeps the text read so far and reports the read error after it', async () => {
    const source: ExtractSource = {
      path: 'flaky.txt',
      async *open() {
        yield Buffer.from('first part\n');
        throw new Error('connection reset');
      },
    };
    expect(await collect(source)).toEqual([
      expect.objectContaining({ kind: 'text', text: 'first part\n' }),
      { kind: 'error', path: 'flaky.txt', message: 'connection reset' },
    ]);
  });

  it('is closed when the consumer stops early', async () => {
    let closed = false;
    const source: ExtractSource = {
      path: 'endless.txt',
      async *open() {
        try {
          for (;;) yield Buffer.from('line\n'.repeat(1000));
        } finally {
          closed = true;
        }
      },
    };
    for await (const part of extract(source)) {
      if (part.kind !== 'text') continue;
      for await (const _chunk of part.chunks) break;
      break;
    }
    expect(closed).toBe(true);
  });
});

describe('a time budget that is already spent', () => {
  it('stops a streaming text file with an error naming the limit', async () => {
    const parts = await collect(sourceOf('slow.txt', 'text\n'), { timeBudgetMs: 0 });
    expect(parts).toContainEqual({
      kind: 'error',
      path: 'slow.txt',
      message: expect.stringMatching(/^over timeBudgetMs \(0\)/),
    });
  });
});
