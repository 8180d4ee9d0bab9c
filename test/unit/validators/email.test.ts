import { isEmailPlausible } from '../../../worker/dlp/validators/email';

describe('an email address', () => {
  it.each(['ada@lovelace.dev', 'first.last+tag@mail.corp.co.uk', 'x_y-z@sub-domain.io'])(
    '%s is plausible',
    (a) => {
      expect(isEmailPlausible(a)).toBe(true);
    },
  );

  // RFC 2606 and RFC 6761 reserve these names for documentation and testing.
  it.each([
    'ada@example.com',
    'ada@mail.example.org',
    'ada@example.net',
    'ada@host.test',
    'ada@corp.invalid',
    'root@localhost.localhost',
  ])('%s is a reserved documentation address', (a) => {
    expect(isEmailPlausible(a)).toBe(false);
  });

  it.each(['logo@2x.png', 'icon@3x.svg', 'bundle@1x.js'])('%s is a file name, not an address', (a) => {
    expect(isEmailPlausible(a)).toBe(false);
  });

  it('rejects malformed addresses and SSH remotes', () => {
    expect(isEmailPlausible('@lovelace.dev')).toBe(false);
    expect(isEmailPlausible('ada@@lovelace.dev')).toBe(false);
    expect(isEmailPlausible('ada@lovelace')).toBe(false);
    expect(isEmailPlausible('ada@lovelace..dev')).toBe(false);
    expect(isEmailPlausible('.ada@lovelace.dev')).toBe(false);
    expect(isEmailPlausible('ada@-lovelace.dev')).toBe(false);
    expect(isEmailPlausible('ada@lovelace.d3v')).toBe(false);
    expect(isEmailPlausible('git@github.com')).toBe(false);
  });
});
