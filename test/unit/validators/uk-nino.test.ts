import { isUkNinoValid } from '../../../worker/dlp/validators/uk-nino';

// Allocation rules from HMRC's National Insurance Manual, NIM39110.
describe('a UK National Insurance number', () => {
  it.each(['AB362148C', 'AB 36 21 48 C', 'ce 10 29 38 a', 'JT731904D'])('%s is well formed', (n) => {
    expect(isUkNinoValid(n)).toBe(true);
  });

  it.each(['DA362148C', 'AD362148C', 'QQ362148C', 'AO362148C', 'GB362148C', 'ZZ362148C', 'NT362148C'])(
    '%s uses a prefix HMRC never allocates',
    (n) => {
      expect(isUkNinoValid(n)).toBe(false);
    },
  );

  it('rejects a wrong suffix, length or a placeholder number', () => {
    expect(isUkNinoValid('AB362148E')).toBe(false);
    expect(isUkNinoValid('AB36214C')).toBe(false);
    expect(isUkNinoValid('AB123456C')).toBe(false);
    expect(isUkNinoValid('AB000000A')).toBe(false);
  });
});
