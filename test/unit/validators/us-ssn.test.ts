import { isUsSsnValid } from '../../../worker/dlp/validators/us-ssn';

// Rules from the SSA's "Social Security Number Randomization" FAQ; advertising numbers from SSA POMS RM 10201.035.
describe('the US SSN rules', () => {
  it.each(['536-22-1478', '536 22 1478', '536221478', '001-01-0001', '899-99-9999', '665-12-3456'])(
    'accept the well-formed number %s',
    (ssn) => {
      expect(isUsSsnValid(ssn)).toBe(true);
    },
  );

  it.each([
    ['000-12-3456', 'area 000'],
    ['666-12-3456', 'area 666'],
    ['900-12-3456', 'area 900'],
    ['999-12-3456', 'area 999'],
    ['536-00-1478', 'group 00'],
    ['536-22-0000', 'serial 0000'],
  ])('reject %s (%s)', (ssn) => {
    expect(isUsSsnValid(ssn)).toBe(false);
  });

  it.each(['078-05-1120', '219-09-9999', '457-55-5462', '123-45-6789'])(
    'reject the advertised or example number %s',
    (ssn) => {
      expect(isUsSsnValid(ssn)).toBe(false);
    },
  );

  it('rejects mixed separators and other shapes', () => {
    expect(isUsSsnValid('536-22 1478')).toBe(false);
    expect(isUsSsnValid('536-221-478')).toBe(false);
    expect(isUsSsnValid('5362214780')).toBe(false);
    expect(isUsSsnValid('abc-de-fghi')).toBe(false);
  });
});
