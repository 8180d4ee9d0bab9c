import { looksLikePlaceholder, shannonEntropy } from '../../../worker/dlp/placeholder';

describe('a value pasted as an example', () => {
  it.each([
    'sk_live_XXXXXXXXXXXX',
    '<your password>',
    '${DB_PASSWORD}',
    '{{ secrets.TOKEN }}',
    '%(password)s',
    '%PASSWORD%',
    '$PASSWORD',
    '{db_password}',
    '[REDACTED]',
    'REPLACE_ME',
    'todo',
    'changeme',
    'your_api_key',
    '********',
    'aaaaaaaaaa',
    'AKIAIOSFODNN7EXAMPLE',
  ])('%s is a placeholder', (value) => {
    expect(looksLikePlaceholder(value)).toBe(true);
  });

  it.each(['Tr0ub4dor&3', 'q8#Lm2$vR', '{a:1}x9Q', 'hunter2!', 'ghp_zQWBuTSOoRi4A9spHcVY'])(
    '%s is not',
    (value) => {
      expect(looksLikePlaceholder(value)).toBe(false);
    },
  );
});

describe('the entropy of a value', () => {
  it('is zero for one repeated character and log2(n) for n distinct ones', () => {
    expect(shannonEntropy('aaaa')).toBe(0);
    expect(shannonEntropy('abcd')).toBe(2);
    expect(shannonEntropy('')).toBe(0);
  });
});
