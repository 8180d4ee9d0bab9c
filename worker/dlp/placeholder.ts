/**
 * Values people paste as examples rather than secrets. A DLP tool that blocks `sk_live_XXXXXXXX` or
 * `password=<your password>` trains users to ignore it, so these are never findings.
 */
const PLACEHOLDER_SHAPES: RegExp[] = [
  /x{4,}/i, // sk_live_XXXXXXXX, 4111-xxxx-…
  /\*{3,}/, // already masked
  /\.{3,}|…/, // elided
  /^<[^>]*>$|<[^>]{2,}>/, // <your password>
  /\$\{[^}]*\}|\$\([^)]*\)|\{\{[^}]*\}\}|%\([^)]*\)s|%[A-Z_]{3,}%/, // ${TOKEN}, {{ secret }}, %(pw)s, %PASSWORD%
  /^\$[A-Z_][A-Z0-9_]*$/, // $PASSWORD
  /^\{[A-Za-z_][\w.-]*\}$|^\[[A-Za-z_ ]+\]$/, // {db_password} (str.format), [REDACTED], [your key]
  /^(?:replace[-_ ]?me|todo|tbd|n\/a)$/i, // REPLACE_ME, TODO
  /example|sample|dummy|placeholder|changeme|change_me|redacted|your[-_ ]?(?:api[-_ ]?)?(?:key|token|secret|password)|insert[-_ ]?here|fake|not[-_ ]?a[-_ ]?real/i,
  /^(?:password|passwd|secret|token|null|none|undefined|true|false|test|testing|admin|string)$/i,
  /(.)\1{7,}/, // aaaaaaaa, 00000000
  /0123456789|abcdefghij|1234567890/i,
];

export function looksLikePlaceholder(value: string): boolean {
  return PLACEHOLDER_SHAPES.some((shape) => shape.test(value));
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}
