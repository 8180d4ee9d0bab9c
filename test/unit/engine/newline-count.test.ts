import { countNewlines, countNewlinesByIndexOf, countsWithSimd } from '../../../worker/dlp/newline-count';
import { seededBelow } from '../../support/seeded-random';

/** Every 0x0A, one byte at a time: the plainest reference there is. */
function byLoop(bytes: Uint8Array, from: number, to: number): number {
  let lines = 0;
  for (let i = from; i < to; i += 1) if (bytes[i] === 0x0a) lines += 1;
  return lines;
}

/** Random bytes, newlines among them at the given rate (out of 100). */
function randomBytes(random: (n: number) => number, length: number, newlinesPerHundred: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i += 1) bytes[i] = random(100) < newlinesPerHundred ? 0x0a : random(256);
  return bytes;
}

describe('counting the lines a range of text crosses', () => {
  it('uses WebAssembly SIMD on this runtime, so the tests below hold the fast path to the reference', () => {
    expect(countsWithSimd).toBe(true);
  });

  it('counts every line feed in ranges of every length and alignment, across its 64 KB page', () => {
    const random = seededBelow(11);
    for (const [length, rate] of [
      [0, 5],
      [1, 50],
      [15, 30],
      [16, 30],
      [17, 30],
      [33, 100],
      [1_000, 1],
      [65_536, 2],
      [65_537, 2],
      [200_003, 1],
    ] as const) {
      // Offset by a few bytes, so the module's copy starts from an unaligned view.
      const bytes = randomBytes(random, length + 7, rate).subarray(random(7));
      for (let k = 0; k < 20; k += 1) {
        const from = random(bytes.length + 1);
        const to = from + random(bytes.length - from + 1);
        const expected = byLoop(bytes, from, to);
        expect(countNewlines(bytes, from, to)).toBe(expected);
        expect(countNewlinesByIndexOf(bytes, from, to)).toBe(expected);
      }
      expect(countNewlines(bytes, 0, bytes.length)).toBe(byLoop(bytes, 0, bytes.length));
    }
  });

  it('counts nothing in an empty range, and a range of nothing but line feeds whole', () => {
    const feeds = Buffer.alloc(100_000, 0x0a);
    expect(countNewlines(feeds, 500, 500)).toBe(0);
    expect(countNewlines(feeds, 0, feeds.length)).toBe(100_000);
    expect(countNewlines(Buffer.from('a\r\nb\rc\n'), 0, 7)).toBe(2);
  });
});
