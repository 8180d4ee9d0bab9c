import type { NestedExtract } from './archive';
import { containing } from './archive';
import { ExtractError, type ExtractBudget } from './context';
import type { ExtractedPart } from './types';

const BLOCK = 512;

/**
 * Reads exact byte counts from a stream of pieces, for formats laid out one record after another.
 */
class SequentialReader {
  private buffered: Buffer[] = [];
  private bufferedBytes = 0;
  private readonly iterator: AsyncIterator<Buffer>;
  private done = false;
  /** Set once the source itself failed (read error, maxFileBytes): that failure was reported where it happened. */
  failed = false;

  constructor(source: AsyncIterable<Buffer>) {
    this.iterator = source[Symbol.asyncIterator]();
  }

  private async fill(n: number): Promise<void> {
    while (this.bufferedBytes < n && !this.done) {
      let next: IteratorResult<Buffer>;
      try {
        next = await this.iterator.next();
      } catch (error) {
        this.failed = true;
        this.done = true;
        throw error;
      }
      if (next.done === true) {
        this.done = true;
        break;
      }
      this.buffered.push(next.value);
      this.bufferedBytes += next.value.length;
    }
  }

  /** Up to `n` bytes (fewer only at the end of the stream). */
  async read(n: number): Promise<Buffer> {
    await this.fill(n);
    const all =
      this.buffered.length === 1 ? (this.buffered[0] ?? Buffer.alloc(0)) : Buffer.concat(this.buffered);
    const taken = all.subarray(0, n);
    const rest = all.subarray(taken.length);
    this.buffered = rest.length > 0 ? [rest] : [];
    this.bufferedBytes = rest.length;
    return taken;
  }

  /** The next piece, no larger than `max` bytes; empty at the end of the stream. */
  async readSome(max: number): Promise<Buffer> {
    if (this.bufferedBytes === 0) await this.fill(1);
    return this.read(Math.min(max, Math.max(1, this.bufferedBytes)));
  }
}

interface TarHeader {
  name: string;
  size: number;
  type: string;
}

function field(block: Buffer, start: number, length: number): string {
  const raw = block.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? raw.length : end).toString('utf8');
}

function numberField(block: Buffer, start: number, length: number): number {
  const first = block[start] ?? 0;
  // GNU base-256 for sizes past 8 GiB: high bit set, big-endian binary after it.
  if ((first & 0x80) !== 0) {
    let value = first & 0x7f;
    for (let i = 1; i < length; i++) value = value * 256 + (block[start + i] ?? 0);
    return value;
  }
  const text = field(block, start, length).trim();
  return text.length === 0 ? 0 : Number.parseInt(text, 8);
}

function checksumMatches(block: Buffer): boolean {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : (block[i] ?? 0);
  return sum === numberField(block, 148, 8);
}

function parseHeader(block: Buffer): TarHeader {
  if (!checksumMatches(block)) throw new ExtractError('corrupt tar: a header fails its checksum');
  const size = numberField(block, 124, 12);
  if (!Number.isSafeInteger(size) || size < 0)
    throw new ExtractError('corrupt tar: a header has an invalid size');
  const name = field(block, 0, 100);
  const prefix = field(block, 257, 6).startsWith('ustar') ? field(block, 345, 155) : '';
  return {
    name: prefix.length > 0 ? `${prefix}/${name}` : name,
    size,
    type: String.fromCharCode(block[156] ?? 0),
  };
}

/** `path=` from a pax extended header, which carries names longer than the header's 100 bytes. */
function paxPath(records: Buffer): string | null {
  for (const line of records.toString('utf8').split('\n')) {
    const match = /^\d+ path=(.*)$/.exec(line);
    if (match?.[1] !== undefined) return match[1];
  }
  return null;
}

/**
 * A tar archive read as it streams, entry after entry: each regular file goes through `nested` as a file of its
 * own at `archive.tar!dir/name`. Nothing is held in memory but the entry being read; an entry the consumer did not
 * read to its end is skipped over. The caller holds the whole stream to maxFileBytes, so no entry is larger.
 */
export async function* tarParts(
  path: string,
  bytes: AsyncIterable<Buffer>,
  budget: ExtractBudget,
  nested: NestedExtract,
): AsyncGenerator<ExtractedPart> {
  const { maxEntries } = budget.limits;
  const reader = new SequentialReader(bytes);
  let entries = 0;
  let longName: string | null = null;
  for (;;) {
    budget.checkTime();
    const block = await reader.read(BLOCK);
    if (block.length === 0 || block.every((b) => b === 0)) {
      if (entries === 0) yield { kind: 'skipped', path, reason: 'empty archive: no files in it' };
      return;
    }
    if (block.length < BLOCK) throw new ExtractError('truncated tar: the archive ends inside a header');
    const header = parseHeader(block);
    const padded = Math.ceil(header.size / BLOCK) * BLOCK;
    if (header.type === 'L' || header.type === 'x') {
      if (header.size > 1024 * 1024) throw new ExtractError('corrupt tar: an extended header over 1 MiB');
      const data = await reader.read(padded);
      longName =
        header.type === 'L'
          ? field(data, 0, header.size)
          : (paxPath(data.subarray(0, header.size)) ?? longName);
      continue;
    }
    const name = longName ?? header.name;
    longName = null;
    const regular = header.type === '0' || header.type === '\0' || header.type === '7';
    if (regular) entries++;
    if (entries > maxEntries) {
      yield {
        kind: 'error',
        path,
        message: `archive holds more than maxEntries (${maxEntries}) entries; only the first ${maxEntries} were read`,
      };
      return;
    }
    if (!regular) {
      // Folders, links and devices hold no content of their own.
      await skip(reader, padded);
      continue;
    }
    const entry = { left: header.size, open: true };
    const content = async function* (): AsyncGenerator<Buffer> {
      while (entry.open && entry.left > 0) {
        const piece = await reader.readSome(Math.min(entry.left, 256 * 1024));
        if (piece.length === 0) throw new ExtractError('truncated tar: the archive ends inside an entry');
        entry.left -= piece.length;
        yield piece;
      }
    };
    const entryPath = `${path}!${name}`;
    yield* containing(entryPath, nested(entryPath, content()));
    if (reader.failed) return;
    // Whatever the entry's reader left (a skipped binary, an abandoned part) is passed over, then the padding.
    entry.open = false;
    await skip(reader, entry.left + (padded - header.size));
  }
}

async function skip(reader: SequentialReader, bytes: number): Promise<void> {
  let left = bytes;
  while (left > 0) {
    const piece = await reader.readSome(Math.min(left, 1024 * 1024));
    if (piece.length === 0) throw new ExtractError('truncated tar: the archive ends inside an entry');
    left -= piece.length;
  }
}
