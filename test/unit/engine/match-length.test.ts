import { maxMatchBytes, requiredAnchor } from '../../../worker/dlp/match-length';

describe('the longest possible match of a regex', () => {
  it.each([
    ['\\bghp_[A-Za-z0-9]{36}\\b', 40],
    ['abc|de', 3],
    ['(?i)(?:xox[bp])-\\d{10,13}', 4 + 1 + 13],
    ['(?P<secret>[a-z]{2,4})?x', 5],
    ['^\\d{3}-\\d{2}-\\d{4}$', 11],
    ['\\Qa.b\\E', 3],
    ['[[:alpha:]]{2}', 2],
    ['[^a]b', 5],
    ['.\\S\\W', 12],
    ['é{2}', 8],
  ])('of %s is bounded (%d bytes)', (regex, bytes) => {
    expect(maxMatchBytes(regex)).toBe(bytes);
  });

  it('counts the letters that fold to wider characters when matching ignores case', () => {
    expect(maxMatchBytes('ask', true)).toBe(1 + 3 + 3);
    expect(maxMatchBytes('(?i)ask')).toBe(1 + 3 + 3);
    expect(maxMatchBytes('ask')).toBe(3);
  });

  it.each(['a+', '\\s*x', 'a{2,}', '(ab)+c', 'x{1,5000}'])('of %s is unbounded', (regex) => {
    expect(maxMatchBytes(regex)).toBe(Infinity);
  });

  it('is unbounded when the regex cannot be followed', () => {
    expect(maxMatchBytes('(unclosed')).toBe(Infinity);
  });
});

describe('the literal every match of a regex contains', () => {
  it.each([
    ['\\bghp_[A-Za-z0-9]{36}\\b', ['ghp_'], 0],
    ['(?:\\\\[nrt]|\\b)(?P<s>xox[bp]-\\d+)', ['xox'], 2],
    ['[a-z0-9._%+-]{1,64}@[a-z0-9.-]{1,253}', ['@'], 64],
    ['(?:sk|rk)_live_[0-9a-zA-Z]{24}', ['sk_live_', 'rk_live_'], 0],
    ['x{2}-----BEGIN KEY-----', ['-----BEGIN KEY-----'], 2],
  ])('of %s is found with how far into a match it sits', (regex, literals, before) => {
    expect(requiredAnchor(regex)).toEqual({ literals, before, caseInsensitive: false });
  });

  it('is compared without case when the regex ignores case', () => {
    expect(requiredAnchor('(?i)\\b(?:password|passwd)\\s{0,3}=')).toEqual({
      literals: ['password', 'passwd'],
      before: 0,
      caseInsensitive: true,
    });
  });

  it.each(['\\d{4}-\\d{4}', 'ab?c', '(?:foo|\\d+)bar?', 'a*bcd', 'x.{0,}yz'])(
    'is none worth using in %s',
    (regex) => {
      expect(requiredAnchor(regex)).toBeNull();
    },
  );
});
