/**
 * The Luhn (mod 10) check digit used by every payment card brand (ISO/IEC 7812-1, annex B).
 * Spaces and dashes are ignored so a card can be checked as it was written.
 * @example isLuhnValid('4111 1111 1111 1111') === true
 */
export function isLuhnValid(value: string): boolean {
  if (!/^[\d -]+$/.test(value)) return false;
  const digits = value.replace(/[ -]/g, '');
  if (digits.length < 12 || digits.length > 19) return false;
  // A run of one digit passes the arithmetic for some lengths but is never an issued number.
  if (/^(\d)\1*$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
