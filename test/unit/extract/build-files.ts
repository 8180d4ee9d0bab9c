/**
 * Builders for the files the extraction tests feed in: every hostile or office file is generated here, so no
 * binary fixture is committed.
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import { createDeflateRaw } from 'node:zlib';
import { crc32Update } from '../../../worker/dlp/extract/crc32';
import { extract, type ExtractLimits, type ExtractSource } from '../../../worker/dlp/extract';

/** A part as the tests look at it: text parts with their chunks read and joined. */
export type CollectedPart =
  | { kind: 'text'; path: string; format: string; hasLines: boolean; text: string; chunkSizes: number[] }
  | { kind: 'error'; path: string; message: string }
  | { kind: 'skipped'; path: string; reason: string };

export function sourceOf(path: string, bytes: Uint8Array | string, pieceBytes = 64 * 1024): ExtractSource {
  const buffer = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : Buffer.from(bytes);
  return {
    path,
    size: buffer.length,
    async *open() {
      for (let at = 0; at < buffer.length; at += pieceBytes) yield buffer.subarray(at, at + pieceBytes);
    },
  };
}

export async function collect(
  source: ExtractSource,
  limits: Partial<ExtractLimits> = {},
): Promise<CollectedPart[]> {
  const parts: CollectedPart[] = [];
  for await (const part of extract(source, limits)) {
    if (part.kind !== 'text') {
      parts.push(part);
      continue;
    }
    const chunks: string[] = [];
    for await (const chunk of part.chunks) chunks.push(chunk);
    parts.push({
      kind: 'text',
      path: part.path,
      format: part.format,
      hasLines: part.hasLines,
      text: chunks.join(''),
      chunkSizes: chunks.map((c) => c.length),
    });
  }
  return parts;
}

export function textOf(parts: CollectedPart[], path: string): string {
  const part = parts.find((p) => p.path === path);
  if (part?.kind !== 'text')
    throw new Error(`no text part ${path} in ${JSON.stringify(parts.map((p) => p.path))}`);
  return part.text;
}

export function zip(entries: Record<string, Uint8Array | string>, level: 0 | 6 | 9 = 6): Uint8Array {
  const files: Zippable = {};
  for (const [name, content] of Object.entries(entries)) {
    files[name] = [typeof content === 'string' ? strToU8(content) : content, { level }];
  }
  return zipSync(files);
}

/** PDF string literal: backslash, parentheses escaped. */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

/**
 * A valid PDF written by hand: one page per string, lines set with Helvetica, and a correct cross-reference table.
 */
export function minimalPdf(pages: string[][]): Uint8Array {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  pages.forEach((lines, i) => {
    const content = [
      'BT',
      '/F1 12 Tf',
      '14 TL',
      '72 720 Td',
      ...lines.map((l) => `${pdfString(l)} Tj T*`),
      'ET',
    ].join('\n');
    const pageId = pageIds[i] ?? 0;
    objects[pageId] =
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] ' +
      `/Resources << /Font << /F1 3 0 R >> >> /Contents ${pageId + 1} 0 R >>`;
    objects[pageId + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = body.length;
    body += `${id} 0 obj\n${objects[id] ?? ''}\nendobj\n`;
  }
  const xref = body.length;
  body += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) body += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);
}

function contentTypes(main: string): string {
  return (
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.main+xml"/></Types>`
  );
}

function wordParagraphs(paragraphs: string[]): string {
  return paragraphs
    .map((p) => {
      // Split each paragraph across two runs, as Word does when formatting changes mid-sentence.
      const half = Math.floor(p.length / 2);
      return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p.slice(0, half))}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>${escapeXml(p.slice(half))}</w:t></w:r></w:p>`;
    })
    .join('');
}

export function docx(options: {
  body: string[];
  header?: string[];
  footnote?: string[];
  extra?: Record<string, string | Uint8Array>;
}) {
  const entries: Record<string, string | Uint8Array> = {
    '[Content_Types].xml': contentTypes('word/document.xml'),
    'word/document.xml': `${XML}<w:document ${W}><w:body>${wordParagraphs(options.body)}<w:sectPr/></w:body></w:document>`,
    ...options.extra,
  };
  if (options.header)
    entries['word/header1.xml'] = `${XML}<w:hdr ${W}>${wordParagraphs(options.header)}</w:hdr>`;
  if (options.footnote) {
    entries['word/footnotes.xml'] =
      `${XML}<w:footnotes ${W}><w:footnote w:id="1">${wordParagraphs(options.footnote)}</w:footnote></w:footnotes>`;
  }
  return zip(entries);
}

/** Cells: strings go to the shared-string table, numbers stay inline, `{ inline }` is an inline string. */
export function xlsx(sheets: (string | number | { inline: string })[][][]) {
  const shared: string[] = [];
  const entries: Record<string, string> = {
    '[Content_Types].xml': contentTypes('xl/workbook.xml'),
    'xl/workbook.xml': `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets>${sheets.map((_, i) => `<sheet name="S${i + 1}" sheetId="${i + 1}"/>`).join('')}</sheets></workbook>`,
  };
  sheets.forEach((rows, s) => {
    const xmlRows = rows
      .map((cells, r) => {
        const xmlCells = cells
          .map((cell, c) => {
            const ref = `${String.fromCharCode(65 + c)}${r + 1}`;
            if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
            if (typeof cell === 'object')
              return `<c r="${ref}" t="inlineStr"><is><t>${escapeXml(cell.inline)}</t></is></c>`;
            shared.push(cell);
            return `<c r="${ref}" t="s"><v>${shared.length - 1}</v></c>`;
          })
          .join('');
        return `<row r="${r + 1}">${xmlCells}</row>`;
      })
      .join('');
    entries[`xl/worksheets/sheet${s + 1}.xml`] =
      `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xmlRows}</sheetData></worksheet>`;
  });
  entries['xl/sharedStrings.xml'] =
    `${XML}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${shared.length}">` +
    shared.map((s) => `<si><t>${escapeXml(s)}</t></si>`).join('') +
    '</sst>';
  return zip(entries);
}

export function pptx(slides: string[][], notes: string[] = []) {
  const A =
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"';
  const body = (paragraphs: string[]) =>
    `<p:cSld><p:spTree><p:sp><p:txBody>${paragraphs.map((t) => `<a:p><a:r><a:t>${escapeXml(t)}</a:t></a:r></a:p>`).join('')}</p:txBody></p:sp></p:spTree></p:cSld>`;
  const entries: Record<string, string> = {
    '[Content_Types].xml': contentTypes('ppt/presentation.xml'),
    'ppt/presentation.xml': `${XML}<p:presentation ${A}/>`,
  };
  slides.forEach((paragraphs, i) => {
    entries[`ppt/slides/slide${i + 1}.xml`] = `${XML}<p:sld ${A}>${body(paragraphs)}</p:sld>`;
  });
  notes.forEach((note, i) => {
    entries[`ppt/notesSlides/notesSlide${i + 1}.xml`] = `${XML}<p:notes ${A}>${body([note])}</p:notes>`;
  });
  return zip(entries);
}

export function odt(paragraphs: string[], mimetype = 'application/vnd.oasis.opendocument.text') {
  const content =
    `${XML}<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text>' +
    paragraphs.map((p) => `<text:p>${escapeXml(p).replace(/ {2}/g, ' <text:s/>')}</text:p>`).join('') +
    '</office:text></office:body></office:document-content>';
  // The mimetype entry comes first and is stored, as the OpenDocument spec requires.
  return zipSync({
    mimetype: [strToU8(mimetype), { level: 0 }],
    'content.xml': [strToU8(content), { level: 6 }],
  });
}

export interface RawEntry {
  name: string;
  /** The bytes as stored: already deflated when `method` is 8. */
  data: Uint8Array;
  method?: number;
  flags?: number;
  crc?: number;
  /** The uncompressed size the headers claim. */
  size: number;
}

/**
 * A zip written byte by byte, so tests can make it lie: a wrong size, an encryption flag, an odd method.
 */
export function rawZip(entries: RawEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE((entry.flags ?? 0) | 0x800, 6);
    local.writeUInt16LE(entry.method ?? 8, 8);
    local.writeUInt32LE(entry.crc ?? 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE((entry.flags ?? 0) | 0x800, 8);
    central.writeUInt16LE(entry.method ?? 8, 10);
    central.writeUInt32LE(entry.crc ?? 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(entry.data));
    centrals.push(central, name);
    offset += 30 + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * Deflates `bytes` copies of one byte without ever holding them: the payload of a zip bomb. The default fill is
 * a letter, so the bomb looks like text and is not skipped as binary after its first 8 KB.
 */
export async function deflatedFill(bytes: number, fill = 0x61): Promise<Buffer> {
  const deflater = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflater.on('data', (chunk: Buffer) => out.push(chunk));
  const done = new Promise((resolve, reject) => deflater.on('end', resolve).on('error', reject));
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let left = bytes; left > 0; left -= block.length) {
    const piece = left > block.length ? block : block.subarray(0, left);
    if (!deflater.write(piece)) await new Promise((resolve) => deflater.once('drain', resolve));
  }
  deflater.end();
  await done;
  return Buffer.concat(out);
}

function tarHeader(name: string, size: number, type: string): Buffer {
  const block = Buffer.alloc(512);
  block.write(name.slice(0, 100), 0, 'utf8');
  block.write('0000644\0', 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write('00000000000\0', 136);
  block.write(type, 156);
  block.write('ustar\u000000', 257);
  block.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

function padded(data: Buffer): Buffer {
  return Buffer.concat([data, Buffer.alloc((512 - (data.length % 512)) % 512)]);
}

/** A POSIX tar; names over 100 bytes get a pax header, as GNU tar writes them. */
export function tar(entries: Record<string, Uint8Array | string>): Buffer {
  const blocks: Buffer[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const data = Buffer.from(content);
    if (name.length > 100) {
      const body = ` path=${name}\n`;
      let record = `${body.length}${body}`;
      record = `${record.length}${body}`;
      blocks.push(tarHeader('PaxHeader', Buffer.byteLength(record), 'x'), padded(Buffer.from(record)));
    }
    blocks.push(tarHeader(name, data.length, name.endsWith('/') ? '5' : '0'), padded(data));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

/** A one-entry archive in ZIP64 form, as writers produce past 4 GiB or 65,535 entries: every size moved to extras. */
export function zip64(name: string, content: string): Buffer {
  const data = Buffer.from(content);
  const nameBytes = Buffer.from(name);
  const crc = crc32Update(0, data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(28, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const extra = Buffer.alloc(28);
  extra.writeUInt16LE(1, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(BigInt(data.length), 4);
  extra.writeBigUInt64LE(BigInt(data.length), 12);
  extra.writeBigUInt64LE(0n, 20);
  const directoryOffset = local.length + nameBytes.length + data.length;
  const directory = Buffer.concat([central, nameBytes, extra]);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(directory.length), 40);
  record.writeBigUInt64LE(BigInt(directoryOffset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(directoryOffset + directory.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([local, nameBytes, data, directory, record, locator, end]);
}
