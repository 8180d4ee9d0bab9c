import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';

/**
 * Raw content sealed with AES-256-GCM. `keyId` names the key that sealed it, so old envelopes stay readable after
 * the key rotates (keep the old key in LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS until nothing needs it).
 * @example { alg: 'A256GCM', keyId: '3f9a0c1d2b4e5f60', iv: 'Gx…', tag: 'q1…', ciphertext: '8s…' }
 */
export const encryptedContentSchema = z.strictObject({
  alg: z.literal('A256GCM'),
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  iv: z.base64url().length(16),
  tag: z.base64url().length(22),
  ciphertext: z.base64url().max(1_000_000),
});
export type EncryptedContent = z.infer<typeof encryptedContentSchema>;

/** The keys this process can use: one to seal with, all (current and previous) to open with. */
export interface Keyring {
  current: { id: string; key: Buffer };
  byId: ReadonlyMap<string, Buffer>;
}

export class EncryptionKeyError extends Error {
  override name = 'EncryptionKeyError';
}

/** Raised when content cannot be opened: unknown key, wrong key or tampered bytes. Never carries the content. */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
}

/**
 * Parses a 32-byte key written as 64 hex digits or as base64/base64url.
 * @example parseEncryptionKey('q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=') → <Buffer 32 bytes>
 */
export function parseEncryptionKey(text: string, name = 'LEAKSHIELD_ENCRYPTION_KEY'): Buffer {
  const trimmed = text.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, 'hex')
    : /^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)
      ? Buffer.from(trimmed, 'base64')
      : null;
  if (!key || key.length !== 32) {
    throw new EncryptionKeyError(`${name} must be 32 bytes written as 64 hex digits or as base64`);
  }
  return key;
}

/** A stable, non-secret name for a key: the first 8 bytes of a domain-separated SHA-256 of it. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('leakshield/content-key-id/v1\0').update(key).digest('hex').slice(0, 16);
}

/**
 * Reads LEAKSHIELD_ENCRYPTION_KEY (and LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS, comma-separated) into a keyring;
 * `null` when no key is configured, which means raw content is not kept at all.
 */
export function keyringFromEnv(env: NodeJS.ProcessEnv = process.env): Keyring | null {
  const currentText = env.LEAKSHIELD_ENCRYPTION_KEY?.trim();
  if (!currentText) return null;
  const current = parseEncryptionKey(currentText);
  const previous = (env.LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part, index) => parseEncryptionKey(part, `LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS[${index}]`));
  return keyringOf(current, previous);
}

export function keyringOf(current: Buffer, previous: readonly Buffer[] = []): Keyring {
  const byId = new Map<string, Buffer>();
  for (const key of [...previous, current]) byId.set(keyIdOf(key), key);
  return { current: { id: keyIdOf(current), key: current }, byId };
}

/**
 * Seals `plaintext`. `context` (e.g. the finding id) is authenticated but not stored: the envelope only opens
 * with the same context, so it cannot be pasted onto another finding.
 */
export function encryptContent(plaintext: string, keyring: Keyring, context: string): EncryptedContent {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyring.current.key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    alg: 'A256GCM',
    keyId: keyring.current.id,
    iv: iv.toString('base64url'),
    tag: cipher.getAuthTag().toString('base64url'),
    ciphertext: ciphertext.toString('base64url'),
  };
}

export function decryptContent(envelope: EncryptedContent, keyring: Keyring, context: string): string {
  const key = keyring.byId.get(envelope.keyId);
  if (!key) {
    throw new DecryptionError(
      `the content was sealed with key ${envelope.keyId}, which is not configured (add it to LEAKSHIELD_ENCRYPTION_PREVIOUS_KEYS)`,
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(envelope.iv, 'base64url'));
    decipher.setAAD(Buffer.from(context, 'utf8'));
    decipher.setAuthTag(Buffer.from(envelope.tag, 'base64url'));
    return Buffer.concat([
      decipher.update(Buffer.from(envelope.ciphertext, 'base64url')),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    throw new DecryptionError(
      'the content could not be opened: it was altered, or belongs to another record',
    );
  }
}
