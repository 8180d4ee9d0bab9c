import { VALIDATOR_NAMES } from '../../../worker/dlp/types';
import { getValidator, validators } from '../../../worker/dlp/validators';

const ODD_INPUTS = [
  '',
  ' ',
  '\u0000',
  '😀'.repeat(50),
  'a'.repeat(10_000),
  '%E0%A4%A',
  '-----BEGIN',
  'eyJ.eyJ.',
];

describe('the validator registry', () => {
  it('maps every validator name to a check', () => {
    expect(Object.keys(validators).sort()).toEqual([...VALIDATOR_NAMES].sort());
  });

  it.each([...VALIDATOR_NAMES])('%s rejects empty input and answers odd input without throwing', (name) => {
    const check = getValidator(name);
    expect(check('')).toBe(false);
    for (const input of ODD_INPUTS) expect(typeof check(input)).toBe('boolean');
  });
});
