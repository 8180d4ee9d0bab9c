import { randomBytes } from 'node:crypto';
import {
  DecryptionError,
  decryptContent,
  encryptContent,
  encryptedContentSchema,
  EncryptionKeyError,
  keyringFromEnv,
  keyringOf,
  parseEncryptionKey,
} from '../../../schema/crypto/content-encryption';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('raw content sealed under LEAKSHIELD_ENCRYPTION_KEY', () => {
  it('opens with the same key and context, and carries no plaintext', () => {
    const keyring = keyringOf(keyA);
    const envelope = encryptContent('my card is 4111111111111111', keyring, 'finding-1');
    expect(encryptedContentSchema.safeParse(envelope).success).toBe(true);
    expect(JSON.stringify(envelope)).not.toContain('4111');
    expect(envelope.keyId).toBe(keyring.current.id);
    expect(decryptContent(envelope, keyring, 'finding-1')).toBe('my card is 4111111111111111');
  });

  it('does not open under another finding, or once a byte was changed', () => {
    const keyring = keyringOf(keyA);
    const envelope = encryptContent('secret', keyring, 'finding-1');
    expect(() => decryptContent(envelope, keyring, 'finding-2')).toThrow(DecryptionError);
    const tampered = { ...envelope, ciphertext: Buffer.from('xxxxxx').toString('base64url') };
    expect(() => decryptContent(tampered, keyring, 'finding-1')).toThrow(DecryptionError);
  });

  it('still opens old content after the key rotates, while new content uses the new key', () => {
    const old = encryptContent('old secret', keyringOf(keyA), 'f');
    const rotated = keyringFromEnv({
      LEAKSHIELD_ENCRYPTION_KEY: keyB.toString('hex'),
      LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS: keyA.toString('base64'),
    });
    expect(rotated).not.toBeNull();
    expect(decryptContent(old, rotated!, 'f')).toBe('old secret');
    expect(encryptContent('new', rotated!, 'f').keyId).not.toBe(old.keyId);
  });

  it('names the missing key when an old key was dropped too early', () => {
    const old = encryptContent('old secret', keyringOf(keyA), 'f');
    expect(() => decryptContent(old, keyringOf(keyB), 'f')).toThrow(
      `sealed with key ${old.keyId}, which is not configured`,
    );
  });
});

describe('the encryption key setting', () => {
  it('accepts 32 bytes as hex or base64 and nothing else', () => {
    expect(parseEncryptionKey(keyA.toString('hex'))).toEqual(keyA);
    expect(parseEncryptionKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parseEncryptionKey(keyA.toString('base64url'))).toEqual(keyA);
    expect(() => parseEncryptionKey('too-short')).toThrow(EncryptionKeyError);
    expect(() => parseEncryptionKey(randomBytes(16).toString('hex'))).toThrow('must be 32 bytes');
  });

  it('is optional: without it no raw content is kept', () => {
    expect(keyringFromEnv({})).toBeNull();
  });
});
