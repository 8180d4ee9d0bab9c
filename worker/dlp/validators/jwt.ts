const BASE64URL_PART = /^[A-Za-z0-9_-]+$/;

function decodeJsonObject(part: string): Record<string, unknown> | null {
  if (!BASE64URL_PART.test(part) || part.length % 4 === 1) return null;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * A JSON Web Token in compact serialisation (RFC 7519 §3, RFC 7515 §7.1): three base64url parts, a header
 * that is a JSON object naming its `alg`, a payload that is a JSON object, and a signature unless `alg` is
 * `none`. The jwt.io debugger's sample token (subject 1234567890, "John Doe") is pasted so often in docs
 * that it is not reported.
 * @example isJwtValid('eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2lnbmF0dXJl') === true
 */
export function isJwtValid(token: string): boolean {
  const parts = token.split('.');
  if (parts.length !== 3) return false;
  const [headerPart = '', payloadPart = '', signature = ''] = parts;
  const header = decodeJsonObject(headerPart);
  if (!header || typeof header.alg !== 'string' || header.alg.length === 0) return false;
  const payload = decodeJsonObject(payloadPart);
  if (!payload) return false;
  if (header.alg.toLowerCase() !== 'none' && !BASE64URL_PART.test(signature)) return false;
  return !(payload.sub === '1234567890' && payload.name === 'John Doe');
}
