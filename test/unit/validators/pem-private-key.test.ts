import { isPemPrivateKeyValid } from '../../../worker/dlp/validators/pem-private-key';
import { FakeSecrets, fakePem, jsonEscaped, pemFooter, pemHeader, wrap64 } from '../detectors/fake-secrets';

const fake = new FakeSecrets(19);
const LABELS = [
  'RSA PRIVATE KEY',
  'EC PRIVATE KEY',
  'DSA PRIVATE KEY',
  'PRIVATE KEY',
  'ENCRYPTED PRIVATE KEY',
  'OPENSSH PRIVATE KEY',
  'PGP PRIVATE KEY BLOCK',
];

// Encodings: RFC 7468 (PEM), RFC 8017 A.1.2 (PKCS#1), RFC 5915 (SEC1), RFC 5958 (PKCS#8), OpenSSH PROTOCOL.key,
// RFC 4880 §6.2 (OpenPGP armour).
describe('a PEM private key', () => {
  it.each(LABELS)('passes as a %s block', (label) => {
    expect(isPemPrivateKeyValid(fakePem(fake, label))).toBe(true);
  });

  it.each(LABELS)('passes as a %s block escaped inside a JSON string', (label) => {
    expect(isPemPrivateKeyValid(jsonEscaped(fakePem(fake, label)))).toBe(true);
  });

  it('passes as a legacy encrypted PEM with Proc-Type and DEK-Info headers', () => {
    const label = 'RSA PRIVATE KEY';
    const body = wrap64(fake.bytes(600).toString('base64'));
    const pem = `${pemHeader(label)}\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,${fake.chars('0123456789ABCDEF', 32)}\n\n${body}\n${pemFooter(label)}`;
    expect(isPemPrivateKeyValid(pem)).toBe(true);
  });

  it('fails for an elided or placeholder body', () => {
    const label = 'RSA PRIVATE KEY';
    expect(isPemPrivateKeyValid(`${pemHeader(label)}\n...\n${pemFooter(label)}`)).toBe(false);
    expect(isPemPrivateKeyValid(`${pemHeader(label)}\nMIIEpAIBAAKCAQEA...\n${pemFooter(label)}`)).toBe(false);
    expect(isPemPrivateKeyValid(`${pemHeader(label)}\n<your key here>\n${pemFooter(label)}`)).toBe(false);
  });

  it('fails when the labels disagree or the block is a public key or certificate', () => {
    const pem = fakePem(fake, 'RSA PRIVATE KEY');
    expect(isPemPrivateKeyValid(pem.replace(pemFooter('RSA PRIVATE KEY'), pemFooter('EC PRIVATE KEY')))).toBe(
      false,
    );
    expect(isPemPrivateKeyValid(pem.replace(/RSA PRIVATE KEY/g, 'PUBLIC KEY'))).toBe(false);
    expect(isPemPrivateKeyValid(pem.replace(/RSA PRIVATE KEY/g, 'CERTIFICATE'))).toBe(false);
  });

  it('fails when the body does not start the way that kind of key does', () => {
    const notDer = Buffer.concat([Buffer.from([0x41]), fake.bytes(600)]).toString('base64');
    expect(
      isPemPrivateKeyValid(`${pemHeader('PRIVATE KEY')}\n${wrap64(notDer)}\n${pemFooter('PRIVATE KEY')}`),
    ).toBe(false);
    const openssh = fakePem(fake, 'OPENSSH PRIVATE KEY').replace(/OPENSSH PRIVATE KEY/g, 'PRIVATE KEY');
    expect(isPemPrivateKeyValid(openssh)).toBe(false);
  });
});

describe('a PEM private key escaped twice (JSON inside JSON)', () => {
  it('passes', () => {
    expect(isPemPrivateKeyValid(fakePem(fake, 'EC PRIVATE KEY').replace(/\n/g, '\\\\n'))).toBe(true);
  });
});
