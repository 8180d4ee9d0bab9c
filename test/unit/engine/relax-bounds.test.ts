import RE2 from 're2';
import { relaxBounds } from '../../../worker/dlp/relax-bounds';
import { regexTokens } from '../../../worker/dlp/regex-tokens';

describe('relaxBounds: a probe that matches wherever the pattern does', () => {
  it('opens up repeats bounded above the limit and keeps small ones', () => {
    expect(relaxBounds('[a-z]{1,512}@x{2,4}', 16)).toBe('[a-z]{1,}@x{2,4}');
    expect(relaxBounds('a{3}b{0,17}', 16)).toBe('a{3}b{0,}');
  });

  it('leaves braces that are not repeats alone: escaped, inside a class, or quoted', () => {
    expect(relaxBounds('\\{1,99\\}[{1,99}]', 16)).toBe('\\{1,99\\}[{1,99}]');
    expect(relaxBounds('[]{1,99}]x{1,99}', 16)).toBe('[]{1,99}]x{1,}');
    expect(relaxBounds('\\Qa{1,99}\\E', 16)).toBeNull();
  });

  it('matches every text the bounded pattern matches', () => {
    const bounded = '\\b[a-z]{1,31}://[^\\s:/@]{0,128}:[^\\s@/]{1,512}@[a-z.]{1,255}';
    const probe = new RE2(relaxBounds(bounded, 16) ?? '', 'u');
    const original = new RE2(bounded, 'u');
    for (const text of [
      'postgres://app:s3cr3t-Pa55@db.internal',
      `https://u:${'p'.repeat(512)}@h.io`,
      'no url',
    ]) {
      if (original.test(text)) expect(probe.test(text)).toBe(true);
    }
    expect(probe.test(`https://u:${'p'.repeat(600)}@h.io`)).toBe(true);
    expect(original.test(`https://u:${'p'.repeat(600)}@h.io`)).toBe(false);
  });
});

describe('regexTokens: escapes, classes and single characters', () => {
  it('keeps a class whole, POSIX classes and a leading `]` included', () => {
    expect(regexTokens('a[(]\\(')?.map((t) => t.text)).toEqual(['a', '[(]', '\\(']);
    expect(regexTokens('[[:alpha:]]{1,99}')?.map((t) => t.text)).toEqual(['[[:alpha:]]', ...'{1,99}']);
    expect(regexTokens('[]a]b')?.map((t) => t.text)).toEqual(['[]a]', 'b']);
    expect(relaxBounds('[[:alpha:]]{1,99}', 16)).toBe('[[:alpha:]]{1,}');
  });

  it('is null for an unclosed class or quoted text', () => {
    expect(regexTokens('[abc')).toBeNull();
    expect(regexTokens('\\Qa(b\\E')).toBeNull();
  });
});
