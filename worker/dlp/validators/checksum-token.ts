/**
 * The checksummed token scheme GitHub (2021) and npm (2021) use: a public prefix, 30 random base62
 * characters, then 6 base62 characters holding the CRC-32 of those 30, left-padded with `0`.
 * Described in GitHub's "Behind GitHub's new authentication token formats" (2021-04-05); the alphabet is
 * digits, then upper case, then lower case.
 */
const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/**
 * CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), the one zlib and PNG use, over the UTF-8 bytes.
 * @example crc32('123456789') === 0xcbf43926
 */
export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (const byte of Buffer.from(text, 'utf8')) {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** @example toBase62(61, 6) === '00000z' */
export function toBase62(value: number, width: number): string {
  let out = '';
  let n = value;
  do {
    out = BASE62[n % 62] + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(width, '0');
}

/** The 6-character checksum that ends a token whose random part is `random`. */
export function base62Crc32Checksum(random: string): string {
  return toBase62(crc32(random), 6);
}

/**
 * True when `body` (the token without its prefix) is 30 base62 characters followed by their checksum.
 * @example hasValidBase62Checksum('zQWBuTSOoRi4A9spHcVY5ncnsDkxkJ0mLq17') === true
 */
export function hasValidBase62Checksum(body: string): boolean {
  if (!/^[0-9A-Za-z]{36}$/.test(body)) return false;
  return base62Crc32Checksum(body.slice(0, 30)) === body.slice(30);
}

/** A classic GitHub token: `ghp_`, `gho_`, `ghu_`, `ghs_` or `ghr_`, then a checksummed body. */
export function isGithubTokenValid(token: string): boolean {
  const m = /^gh[pousr]_([0-9A-Za-z]{36})$/.exec(token);
  return m !== null && hasValidBase62Checksum(m[1] ?? '');
}

/** An npm access token: `npm_` then a checksummed body. */
export function isNpmTokenValid(token: string): boolean {
  const m = /^npm_([0-9A-Za-z]{36})$/.exec(token);
  return m !== null && hasValidBase62Checksum(m[1] ?? '');
}
