import { isPhonePlausible } from '../../../worker/dlp/validators/phone';

// Ofcom reserves 020 7946 0xxx and the NANP reserves 555-01xx for drama and documentation: realistic shapes
// that ring nobody.
describe('a phone number', () => {
  it.each(['+44 20 7946 0958', '+1 (415) 555-0132', '415-555-0132', '+33 1 99 00 12 34', '+491701234567'])(
    '%s is plausible',
    (n) => {
      expect(isPhonePlausible(n)).toBe(true);
    },
  );

  it('needs 10 to 15 digits (ITU-T E.164 allows at most 15)', () => {
    expect(isPhonePlausible('555-0132')).toBe(false);
    expect(isPhonePlausible('+1234 5678 9012 3456')).toBe(false);
  });

  it('rejects a run of one digit and counting sequences', () => {
    expect(isPhonePlausible('+1 111 111 1111')).toBe(false);
    expect(isPhonePlausible('000-000-0000')).toBe(false);
    expect(isPhonePlausible('123-456-7890')).toBe(false);
    expect(isPhonePlausible('+1 987 654 3210')).toBe(false);
  });

  it('rejects doubled separators and letters', () => {
    expect(isPhonePlausible('415--555-0132')).toBe(false);
    expect(isPhonePlausible('415-555-O132')).toBe(false);
  });
});
