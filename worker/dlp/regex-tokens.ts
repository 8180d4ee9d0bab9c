/** One piece of a regex source: an escape (`\d`, `\.`), a whole character class, or any other single character. */
export interface RegexToken {
  /** Offset of the token in the source. */
  at: number;
  text: string;
  kind: 'escape' | 'class' | 'char';
}

/**
 * Splits a regex source into escapes, character classes and single characters, so that code reading its
 * structure (groups, `|`, repeats) never mistakes an escaped or bracketed `(`, `|` or `{` for one. Null when a
 * class is never closed, or for `\Q…\E`, whose text is literal whatever it holds.
 * @example regexTokens('a[(]\\(').map((t) => t.text) // → ['a', '[(]', '\\(']
 */
export function regexTokens(source: string): RegexToken[] | null {
  if (source.includes('\\Q')) return null;
  const tokens: RegexToken[] = [];
  for (let i = 0; i < source.length;) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      tokens.push({ at: i, text: source.slice(i, i + 2), kind: 'escape' });
      i += 2;
    } else if (ch === '[') {
      const end = classEnd(source, i);
      if (end < 0) return null;
      tokens.push({ at: i, text: source.slice(i, end + 1), kind: 'class' });
      i = end + 1;
    } else {
      tokens.push({ at: i, text: ch, kind: 'char' });
      i += 1;
    }
  }
  return tokens;
}

/** Index of the `]` that closes the class opened at `start`, or -1. */
function classEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i += 1;
  if (source[i] === ']') i += 1; // a leading `]` is a literal
  for (; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[' && source[i + 1] === ':') {
      const end = source.indexOf(':]', i + 2);
      if (end < 0) return -1;
      i = end + 1;
      continue;
    }
    if (ch === ']') return i;
  }
  return -1;
}
