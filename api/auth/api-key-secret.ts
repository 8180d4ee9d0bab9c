import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * API keys are 32 random bytes shown once as `lsk_<base64url>`, and stored as their SHA-256.
 * A fast hash is enough here: the key has 256 bits of entropy, so there is nothing to brute-force (a slow
 * password hash protects low-entropy human passwords, which these are not).
 * @example const { key, hash, prefix } = newApiKeySecret(); // key shown once; hash and prefix stored
 */
export function newApiKeySecret(): { key: string; hash: string; prefix: string } {
  const key = `lsk_${randomBytes(32).toString('base64url')}`;
  return { key, hash: hashApiKey(key), prefix: key.slice(0, 10) };
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** Constant-time comparison of a presented token with a configured one. */
export function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The bearer token of an `Authorization` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? null;
}
