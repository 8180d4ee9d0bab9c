import {
  base62Crc32Checksum,
  crc32,
  hasValidBase62Checksum,
  isGithubTokenValid,
  isNpmTokenValid,
  toBase62,
} from '../../../worker/dlp/validators/checksum-token';
import { ALNUM, FakeSecrets } from '../detectors/fake-secrets';

const fake = new FakeSecrets(7);

describe('CRC-32', () => {
  // The standard check value for CRC-32/ISO-HDLC (the zlib/PNG CRC): "123456789" → 0xCBF43926.
  it('matches the catalogue check value', () => {
    expect(crc32('123456789')).toBe(0xcbf43926);
    expect(crc32('')).toBe(0);
  });
});

describe('base62 encoding', () => {
  it('uses digits, then upper case, then lower case, left-padded with zeros', () => {
    expect(toBase62(0, 6)).toBe('000000');
    expect(toBase62(61, 6)).toBe('00000z');
    expect(toBase62(62, 6)).toBe('000010');
    expect(toBase62(0xffffffff, 6)).toBe('4gfFC3');
  });
});

describe('a GitHub token', () => {
  // The worked example in coolaj86's "GitHub token format" gist (a revoked token), split so it stays unscannable.
  const published = ['ghp_', 'zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ', '0mLq17'];

  it('passes when its last six characters are the CRC-32 of the thirty before them', () => {
    expect(isGithubTokenValid(published.join(''))).toBe(true);
  });

  it.each(['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'])(
    'passes with the %s prefix and a computed checksum',
    (p) => {
      expect(isGithubTokenValid(fake.checksummed(p))).toBe(true);
    },
  );

  it('fails when one character of the random part or of the checksum changes', () => {
    const token = fake.checksummed('ghp_');
    const flip = (s: string, i: number): string =>
      `${s.slice(0, i)}${s[i] === 'A' ? 'B' : 'A'}${s.slice(i + 1)}`;
    expect(isGithubTokenValid(flip(token, 10))).toBe(false);
    expect(isGithubTokenValid(flip(token, token.length - 1))).toBe(false);
  });

  it('fails with an unknown prefix, a wrong length or a placeholder body', () => {
    const body = fake.checksummed('');
    expect(isGithubTokenValid(`ghx_${body}`)).toBe(false);
    expect(isGithubTokenValid(`ghp_${body}a`)).toBe(false);
    expect(isGithubTokenValid(`ghp_${'x'.repeat(36)}`)).toBe(false);
    expect(isGithubTokenValid('')).toBe(false);
  });
});

describe('an npm token', () => {
  it('passes with a computed checksum and fails with a random tail', () => {
    expect(isNpmTokenValid(fake.checksummed('npm_'))).toBe(true);
    expect(isNpmTokenValid(`npm_${fake.chars(ALNUM, 36)}`)).toBe(false);
  });

  it('fails with the GitHub prefix and GitHub fails with the npm prefix', () => {
    const body = fake.checksummed('');
    expect(isNpmTokenValid(`ghp_${body}`)).toBe(false);
    expect(isGithubTokenValid(`npm_${body}`)).toBe(false);
  });
});

describe('the shared checksum helpers', () => {
  it('agree with each other on a generated body', () => {
    const random = fake.chars(ALNUM, 30);
    expect(hasValidBase62Checksum(`${random}${base62Crc32Checksum(random)}`)).toBe(true);
    expect(hasValidBase62Checksum(`${random}!!!!!!`)).toBe(false);
  });
});
