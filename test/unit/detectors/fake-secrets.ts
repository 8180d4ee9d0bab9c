/**
 * Fake-but-valid secrets, assembled at run time so that no real-looking secret is ever committed (a repository
 * secret scanner would rightly flag one). A seeded generator keeps every run identical.
 */
import { base62Crc32Checksum } from '../../../worker/dlp/validators/checksum-token';

export const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
export const HEX = '0123456789abcdef';
export const BASE64 = `${ALNUM}+/`;
export const BASE64URL = `${ALNUM}-_`;
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** mulberry32: tiny, fast and good enough to make strings that look random. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class FakeSecrets {
  private readonly next: () => number;

  constructor(seed = 20240601) {
    this.next = seeded(seed);
  }

  /** `length` characters drawn from `alphabet`, re-drawn until they contain a lower case letter, an upper case letter and a digit where the alphabet has them. */
  chars(alphabet: string, length: number): string {
    for (;;) {
      let out = '';
      for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
      const needs = [/[a-z]/, /[A-Z]/, /\d/].filter((r) => r.test(alphabet));
      if (length < 8 || needs.every((r) => r.test(out))) return out;
    }
  }

  bytes(length: number): Buffer {
    const out = Buffer.alloc(length);
    for (let i = 0; i < length; i += 1) out[i] = Math.floor(this.next() * 256);
    return out;
  }

  digits(length: number): string {
    return this.chars('0123456789', length);
  }

  /** A GitHub-style checksummed token: prefix, 30 random base62 characters, their CRC-32 in base62. */
  checksummed(prefix: string): string {
    const random = this.chars(ALNUM, 30);
    return `${prefix}${random}${base62Crc32Checksum(random)}`;
  }

  awsSecretKey(): string {
    return this.chars(BASE64, 40);
  }

  /** A JWT with a real JSON header and payload and a random signature. */
  jwt(payload: Record<string, unknown> = { sub: 'u-1842', iat: 1717200000 }): string {
    const part = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');
    return `${part({ alg: 'HS256', typ: 'JWT' })}.${part(payload)}.${this.chars(BASE64URL, 43)}`;
  }
}

/** Computes the Luhn check digit that completes `partial`. */
export function withLuhnDigit(partial: string): string {
  for (let d = 0; d <= 9; d += 1) {
    const candidate = `${partial}${d}`;
    let sum = 0;
    for (let i = 0; i < candidate.length; i += 1) {
      let n = candidate.charCodeAt(candidate.length - 1 - i) - 48;
      if (i % 2 === 1) {
        n *= 2;
        if (n > 9) n -= 9;
      }
      sum += n;
    }
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

/** The same number with its last digit changed, so that the Luhn check fails. */
export function breakLastDigit(value: string): string {
  const last = value.charCodeAt(value.length - 1) - 48;
  return `${value.slice(0, -1)}${(last + 1) % 10}`;
}

const dash5 = '-'.repeat(5);
export const pemHeader = (label: string): string => `${dash5}BEGIN ${label}${dash5}`;
export const pemFooter = (label: string): string => `${dash5}END ${label}${dash5}`;

/** Wraps base64 at 64 columns, as PEM does. */
export function wrap64(base64: string): string {
  return base64.match(/.{1,64}/g)?.join('\n') ?? '';
}

/**
 * A PEM block whose body starts the way that kind of key does (an ASN.1 SEQUENCE, or the OpenSSH magic),
 * followed by random bytes: it passes the structural checks and is no key at all.
 */
export function fakePem(fake: FakeSecrets, label: string, size = 600): string {
  const start =
    label === 'OPENSSH PRIVATE KEY'
      ? Buffer.from('openssh-key-v1\0', 'latin1')
      : label.startsWith('PGP')
        ? Buffer.from([0xc5, 0x86])
        : Buffer.from([0x30, 0x82, 0x02, 0x5c]);
  const body = Buffer.concat([start, fake.bytes(size)]).toString('base64');
  const armour = label.startsWith('PGP') ? `\n=${fake.chars(BASE64, 4)}` : '';
  const blank = label.startsWith('PGP') ? '\n' : '';
  return `${pemHeader(label)}\n${blank}${wrap64(body)}${armour}\n${pemFooter(label)}`;
}

/** The same text as it appears inside a JSON string: newlines become the two characters `\n`. */
export function jsonEscaped(text: string): string {
  return text.replace(/\n/g, '\\n');
}
