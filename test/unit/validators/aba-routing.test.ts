import { isAbaRoutingValid } from '../../../worker/dlp/validators/aba-routing';

// 011000015 (Federal Reserve Bank of Boston) and 021000021 (JPMorgan Chase) are the examples used in the
// ABA checksum's documentation and on Wikipedia's "ABA routing transit number" page.
describe('the ABA routing number check', () => {
  it.each(['011000015', '021000021', '122105155', '322271627'])('accepts %s', (rtn) => {
    expect(isAbaRoutingValid(rtn)).toBe(true);
  });

  it('rejects a number whose 3-7-1 weighted sum is not a multiple of 10', () => {
    expect(isAbaRoutingValid('021000022')).toBe(false);
    expect(isAbaRoutingValid('011000016')).toBe(false);
  });

  it('rejects a prefix no Federal Reserve district or thrift uses', () => {
    // Both have a valid 3-7-1 checksum; 13 and 99 are not allocated prefixes.
    expect(isAbaRoutingValid('131000021')).toBe(false);
    expect(isAbaRoutingValid('991000025')).toBe(false);
  });

  it('rejects runs of one digit and anything that is not nine digits', () => {
    expect(isAbaRoutingValid('000000000')).toBe(false);
    expect(isAbaRoutingValid('02100002')).toBe(false);
    expect(isAbaRoutingValid('0210000210')).toBe(false);
    expect(isAbaRoutingValid('02100002a')).toBe(false);
  });
});
