import { literalKey, pushOccurrences } from '../../../worker/dlp/literal-search';
import { seededBelow } from '../../support/seeded-random';

/** Every start in bytes[0, end) where the literal lies whole, one byte at a time. */
function everyStart(bytes: Buffer, literal: Buffer, end: number): number[] {
  const found: number[] = [];
  for (let i = 0; i + literal.length <= bytes.length && i < end; i += 1) {
    if (bytes.subarray(i, i + literal.length).equals(literal)) found.push(i);
  }
  return found;
}

describe('a case-sensitive literal searched from its rarest byte on', () => {
  it.each([
    ['://', '//', 1],
    ['-----BEGIN', 'BEGIN', 5],
    ['sk_live_', '_live_', 2],
    ['ghp_', 'ghp_', 0],
    ['AKIA', 'AKIA', 0],
    ['@', '@', 0],
    ['x@y', '@y', 1],
  ])('%s is searched as %s', (literal, key, skip) => {
    const k = literalKey(Buffer.from(literal));
    expect([k.key.toString(), k.skip]).toEqual([key, skip]);
  });

  it('finds every occurrence a plain search finds, among near misses, within the bounds given', () => {
    const random = seededBelow(5);
    for (const literal of ['://', '-----BEGIN', 'sk_live_', 'a:b', '@', '::/']) {
      const bytes = Buffer.from(literal);
      // Text made of pieces of the literal, so partial and overlapping occurrences abound.
      const pieces = [
        literal,
        literal.slice(1),
        literal.slice(0, -1),
        literal.slice(1, -1),
        ':',
        '/',
        ' ',
        'x',
      ];
      let text = '';
      while (text.length < 5_000) text += pieces[random(pieces.length)];
      const haystack = Buffer.from(text);
      const k = literalKey(bytes);
      for (const end of [haystack.length, 2_500, 1, 0]) {
        const found: number[] = [];
        pushOccurrences(k, haystack, end, 100, found);
        const expected = everyStart(haystack, bytes, end).map((at) => at + 100);
        expect(found).toEqual(expected);
        if (end === haystack.length) expect(expected.length).toBeGreaterThan(20);
      }
    }
  });

  it('finds no occurrence before the text when the key sits right at its start', () => {
    const found: number[] = [];
    pushOccurrences(literalKey(Buffer.from('://')), Buffer.from('//x://y'), 7, 0, found);
    expect(found).toEqual([3]);
  });
});
