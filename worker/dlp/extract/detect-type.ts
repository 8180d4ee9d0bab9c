/**
 * What a file is, decided from its first bytes; the extension only names the flavour of text.
 * A `.txt` that starts with `PK\x03\x04` is a zip, and a `.pdf` full of ASCII is text.
 */

/** How many leading bytes the detector wants to see. */
export const SNIFF_BYTES = 8 * 1024;

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

export type DetectedType =
  | { kind: 'text'; format: 'text' | 'html' | 'xml'; encoding: TextEncoding }
  | { kind: 'pdf' }
  | { kind: 'zip' }
  | { kind: 'gzip' }
  | { kind: 'tar' }
  | { kind: 'binary'; reason: string };

interface Magic {
  bytes: readonly number[];
  offset?: number;
  name: string;
}

// Formats we do not read. Each is named in the skip reason so an admin knows what went unscanned.
const BINARY_MAGIC: readonly Magic[] = [
  { bytes: [0x7f, 0x45, 0x4c, 0x46], name: 'ELF executable' },
  { bytes: [0x4d, 0x5a], name: 'Windows executable (MZ)' },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], name: 'Mach-O executable' },
  { bytes: [0xce, 0xfa, 0xed, 0xfe], name: 'Mach-O executable' },
  { bytes: [0xfe, 0xed, 0xfa, 0xce], name: 'Mach-O executable' },
  { bytes: [0xfe, 0xed, 0xfa, 0xcf], name: 'Mach-O executable' },
  { bytes: [0xca, 0xfe, 0xba, 0xbe], name: 'Mach-O universal binary or Java class' },
  { bytes: [0x00, 0x61, 0x73, 0x6d], name: 'WebAssembly module' },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name: 'PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'GIF image' },
  { bytes: [0x49, 0x49, 0x2a, 0x00], name: 'TIFF image' },
  { bytes: [0x4d, 0x4d, 0x00, 0x2a], name: 'TIFF image' },
  { bytes: [0x00, 0x00, 0x01, 0x00], name: 'icon image' },
  { bytes: [0x52, 0x49, 0x46, 0x46], name: 'RIFF media (WebP, WAV, AVI)' },
  { bytes: [0x66, 0x74, 0x79, 0x70], offset: 4, name: 'ISO media (MP4, MOV, HEIC)' },
  { bytes: [0x49, 0x44, 0x33], name: 'MP3 audio' },
  { bytes: [0x4f, 0x67, 0x67, 0x53], name: 'Ogg media' },
  { bytes: [0x66, 0x4c, 0x61, 0x43], name: 'FLAC audio' },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], name: 'Matroska/WebM media' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], name: '7-Zip archive (not supported)' },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], name: 'RAR archive (not supported)' },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], name: 'xz-compressed data (not supported)' },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], name: 'zstd-compressed data (not supported)' },
  {
    bytes: [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59],
    name: 'bzip2-compressed data (not supported)',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
    name: 'OLE2 compound file: a legacy .doc/.xls/.ppt or a password-protected Office document (not supported)',
  },
  {
    bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66, 0x6f, 0x72, 0x6d, 0x61, 0x74, 0x20, 0x33, 0x00],
    name: 'SQLite database',
  },
];

const HTML_EXTENSIONS = new Set(['html', 'htm', 'xhtml', 'shtml']);
const XML_EXTENSIONS = new Set([
  'xml',
  'svg',
  'xsd',
  'xsl',
  'xslt',
  'plist',
  'config',
  'csproj',
  'pom',
  'rss',
  'atom',
]);

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * @example
 * detectType(Buffer.from('%PDF-1.7 …'), 'x.bin') // → { kind: 'pdf' }
 * detectType(Buffer.from('a,b\n1,2\n'), 'x.csv') // → { kind: 'text', format: 'text', encoding: 'utf-8' }
 */
export function detectType(head: Uint8Array, path: string): DetectedType {
  if (startsWith(head, [0xef, 0xbb, 0xbf])) return textType(head.subarray(3), path, 'utf-8');
  if (startsWith(head, [0xff, 0xfe]))
    return textType(decodeHead(head.subarray(2), 'utf-16le'), path, 'utf-16le');
  if (startsWith(head, [0xfe, 0xff]))
    return textType(decodeHead(head.subarray(2), 'utf-16be'), path, 'utf-16be');
  if (startsWith(head, [0x50, 0x4b]) && (head[2] === 3 || head[2] === 5 || head[2] === 7))
    return { kind: 'zip' };
  if (startsWith(head, [0x1f, 0x8b])) return { kind: 'gzip' };
  // `ustar` at 257 marks POSIX and GNU tar; pre-POSIX tars have no signature and are skipped as binary.
  if (startsWith(head, [0x75, 0x73, 0x74, 0x61, 0x72], 257)) return { kind: 'tar' };
  if (looksLikePdf(head)) return { kind: 'pdf' };
  for (const magic of BINARY_MAGIC) {
    if (!startsWith(head, magic.bytes, magic.offset)) continue;
    // `MZ`, `GIF8`, `ID3`…: a text file may start with the same letters, so a printable signature needs a NUL too.
    if (magic.bytes.every((b) => b >= 0x20 && b < 0x7f) && !head.subarray(0, 1024).includes(0)) continue;
    return { kind: 'binary', reason: `binary file: ${magic.name}` };
  }
  const utf16 = utf16WithoutBom(head);
  if (utf16 !== null) return textType(decodeHead(head, utf16), path, utf16);
  const suspicious = nonTextRatio(head);
  if (suspicious > 0.3) {
    return {
      kind: 'binary',
      reason: `binary content: ${Math.round(suspicious * 100)}% of the first ${head.length} bytes are not text`,
    };
  }
  return textType(head, path, 'utf-8');
}

/**
 * pdf.js, like Acrobat, accepts a header anywhere in the first kilobyte; away from byte 0 we also want to see an
 * object, so a text file that merely mentions `%PDF-` near its top is still read as text.
 */
function looksLikePdf(head: Uint8Array): boolean {
  const start = Buffer.from(head.subarray(0, 1024));
  const at = start.indexOf('%PDF-');
  if (at === 0) return true;
  return at > 0 && /\d+ \d+ obj\b/.test(Buffer.from(head).toString('latin1'));
}

function decodeHead(head: Uint8Array, encoding: TextEncoding): Buffer {
  return Buffer.from(
    new TextDecoder(encoding).decode(head.subarray(0, head.length - (head.length % 2))),
    'utf8',
  );
}

function textType(head: Uint8Array, path: string, encoding: TextEncoding): DetectedType {
  const start = Buffer.from(head.subarray(0, 512)).toString('utf8').trimStart().slice(0, 200).toLowerCase();
  const extension = extensionOf(path);
  if (start.startsWith('<!doctype html') || start.startsWith('<html'))
    return { kind: 'text', format: 'html', encoding };
  if (start.startsWith('<?xml') || start.startsWith('<svg')) {
    return { kind: 'text', format: HTML_EXTENSIONS.has(extension) ? 'html' : 'xml', encoding };
  }
  if (HTML_EXTENSIONS.has(extension)) return { kind: 'text', format: 'html', encoding };
  if (XML_EXTENSIONS.has(extension) && start.startsWith('<'))
    return { kind: 'text', format: 'xml', encoding };
  return { kind: 'text', format: 'text', encoding };
}

/** UTF-16 text without a byte-order mark shows as a NUL in every other byte (for Latin scripts). */
function utf16WithoutBom(head: Uint8Array): TextEncoding | null {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (head[i] === 0) evenNul++;
    if (head[i + 1] === 0) oddNul++;
  }
  if (oddNul / pairs > 0.7 && evenNul / pairs < 0.1) return 'utf-16le';
  if (evenNul / pairs > 0.7 && oddNul / pairs < 0.1) return 'utf-16be';
  return null;
}

/** Share of bytes that no text file has: NUL and other control bytes, and bytes that are not valid UTF-8. */
export function nonTextRatio(head: Uint8Array): number {
  if (head.length === 0) return 0;
  let bad = 0;
  let nul = 0;
  let i = 0;
  while (i < head.length) {
    const b = head[i] ?? 0;
    if (b < 0x80) {
      if (b === 0) nul++;
      // Tab, LF, VT, FF, CR and ESC (ANSI colours in logs) are text.
      if ((b < 0x20 && b !== 9 && b !== 10 && b !== 11 && b !== 12 && b !== 13 && b !== 27) || b === 0x7f)
        bad++;
      i++;
      continue;
    }
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) {
      bad++;
      i++;
      continue;
    }
    let valid = true;
    for (let k = 1; k < length; k++) {
      const c = head[i + k];
      if (c === undefined) break; // A sequence cut by the end of the sample is not held against the file.
      if ((c & 0xc0) !== 0x80) valid = false;
    }
    if (valid) {
      i += length;
    } else {
      bad++;
      i++;
    }
  }
  // A few NULs mean binary even if the rest looks like text.
  if (nul / head.length > 0.01) return Math.max(bad / head.length, 0.31);
  return bad / head.length;
}
