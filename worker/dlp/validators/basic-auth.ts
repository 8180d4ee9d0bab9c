import { looksLikePlaceholder } from '../placeholder';
import { isExamplePassword } from './example-passwords';

/**
 * The credentials of an HTTP `Authorization: Basic …` header (RFC 7617): base64 of `user-id:password`, in
 * printable UTF-8, with a non-empty password that is not a placeholder.
 * @example isBasicAuthCredentials(Buffer.from('ada:Tr0ub4dor&3').toString('base64')) === true
 */
export function isBasicAuthCredentials(encoded: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded) || encoded.length % 4 !== 0) return false;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  if (decoded.includes('\ufffd') || /[\u0000-\u001f\u007f]/.test(decoded)) return false;
  const colon = decoded.indexOf(':');
  if (colon < 0) return false;
  const user = decoded.slice(0, colon);
  const password = decoded.slice(colon + 1);
  if (password.length < 3 || password === user || isExamplePassword(password)) return false;
  return !looksLikePlaceholder(password) && !looksLikePlaceholder(user === '' ? 'x' : user);
}
