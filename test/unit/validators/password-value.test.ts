import { isPasswordValue } from '../../../worker/dlp/validators/password-value';

describe('the value of a password assignment', () => {
  it.each(['Tr0ub4dor&3', 'Mx7!kqPz', 'correct-horse-9', 'Summer2024!', 'q8#Lm2$vR'])(
    '%s is a password',
    (v) => {
      expect(isPasswordValue(v)).toBe(true);
    },
  );

  it.each([
    'process.env.DB_PASSWORD',
    'config.db.password',
    'getPassword()',
    'os.getenv(',
    'DB_PASSWORD_FILE',
    '/run/secrets/db_password',
    './secrets/pw.txt',
    'https://id.corp.io/reset',
    '$password',
    '@password',
    '!vault',
    'params[:password]',
    '$this->password',
    'newPassword',
    'new_password',
    '(password:',
    '[secretValue]',
  ])('%s is a reference to where the password lives', (v) => {
    expect(isPasswordValue(v)).toBe(false);
  });

  it.each(['secret123', 'Passw0rd!', 'hunter2', 'changeme1'])('%s is a well-known example password', (v) => {
    expect(isPasswordValue(v)).toBe(false);
  });

  it.each(['Required', 'required.', 'optional', 'Hidden', 'undefined', 'abc'])(
    '%s is prose or too short',
    (v) => {
      expect(isPasswordValue(v)).toBe(false);
    },
  );
});
