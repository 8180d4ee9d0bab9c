import { breakLastDigit, FakeSecrets, withLuhnDigit } from './fake-secrets';
import { expectNoFinding, expectOneFinding, idsIn, scan } from './scan-helpers';

const fake = new FakeSecrets(101);

/** A Luhn-valid number with the given prefix and length, generated afresh. */
function cardNumber(prefix: string, length: number): string {
  return withLuhnDigit(`${prefix}${fake.digits(length - prefix.length - 1)}`);
}

function group(digits: string, sizes: number[], sep: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of sizes) {
    parts.push(digits.slice(at, at + size));
    at += size;
  }
  return parts.join(sep);
}

const BRANDS: [id: string, prefix: string, length: number, groups: number[]][] = [
  ['card-visa', '4', 16, [4, 4, 4, 4]],
  ['card-mastercard', '51', 16, [4, 4, 4, 4]],
  ['card-mastercard', '55', 16, [4, 4, 4, 4]],
  ['card-mastercard', '2221', 16, [4, 4, 4, 4]],
  ['card-mastercard', '2720', 16, [4, 4, 4, 4]],
  ['card-amex', '37', 15, [4, 6, 5]],
  ['card-discover', '6011', 16, [4, 4, 4, 4]],
  ['card-discover', '65', 16, [4, 4, 4, 4]],
  ['card-diners', '36', 14, [4, 6, 4]],
  ['card-diners', '300', 14, [4, 6, 4]],
  ['card-jcb', '3530', 16, [4, 4, 4, 4]],
  ['card-unionpay', '62', 16, [4, 4, 4, 4]],
];

describe('a message with a card number', () => {
  it.each(BRANDS)('%s (prefix %s) is reported solid, spaced and dashed', (id, prefix, length, groups) => {
    const digits = cardNumber(prefix, length);
    for (const written of [digits, group(digits, groups, ' '), group(digits, groups, '-')]) {
      const f = expectOneFinding(`please charge ${written} today`, id, written);
      expect(f.maskedMatch.startsWith(digits.slice(0, 4))).toBe(true);
      expect(f.maskedMatch.endsWith(digits.slice(-4))).toBe(true);
      expect(f).toMatchObject({ severity: 'HIGH', action: 'BLOCK' });
    }
  });

  it('is reported with the middle digits masked for the published Visa test number', () => {
    const f = expectOneFinding('card 4111 1111 1111 1111', 'card-visa', '4111 1111 1111 1111');
    expect(f.maskedMatch).toBe('4111 **** **** 1111');
  });

  it('is reported as Visa for 13 and 19 digits too', () => {
    const thirteen = cardNumber('4', 13);
    const nineteen = cardNumber('4', 19);
    expectOneFinding(`old card ${thirteen}`, 'card-visa', thirteen);
    expectOneFinding(`new card ${nineteen}`, 'card-visa', nineteen);
  });

  it('is not reported when the Luhn check fails', () => {
    const digits = breakLastDigit(cardNumber('4', 16));
    expect(idsIn(`card ${digits}`)).toEqual([]);
    expect(idsIn(`card ${group(digits, [4, 4, 4, 4], ' ')}`)).toEqual([]);
  });

  it('is not reported when separators are mixed', () => {
    const digits = cardNumber('4', 16);
    const mixed = `${digits.slice(0, 4)} ${digits.slice(4, 8)}-${digits.slice(8, 12)} ${digits.slice(12)}`;
    expectNoFinding(`card ${mixed}`, 'card-visa');
  });

  it('is not reported inside a longer run of digits or letters', () => {
    const digits = cardNumber('4', 16);
    expect(idsIn(`id 9${digits}`)).toEqual([]);
    expect(idsIn(`order_${digits}`)).toEqual([]);
    expect(idsIn(`ref ${digits}7`)).toEqual([]);
  });

  it('is not reported for a prefix no brand uses', () => {
    const digits = cardNumber('1', 16);
    expect(idsIn(`number ${digits}`)).toEqual([]);
    expect(idsIn(`number ${cardNumber('2100', 16)}`)).toEqual([]);
  });

  it('is reported twice when two cards are separated by a single space', () => {
    const a = cardNumber('4', 16);
    const b = cardNumber('4', 16);
    expect(scan(`${a} ${b}`).map((f) => f.patternId)).toEqual(['card-visa', 'card-visa']);
  });
});

describe('a message with an IBAN', () => {
  it.each([
    'GB82WEST12345698765432',
    'GB82 WEST 1234 5698 7654 32',
    'FR14 2004 1010 0505 0001 3M02 606',
    'NO9386011117947',
  ])('%s is redacted with the country and last digits kept', (iban) => {
    const f = expectOneFinding(`pay to ${iban} please`, 'iban', iban);
    expect(f).toMatchObject({ action: 'REDACT', severity: 'HIGH' });
    expect(f.maskedMatch.startsWith(iban.slice(0, 4))).toBe(true);
  });

  it('is not reported with bad check digits or the wrong length', () => {
    expectNoFinding('pay to GB83WEST12345698765432', 'iban');
    expectNoFinding('pay to GB82WEST123456987654', 'iban');
    expectNoFinding('pay to XX82WEST12345698765432', 'iban');
  });
});

describe('a message with a US routing number', () => {
  it('is reported next to the word routing', () => {
    const f = expectOneFinding(
      'Routing number: 021000021, account 1234',
      'us-bank-routing-number',
      '021000021',
    );
    expect(f).toMatchObject({ action: 'ALERT' });
    expectOneFinding('ABA: 011000015', 'us-bank-routing-number', '011000015');
  });

  it('is not reported without a routing word nearby', () => {
    expectNoFinding('ticket 021000021 closed', 'us-bank-routing-number');
    expectNoFinding('our partner 021000021 is great', 'us-bank-routing-number');
    expectNoFinding('database id 021000021', 'us-bank-routing-number');
  });

  it('is not reported when the checksum fails', () => {
    expectNoFinding('routing number 021000022', 'us-bank-routing-number');
  });
});
