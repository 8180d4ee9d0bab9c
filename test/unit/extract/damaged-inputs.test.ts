import { gzipSync, strToU8 } from 'fflate';
import { collect, docx, minimalPdf, odt, pptx, sourceOf, tar, xlsx, zip } from './build-files';

/** A small deterministic generator, so a failing case can be replayed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 0x100000000;
  };
}

function damage(bytes: Uint8Array, random: () => number): Buffer {
  const copy = Buffer.from(bytes);
  const mode = Math.floor(random() * 3);
  if (mode === 0) {
    const flips = 1 + Math.floor(random() * 8);
    for (let i = 0; i < flips; i++) {
      const at = Math.floor(random() * copy.length);
      copy.writeUInt8(Math.floor(random() * 256), at);
    }
    return copy;
  }
  if (mode === 1) return copy.subarray(0, Math.floor(random() * copy.length));
  const at = Math.floor(random() * copy.length);
  return Buffer.concat([copy.subarray(0, at), copy.subarray(at + 1 + Math.floor(random() * 16))]);
}

const originals: [string, Uint8Array][] = [
  ['a.docx', docx({ body: ['body text', 'more'], header: ['head'] })],
  [
    'a.xlsx',
    xlsx([
      [
        ['k', 'v'],
        ['n', 1],
      ],
    ]),
  ],
  ['a.pptx', pptx([['slide']], ['note'])],
  ['a.odt', odt(['para'])],
  ['a.zip', zip({ 'x.txt': 'hello', 'y.html': '<p>hi</p>', 'z.zip': zip({ 'deep.txt': 'deep' }) })],
  ['a.pdf', minimalPdf([['page one'], ['page two']])],
  ['a.gz', gzipSync(strToU8('gzip text '.repeat(100)))],
  ['a.tar', tar({ 'x.txt': 'tar text', 'y/z.txt': 'more text' })],
  ['a.xml', strToU8('<?xml version="1.0"?><a b="c"><d>text &amp; more</d></a>')],
];

describe('damaged files of every supported format', () => {
  it.each(originals)(
    '%s with bytes flipped, cut or removed never makes extraction throw',
    async (path, bytes) => {
      const random = prng(bytes.length);
      for (let round = 0; round < 25; round++) {
        const parts = await collect(sourceOf(path, damage(bytes, random), 97));
        // Every outcome is a part: text salvaged, an error naming the problem, or a skip.
        expect(parts.length).toBeGreaterThan(0);
        for (const part of parts) {
          if (part.kind === 'error') expect(part.message.length).toBeGreaterThan(0);
          if (part.kind === 'skipped') expect(part.reason.length).toBeGreaterThan(0);
        }
      }
    },
  );
});
