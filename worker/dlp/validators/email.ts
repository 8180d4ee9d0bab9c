/**
 * Domains reserved for documentation and testing (RFC 2606, RFC 6761): mail to them never reaches a person.
 */
const RESERVED_TLDS = new Set(['test', 'example', 'invalid', 'localhost', 'local']);
const RESERVED_DOMAINS = /(?:^|\.)example\.(?:com|net|org)$/;

/**
 * Names that end like a domain but are file names (`logo@2x.png`, `icon@3x.svg`): none of these endings is a
 * top-level domain in the IANA root zone.
 */
const FILE_EXTENSIONS = new Set([
  'png',
  'jpg',
  'jpeg',
  'gif',
  'svg',
  'webp',
  'bmp',
  'ico',
  'tif',
  'tiff',
  'js',
  'mjs',
  'cjs',
  'ts',
  'tsx',
  'jsx',
  'css',
  'scss',
  'less',
  'json',
  'yaml',
  'yml',
  'xml',
  'html',
  'htm',
  'txt',
  'log',
  'lock',
  'map',
  'java',
  'kt',
  'swift',
  'cpp',
  'hpp',
  'pdf',
  'zip',
  'gz',
  'tgz',
  'mp3',
  'mp4',
  'mov',
  'wav',
]);

/**
 * A plausible personal address: one `@`, a dotted domain whose last label is 2–24 letters and not a file
 * extension, no empty labels or dot runs, and not a reserved documentation domain (`example.com`, `.test`).
 * @example isEmailPlausible('ada@lovelace.dev') === true; isEmailPlausible('ada@example.com') === false
 */
export function isEmailPlausible(address: string): boolean {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at !== address.indexOf('@')) return false;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (local.length > 64 || domain.length > 253) return false;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return false;
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return false;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^[a-z]{2,24}$/.test(tld)) return false;
  if (RESERVED_TLDS.has(tld) || FILE_EXTENSIONS.has(tld) || RESERVED_DOMAINS.test(domain)) return false;
  // `git@github.com:org/repo` is an SSH remote, not somebody's mailbox.
  return local.toLowerCase() !== 'git';
}
