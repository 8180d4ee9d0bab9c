/**
 * Prefixes HMRC never allocates (National Insurance Manual NIM39110): the first letter is not D, F, I, Q, U
 * or V; the second is not D, F, I, O, Q, U or V; and BG, GB, KN, NK, NT, TN and ZZ are not used.
 */
const UNUSED_PREFIXES = new Set(['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ']);

/**
 * A UK National Insurance number: two prefix letters, six digits, a suffix A–D, spaces optional.
 * @example isUkNinoValid('QQ 12 34 56 C') === false; isUkNinoValid('AB 36 21 48 C') === true
 */
export function isUkNinoValid(value: string): boolean {
  const nino = value.replace(/ /g, '').toUpperCase();
  const m = /^([A-CEGHJ-PR-TW-Z])([A-CEGHJ-NPR-TW-Z])(\d{6})([A-D])$/.exec(nino);
  if (!m) return false;
  if (UNUSED_PREFIXES.has(`${m[1] ?? ''}${m[2] ?? ''}`)) return false;
  return !/^(\d)\1{5}$|^123456$/.test(m[3] ?? '');
}
