import { isLuhnValid } from '../../../worker/dlp/validators/luhn';
import { breakLastDigit } from '../detectors/fake-secrets';

// Published test card numbers: Stripe "Testing" docs (card numbers by brand) and PayPal/Braintree sandbox docs.
const PUBLISHED_TEST_CARDS = [
  '4111111111111111',
  '4242424242424242',
  '5555555555554444',
  '2223003122003222',
  '378282246310005',
  '6011111111111117',
  '36227206271667',
  '3566002020360505',
  '6200000000000005',
];

describe('the Luhn check', () => {
  it.each(PUBLISHED_TEST_CARDS)('accepts the published test card %s', (card) => {
    expect(isLuhnValid(card)).toBe(true);
  });

  it.each(PUBLISHED_TEST_CARDS)('rejects %s with its last digit changed', (card) => {
    expect(isLuhnValid(breakLastDigit(card))).toBe(false);
  });

  it('rejects a number with one inner digit changed', () => {
    expect(isLuhnValid('4111111111121111')).toBe(false);
  });

  it('ignores spaces and dashes between digit groups', () => {
    expect(isLuhnValid('4111 1111 1111 1111')).toBe(true);
    expect(isLuhnValid('3782-822463-10005')).toBe(true);
  });

  it('rejects letters, too few or too many digits, and a run of one digit', () => {
    expect(isLuhnValid('4111a11111111111')).toBe(false);
    expect(isLuhnValid('42')).toBe(false);
    expect(isLuhnValid('00000000000')).toBe(false);
    expect(isLuhnValid('41111111111111111111')).toBe(false);
    expect(isLuhnValid('0000000000000000')).toBe(false);
    expect(isLuhnValid('')).toBe(false);
  });
});
