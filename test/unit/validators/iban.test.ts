import { isIbanValid } from '../../../worker/dlp/validators/iban';

// Examples from the SWIFT IBAN Registry and ISO 13616-1 (also listed on Wikipedia's "International Bank
// Account Number" page).
const PUBLISHED = [
  'GB82WEST12345698765432',
  'DE89370400440532013000',
  'FR1420041010050500013M02606',
  'NL91ABNA0417164300',
  'BE68539007547034',
  'NO9386011117947',
  'CH9300762011623852957',
];

describe('the IBAN check', () => {
  it.each(PUBLISHED)('accepts the published example %s', (iban) => {
    expect(isIbanValid(iban)).toBe(true);
  });

  it('accepts the printed form in groups of four', () => {
    expect(isIbanValid('GB82 WEST 1234 5698 7654 32')).toBe(true);
    expect(isIbanValid('FR14 2004 1010 0505 0001 3M02 606')).toBe(true);
  });

  it('rejects wrong check digits', () => {
    expect(isIbanValid('GB83WEST12345698765432')).toBe(false);
    expect(isIbanValid('DE89370400440532013001')).toBe(false);
  });

  it('rejects a length the country does not use', () => {
    expect(isIbanValid('GB82WEST1234569876543')).toBe(false);
    expect(isIbanValid('DE89370400440532013000 1'.replace(' ', ''))).toBe(false);
  });

  it('rejects a country that issues no IBANs and text that is not an IBAN at all', () => {
    expect(isIbanValid('XX82WEST12345698765432')).toBe(false);
    expect(isIbanValid('US12345678901234567890')).toBe(false);
    expect(isIbanValid('GB82-WEST-1234')).toBe(false);
    expect(isIbanValid('')).toBe(false);
  });
});
