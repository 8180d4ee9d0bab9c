import type { MaskStyle } from './types';

const STAR = '*';

/**
 * Masks a secret so that a person can recognise which one it was, and nobody can use it.
 * Never shows more than a quarter of the secret's characters beyond a declared public prefix.
 * @example maskSecret('4111 1111 1111 1111', 'card') === '4111 **** **** 1111'
 */
export function maskSecret(secret: string, style: MaskStyle = 'token', keepPrefix = 0): string {
  switch (style) {
    case 'card':
      return maskCard(secret);
    case 'ssn':
      return secret.replace(/\d/g, (d, i: number) => (i >= secret.length - 4 ? d : STAR));
    case 'email':
      return maskEmail(secret);
    case 'pem':
      return maskPem(secret);
    case 'url-credentials':
      return maskUrlCredentials(secret);
    case 'full':
      return STAR.repeat(Math.min(secret.length, 12));
    case 'token':
      return maskToken(secret, keepPrefix);
    default: {
      const _exhaustive: never = style;
      return _exhaustive;
    }
  }
}

/** Keeps the first four and the last four digits and every separator: `4111 **** **** 1111`. */
function maskCard(secret: string): string {
  const digitCount = secret.replace(/\D/g, '').length;
  let seen = 0;
  let out = '';
  for (const ch of secret) {
    if (ch >= '0' && ch <= '9') {
      seen += 1;
      out += seen <= 4 || seen > digitCount - 4 ? ch : STAR;
    } else {
      out += ch;
    }
  }
  return out;
}

function maskEmail(secret: string): string {
  const at = secret.lastIndexOf('@');
  if (at <= 0) return maskToken(secret, 0);
  const local = secret.slice(0, at);
  return `${local[0] ?? ''}${STAR.repeat(Math.max(local.length - 1, 3))}${secret.slice(at)}`;
}

function maskPem(secret: string): string {
  const header = /-----BEGIN ([A-Z0-9 ]+)-----/.exec(secret);
  const label = header?.[1] ?? 'PRIVATE KEY';
  return `-----BEGIN ${label}----- ****…**** -----END ${label}-----`;
}

/** `postgres://user:hunter2@db:5432/x` → `postgres://user:****@db:5432/x` */
function maskUrlCredentials(secret: string): string {
  return secret.replace(
    /^([a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:)([^@\s]+)(@)/i,
    (_m, a: string, _p: string, c: string) => {
      return `${a}****${c}`;
    },
  );
}

/** `ghp_****…abcd`: the public prefix, then stars, then at most the last four characters. */
function maskToken(secret: string, keepPrefix: number): string {
  const prefix = secret.slice(0, Math.max(0, Math.min(keepPrefix, secret.length - 4)));
  const rest = secret.slice(prefix.length);
  // Show a tail only when it is a small fraction of what is hidden.
  const tailLength = rest.length >= 16 ? 4 : rest.length >= 8 ? 2 : 0;
  const tail = tailLength > 0 ? rest.slice(rest.length - tailLength) : '';
  const hidden = rest.length - tailLength;
  const stars = hidden > 8 ? '****…' : STAR.repeat(Math.max(hidden, 4));
  return `${prefix}${stars}${tail}`;
}
