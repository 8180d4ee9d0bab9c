import { maxMatchBytes } from '../../../worker/dlp/match-length';

describe('the longest possible match of a regex', () => {
  it.each([
    ['\\bghp_[A-Za-z0-9]{36}\\b', 40 * 4],
    ['abc|de', 3 * 4],
    ['(?i)(?:xox[bp])-\\d{10,13}', (4 + 1 + 13) * 4],
    ['(?P<secret>[a-z]{2,4})?x', 5 * 4],
    ['^\\d{3}-\\d{2}-\\d{4}$', 11 * 4],
    ['\\Qa.b\\E', 3 * 4],
    ['[[:alpha:]]{2}', 2 * 4],
  ])('of %s is bounded (%d bytes)', (regex, bytes) => {
    expect(maxMatchBytes(regex)).toBe(bytes);
  });

  it.each(['a+', '\\s*x', 'a{2,}', '(ab)+c', 'x{1,5000}'])('of %s is unbounded', (regex) => {
    expect(maxMatchBytes(regex)).toBe(Infinity);
  });

  it('is unbounded when the regex cannot be followed', () => {
    expect(maxMatchBytes('(unclosed')).toBe(Infinity);
  });
});
