/**
 * Numbers printed in advertising or as examples, never assigned to a person (SSA, "Social Security Number
 * Randomization" FAQ and Program Operations Manual RM 10201.035): the Woolworth wallet card, the 1940 SSA
 * pamphlet, LifeLock's advertised number, and the usual placeholder.
 */
const NEVER_ISSUED = new Set(['078051120', '219099999', '457555462', '123456789']);

/**
 * US Social Security Number structure rules (SSA): area 001–899 except 666, group 01–99, serial 0001–9999.
 * Accepts `123-45-6789`, `123 45 6789` or nine bare digits, with one kind of separator throughout.
 * @example isUsSsnValid('536-22-1478') === true; isUsSsnValid('666-22-1478') === false
 */
export function isUsSsnValid(value: string): boolean {
  const m = /^(\d{3})([- ]?)(\d{2})\2(\d{4})$/.exec(value);
  if (!m) return false;
  const [, area = '', , group = '', serial = ''] = m;
  const areaNumber = Number(area);
  if (areaNumber === 0 || areaNumber === 666 || areaNumber >= 900) return false;
  if (group === '00' || serial === '0000') return false;
  return !NEVER_ISSUED.has(area + group + serial);
}
