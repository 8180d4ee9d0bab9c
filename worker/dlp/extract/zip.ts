import { Inflate } from 'fflate';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { ExtractError, type ExtractBudget } from './context';
import { crc32Update } from './crc32';

/** One file or folder listed in an archive's central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  /** Size the archive claims; a liar is caught while inflating. */
  size: number;
  localHeaderOffset: number;
  isDirectory: boolean;
  encrypted: boolean;
}

/** An archive's table of contents, cut at `maxEntries`. */
export interface ZipDirectory {
  entries: ZipEntry[];
  /** Entries the archive declares, including any past the limit. */
  declaredEntries: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** Compressed bytes handed to the inflater at once: at most ~1032 times that comes out before a check. */
const INFLATE_SLICE = 16 * 1024;
const STORED_SLICE = 256 * 1024;
/** Small entries may compress better than the ratio limit (a 600 KB sheet of zeros) without being bombs. */
export const RATIO_GRACE_BYTES = 1024 * 1024;
/** Inflating yields the event loop this often, so heartbeats and timers keep running beside a big archive. */
const YIELD_EVERY_BYTES = 8 * 1024 * 1024;

const IBM437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀' +
  'αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function decodeName(bytes: Uint8Array, utf8: boolean): string {
  if (utf8 || bytes.every((b) => b < 0x80)) return Buffer.from(bytes).toString('utf8');
  // Without the UTF-8 flag, zip names are in the old DOS code page.
  return Array.from(bytes, (b) =>
    b < 0x80 ? String.fromCharCode(b) : (IBM437_HIGH[b - 0x80] ?? '\ufffd'),
  ).join('');
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function findEndOfCentralDirectory(bytes: Uint8Array, data: DataView): number {
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let fallback = -1;
  for (let at = bytes.length - 22; at >= earliest; at--) {
    if (data.getUint32(at, true) !== EOCD) continue;
    // A comment may itself contain the signature; the real record's comment reaches exactly to the end.
    if (at + 22 + data.getUint16(at + 20, true) === bytes.length) return at;
    if (fallback === -1) fallback = at;
  }
  return fallback;
}

/**
 * Reads the central directory of an archive held in memory.
 * @throws ExtractError naming what is wrong: not a zip, truncated, inconsistent offsets.
 * @example
 * readZipDirectory(bytes, 10_000).entries.map((e) => e.name) // → ['a.txt', 'docs/', 'docs/b.pdf']
 */
export function readZipDirectory(bytes: Uint8Array, maxEntries: number): ZipDirectory {
  const data = view(bytes);
  if (bytes.length < 22)
    throw new ExtractError(`truncated zip: ${bytes.length} bytes is too short for an archive`);
  const eocd = findEndOfCentralDirectory(bytes, data);
  if (eocd === -1) {
    throw new ExtractError('truncated or corrupt zip: the end of central directory record is missing');
  }
  let declared = data.getUint16(eocd + 10, true);
  let directorySize = data.getUint32(eocd + 12, true);
  let directoryOffset = data.getUint32(eocd + 16, true);
  if (declared === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) {
    const locator = eocd - 20;
    if (locator >= 0 && data.getUint32(locator, true) === ZIP64_LOCATOR) {
      const record = Number(data.getBigUint64(locator + 8, true));
      if (record + 56 > bytes.length || data.getUint32(record, true) !== ZIP64_EOCD) {
        throw new ExtractError('corrupt zip: the ZIP64 end of central directory record is missing');
      }
      declared = Number(data.getBigUint64(record + 32, true));
      directorySize = Number(data.getBigUint64(record + 40, true));
      directoryOffset = Number(data.getBigUint64(record + 48, true));
    }
  }
  if (directoryOffset + directorySize > bytes.length) {
    throw new ExtractError(
      `truncated or corrupt zip: the central directory (${directorySize} bytes at offset ${directoryOffset}) ` +
        `lies past the end of the ${bytes.length}-byte file`,
    );
  }
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  const wanted = Math.min(declared, maxEntries);
  while (entries.length < wanted) {
    if (at + 46 > bytes.length || data.getUint32(at, true) !== CENTRAL) {
      throw new ExtractError(
        `corrupt zip: central directory record ${entries.length + 1} of ${declared} is missing or damaged`,
      );
    }
    const flags = data.getUint16(at + 8, true);
    const nameLength = data.getUint16(at + 28, true);
    const extraLength = data.getUint16(at + 30, true);
    const commentLength = data.getUint16(at + 32, true);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > bytes.length)
      throw new ExtractError(`corrupt zip: central directory record ${entries.length + 1} is cut off`);
    const name = decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    const entry: ZipEntry = {
      name,
      method: data.getUint16(at + 10, true),
      flags,
      crc: data.getUint32(at + 16, true),
      compressedSize: data.getUint32(at + 20, true),
      size: data.getUint32(at + 24, true),
      localHeaderOffset: data.getUint32(at + 42, true),
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      encrypted: (flags & 1) !== 0,
    };
    applyZip64(entry, bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at = end;
  }
  return { entries, declaredEntries: declared };
}

/** Sizes and offsets past 4 GiB live in the ZIP64 extra field, in this order, only where the header says 0xFFFFFFFF. */
function applyZip64(entry: ZipEntry, extra: Uint8Array): void {
  const data = view(extra);
  let at = 0;
  while (at + 4 <= extra.length) {
    const id = data.getUint16(at, true);
    const length = data.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const next = (): number | null => {
        if (field + 8 > at + 4 + length || field + 8 > extra.length) return null;
        const value = Number(data.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = next() ?? entry.localHeaderOffset;
      return;
    }
    at += 4 + length;
  }
}

/** Why an entry cannot be read at all, before any inflating; `null` when it can. */
export function unreadableReason(entry: ZipEntry): string | null {
  if (entry.encrypted || entry.method === 99)
    return 'encrypted (password-protected) entry: its content cannot be scanned';
  if (entry.method !== 0 && entry.method !== 8) {
    return `compression method ${entry.method} is not supported (only stored and deflate are)`;
  }
  return null;
}

function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL) {
    throw new ExtractError("corrupt zip: the entry's local header is missing or damaged");
  }
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw new ExtractError(
      `truncated zip: the entry's ${entry.compressedSize} compressed bytes run past the end of the archive`,
    );
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * The inflated content of an entry, piece by piece, with every limit checked as the bytes come out: the
 * compression ratio of this entry, the size it declared, the bytes and time of the whole input.
 * At the end the CRC is checked, so a corrupt entry is reported even when it inflated cleanly.
 */
export async function* inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ExtractBudget,
): AsyncGenerator<Buffer> {
  const unreadable = unreadableReason(entry);
  if (unreadable !== null) throw new ExtractError(unreadable);
  const { maxCompressionRatio, maxExtractedBytes } = budget.limits;
  const allowed = Math.max(RATIO_GRACE_BYTES, entry.compressedSize * maxCompressionRatio);
  if (entry.size > allowed) {
    throw new ExtractError(
      `over maxCompressionRatio (${maxCompressionRatio}): the entry declares ${entry.size} bytes from ` +
        `${entry.compressedSize} compressed (a zip bomb?); not inflated`,
    );
  }
  if (budget.extractedBytes + entry.size > maxExtractedBytes) {
    throw new ExtractError(
      `over maxExtractedBytes (${maxExtractedBytes}): the entry declares ${entry.size} bytes, more than is left ` +
        'for this input; not inflated',
    );
  }
  const compressed = entryData(bytes, entry);
  let produced = 0;
  let crc = 0;
  let sinceYield = 0;
  const account = (piece: Uint8Array): void => {
    produced += piece.length;
    if (produced > allowed) {
      throw new ExtractError(
        `over maxCompressionRatio (${maxCompressionRatio}): the entry inflated past ${allowed} bytes from ` +
          `${entry.compressedSize} compressed (a zip bomb?); stopped`,
      );
    }
    // Data descriptors may leave the declared size at 0 in odd writers; only a non-zero claim is held to.
    if (entry.size > 0 && produced > entry.size) {
      throw new ExtractError(
        `corrupt zip or zip bomb: the entry inflates past its declared size of ${entry.size} bytes`,
      );
    }
    budget.charge(piece.length);
    crc = crc32Update(crc, piece);
  };

  if (entry.method === 0) {
    for (let at = 0; at < compressed.length; at += STORED_SLICE) {
      budget.checkTime();
      const piece = Buffer.from(compressed.subarray(at, at + STORED_SLICE));
      account(piece);
      yield piece;
    }
  } else {
    let out: Uint8Array[] = [];
    const inflater = new Inflate((chunk) => {
      if (chunk.length > 0) out.push(chunk);
    });
    for (let at = 0; at < compressed.length || at === 0; at += INFLATE_SLICE) {
      budget.checkTime();
      const last = at + INFLATE_SLICE >= compressed.length;
      try {
        inflater.push(compressed.subarray(at, at + INFLATE_SLICE), last);
      } catch (error) {
        throw new ExtractError(
          `corrupt deflate data in the entry: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      const pieces = out;
      out = [];
      for (const piece of pieces) {
        account(piece);
        sinceYield += piece.length;
        yield Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      }
      if (sinceYield > YIELD_EVERY_BYTES) {
        sinceYield = 0;
        await nextTurn();
      }
      if (last) break;
    }
  }
  if (produced !== entry.size) {
    throw new ExtractError(`corrupt zip: the entry inflated to ${produced} bytes but declares ${entry.size}`);
  }
  if (crc !== entry.crc) throw new ExtractError('corrupt zip: the entry fails its CRC-32 check');
}

/** A small entry read whole (a `mimetype` marker, a manifest); `null` if it is larger than `maxBytes`. */
export async function readEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  budget: ExtractBudget,
  maxBytes: number,
): Promise<Buffer | null> {
  const pieces: Buffer[] = [];
  let total = 0;
  for await (const piece of inflateEntry(bytes, entry, budget)) {
    total += piece.length;
    if (total > maxBytes) return null;
    pieces.push(piece);
  }
  return Buffer.concat(pieces, total);
}
