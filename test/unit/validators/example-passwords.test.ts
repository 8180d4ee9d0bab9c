import { isExamplePassword } from '../../../worker/dlp/validators/example-passwords';

describe('a password from documentation', () => {
  it.each([
    'secret123',
    'password1',
    'Passw0rd!',
    'p@ssw0rd',
    'p@ss',
    'admin123',
    'letmein',
    'hunter2',
    'changeme',
  ])('%s is a well-known example', (v) => {
    expect(isExamplePassword(v)).toBe(true);
  });

  it.each(['Tr0ub4dor&3', 's00pers3cret9x', 'secret-sauce-42', 'adminQ7#x'])('%s is not', (v) => {
    expect(isExamplePassword(v)).toBe(false);
  });
});
