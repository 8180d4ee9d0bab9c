import type { PatternDefinition } from '../types';
import { builtin, pemBegin, pemEnd, token } from './shapes';

/**
 * The body of an armoured key, as a file (real newlines) or pasted from a JSON string (`\n` escapes, possibly
 * doubled). A dash may only start a header word (`Proc-Type`, `AES-128-CBC`), never a run of dashes, so a body
 * never swallows the next block's BEGIN line.
 */
const PEM_BODY = String.raw`(?:[A-Za-z0-9+/=:,. \t\r\n]|-[A-Za-z0-9]|\\+[nr]|\\/)+?`;
/** OpenPGP armour headers ("Comment: Ada <ada@…>") allow a few more characters. */
const PGP_BODY = String.raw`(?:[A-Za-z0-9+/=:,.()@<>'"_ \t\r\n]|-[A-Za-z0-9]|\\+[nr]|\\/)+?`;

function privateKey(id: string, label: string, kind: string, body = PEM_BODY): PatternDefinition {
  return builtin('keys', {
    id,
    name: `${kind} private key`,
    description: `A ${kind} private key block (${label}), whether on separate lines or escaped inside a JSON string.`,
    regex: `${pemBegin(label)}${body}${pemEnd(label)}`,
    // Placeholder shapes are not applied: a real OpenSSH body holds runs such as AAAAAAAA. The validator decodes
    // the body instead, which no placeholder survives.
    validator: 'pem-private-key',
    severity: 'CRITICAL',
    action: 'BLOCK',
    mask: 'pem',
  });
}

export const keyDetectors: readonly PatternDefinition[] = [
  privateKey('private-key-rsa', 'RSA PRIVATE KEY', 'RSA (PKCS#1)'),
  privateKey('private-key-ec', 'EC PRIVATE KEY', 'Elliptic-curve (SEC 1)'),
  privateKey('private-key-dsa', 'DSA PRIVATE KEY', 'DSA'),
  privateKey('private-key-openssh', 'OPENSSH PRIVATE KEY', 'OpenSSH'),
  privateKey('private-key-pkcs8', 'PRIVATE KEY', 'PKCS#8'),
  privateKey('private-key-pkcs8-encrypted', 'ENCRYPTED PRIVATE KEY', 'Encrypted PKCS#8'),
  privateKey('private-key-pgp', 'PGP PRIVATE KEY BLOCK', 'OpenPGP', PGP_BODY),
  builtin('keys', {
    id: 'age-secret-key',
    name: 'age secret key',
    description: 'An age encryption secret key (AGE-SECRET-KEY-1 followed by 58 bech32 characters).',
    regex: token('AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}'),
    secretGroup: 'secret',
    rejectPlaceholders: true,
    severity: 'CRITICAL',
    action: 'BLOCK',
    keepPrefix: 15,
  }),
];
