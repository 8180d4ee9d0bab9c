import { FakeSecrets, fakePem, jsonEscaped, pemFooter, pemHeader, wrap64 } from './fake-secrets';
import { expectOneFinding, idsIn, scan } from './scan-helpers';

const fake = new FakeSecrets(404);
const BECH32 = 'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L';

const KEYS: [id: string, label: string][] = [
  ['private-key-rsa', 'RSA PRIVATE KEY'],
  ['private-key-ec', 'EC PRIVATE KEY'],
  ['private-key-dsa', 'DSA PRIVATE KEY'],
  ['private-key-openssh', 'OPENSSH PRIVATE KEY'],
  ['private-key-pkcs8', 'PRIVATE KEY'],
  ['private-key-pkcs8-encrypted', 'ENCRYPTED PRIVATE KEY'],
  ['private-key-pgp', 'PGP PRIVATE KEY BLOCK'],
];

describe('a message with a private key', () => {
  it.each(KEYS)('%s is blocked on separate lines, masked as a PEM block', (id, label) => {
    const pem = fakePem(fake, label);
    const f = expectOneFinding(`here is the key:\n${pem}\nthanks`, id, pem);
    expect(f.maskedMatch).toBe(`${pemHeader(label)} ****…**** ${pemFooter(label)}`);
    expect(f).toMatchObject({ severity: 'CRITICAL', action: 'BLOCK', line: 2, column: 1 });
  });

  it.each(KEYS)('%s is blocked when escaped on one line inside JSON', (id, label) => {
    const pem = jsonEscaped(fakePem(fake, label));
    expectOneFinding(`{"key": "${pem}"}`, id, pem);
  });

  it.each(KEYS)('%s is blocked when double-escaped (JSON inside JSON)', (id, label) => {
    const pem = fakePem(fake, label).replace(/\n/g, '\\\\n');
    expectOneFinding(`"{\\"key\\": \\"${pem}\\"}"`, id, pem);
  });

  it('is blocked as a legacy encrypted RSA key with Proc-Type and DEK-Info headers', () => {
    const label = 'RSA PRIVATE KEY';
    const pem = `${pemHeader(label)}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,${fake.chars('0123456789ABCDEF', 32)}\n\n${wrap64(fake.bytes(1190).toString('base64'))}\n${pemFooter(label)}`;
    expectOneFinding(pem, 'private-key-rsa', pem);
  });

  it('is blocked as an OpenPGP block with armour headers', () => {
    const label = 'PGP PRIVATE KEY BLOCK';
    const pem = fakePem(fake, label).replace(
      '\n\n',
      '\nVersion: GnuPG v2\nComment: Ada <ada@lovelace.dev>\n\n',
    );
    expectOneFinding(pem, 'private-key-pgp', pem);
  });

  it('finds both keys when two are pasted one after the other', () => {
    const a = fakePem(fake, 'RSA PRIVATE KEY');
    const b = fakePem(fake, 'RSA PRIVATE KEY');
    expect(scan(`${a}\n${b}`).map((f) => f.patternId)).toEqual(['private-key-rsa', 'private-key-rsa']);
  });

  it('finds a real key after a sentence that only mentions the header', () => {
    const pem = fakePem(fake, 'PRIVATE KEY');
    const text = `Never paste a "${pemHeader('PRIVATE KEY')}" block here!\n${pem}`;
    expectOneFinding(text, 'private-key-pkcs8', pem);
  });

  it.each([
    ['an elided body', (l: string) => `${pemHeader(l)}\nMIIEpAIBAAKCAQEA...\n${pemFooter(l)}`],
    ['a placeholder body', (l: string) => `${pemHeader(l)}\n<your private key>\n${pemFooter(l)}`],
    ['a body of Xs', (l: string) => `${pemHeader(l)}\n${'X'.repeat(64)}\n${'X'.repeat(64)}\n${pemFooter(l)}`],
    ['only a header', (l: string) => `${pemHeader(l)}`],
    ['mismatched labels', (l: string) => fakePem(fake, l).replace(pemFooter(l), pemFooter('EC PRIVATE KEY'))],
  ])('is not reported for %s', (_what, make) => {
    expect(idsIn(make('RSA PRIVATE KEY'))).toEqual([]);
  });

  it('is not reported for a public key or a certificate', () => {
    expect(idsIn(fakePem(fake, 'PUBLIC KEY'))).toEqual([]);
    expect(idsIn(fakePem(fake, 'CERTIFICATE'))).toEqual([]);
  });
});

describe('a message with an age secret key', () => {
  it('is blocked with its public prefix shown', () => {
    const key = `AGE-SECRET-KEY-1${fake.chars(BECH32, 58)}`;
    const f = expectOneFinding(`# created: 2024\n${key}\n`, 'age-secret-key', key);
    expect(f.maskedMatch.startsWith('AGE-SECRET-KEY-')).toBe(true);
  });

  it('is not reported with characters outside bech32 or the wrong length', () => {
    expect(idsIn(`AGE-SECRET-KEY-1${fake.chars(BECH32, 57)}`)).toEqual([]);
    expect(idsIn(`AGE-SECRET-KEY-1${fake.chars(BECH32, 57)}B`)).toEqual([]);
  });
});
