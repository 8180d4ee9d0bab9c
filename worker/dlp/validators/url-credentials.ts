import { looksLikePlaceholder } from '../placeholder';
import { isExamplePassword } from './example-passwords';

/**
 * A URL that carries a real password in its user-info part (RFC 3986 §3.2.1): `scheme://user:password@host`.
 * Documentation placeholders (`user:password@`, `${DB_PASSWORD}`, `<password>`, `:pass@`) and default
 * credentials where the password repeats the user name (`postgres:postgres@`) are not leaks.
 * @example isUrlWithRealCredentials('postgres://app:S3cr3t-Pa55@db.internal:5432/app') === true
 */
export function isUrlWithRealCredentials(url: string): boolean {
  const m = /^[a-z][a-z0-9+.-]*:\/\/([^:/@\s]*):([^@\s]+)@([^/?#\s]+)/i.exec(url);
  if (!m) return false;
  const [, user = '', rawPassword = '', host = ''] = m;
  let password = rawPassword;
  try {
    password = decodeURIComponent(rawPassword);
  } catch {
    // A stray `%` is part of the password as typed.
  }
  if (password.length < 3 || password === user) return false;
  if (looksLikePlaceholder(password)) return false;
  if (isExamplePassword(password) || /^(?:pw|123456|username)$/i.test(password)) return false;
  if (/^:?[a-z_]+$/i.test(password) && /pass|secret|pwd|token/i.test(password)) return false;
  return /^[A-Za-z0-9.-]+(?::\d+)?$|^\[[0-9a-fA-F:.]+\](?::\d+)?$/.test(host);
}
