/**
 * A phone number as people write it: E.164 allows at most 15 digits (ITU-T E.164 §6), and a national number
 * with its area code has at least 10 in the countries whose formats the detectors accept. A run of one
 * digit or a counting sequence is a placeholder, not a number.
 * @example isPhonePlausible('+44 20 7946 0958') === true; isPhonePlausible('+1 111 111 1111') === false
 */
export function isPhonePlausible(value: string): boolean {
  if (!/^\+?[\d\s().-]+$/.test(value)) return false;
  const digits = value.replace(/\D/g, '');
  if (digits.length < 10 || digits.length > 15) return false;
  const national = value.startsWith('+') ? digits.slice(1) : digits;
  if (/^(\d)\1+$/.test(national) || /^(\d)\1+$/.test(digits)) return false;
  if ('01234567890123456789'.includes(national) || '98765432109876543210'.includes(national)) return false;
  // Separators come one at a time: `415--555` or `(415)) 555` is not how a number is written.
  return !/[\s.-]{2,}|\(\(|\)\)/.test(value.replace(/\) /g, ')'));
}
