/**
 * A PEM (RFC 7468) or OpenPGP ASCII-armoured (RFC 4880 §6.2) private key, as written in a file or pasted from
 * a JSON string with `\n` escapes. Checks what a placeholder cannot fake: BEGIN and END labels agree, the
 * body is base64 of a plausible size, and its first bytes are what that kind of key starts with — an ASN.1
 * SEQUENCE (0x30) for PKCS#1/SEC1/PKCS#8/DSA, the `openssh-key-v1` magic for OpenSSH, an OpenPGP packet
 * header (high bit set) for PGP. A legacy encrypted PEM (`Proc-Type: 4,ENCRYPTED`) is ciphertext, so only
 * its size is checked.
 * @example isPemPrivateKeyValid(realKeyPem) === true; isPemPrivateKeyValid('-----BEGIN RSA PRIVATE KEY-----\n...\n-----END RSA PRIVATE KEY-----') === false
 */
export function isPemPrivateKeyValid(text: string): boolean {
  // `\n` (JSON) and `\\n` (JSON inside JSON) both stand for a line break.
  const unescaped = text.replace(/\\+r/g, '\r').replace(/\\+n/g, '\n').replace(/\\+\//g, '/');
  const m = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----\s*$/.exec(unescaped.trim());
  if (!m) return false;
  const [, label = '', inner = '', endLabel = ''] = m;
  if (label !== endLabel || !/PRIVATE KEY/.test(label)) return false;
  const lines = inner.split(/\r?\n/).map((l) => l.trim());
  // Header lines ("Proc-Type: …", "Version: …") come first and end at a blank line.
  const headers = lines.filter((l) => /^[A-Za-z-]+: /.test(l));
  const legacyEncrypted = headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h));
  const isPgp = label.startsWith('PGP ');
  let dataLines = lines.filter((l) => l.length > 0 && !/^[A-Za-z-]+: /.test(l));
  // The OpenPGP armour ends with a CRC-24 line, `=` and four base64 characters.
  if (isPgp) dataLines = dataLines.filter((l) => !/^=[A-Za-z0-9+/]{4}$/.test(l));
  const body = dataLines.join('');
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body) || body.length < 60) return false;
  const bytes = Buffer.from(body, 'base64');
  if (bytes.length < 40) return false;
  if (legacyEncrypted) return true;
  if (isPgp) return ((bytes[0] ?? 0) & 0x80) !== 0;
  if (label === 'OPENSSH PRIVATE KEY') return bytes.subarray(0, 15).toString('latin1') === 'openssh-key-v1\0';
  return bytes[0] === 0x30;
}
