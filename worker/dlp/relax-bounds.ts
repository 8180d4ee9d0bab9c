/**
 * The same regex with every large bounded repeat `{m,n}` opened up to `{m,}`. It matches wherever the original
 * does (and sometimes more), so it can say cheaply that the original cannot match: RE2's DFA handles `x{1,512}`
 * with hundreds of states, where `x{1,}` needs one, and the difference is a several-fold slower search.
 * Returns null when the source uses `\Q…\E`, whose braces are literal text.
 * @example relaxBounds('[a-z]{1,512}@', 16) === '[a-z]{1,}@'
 */
export function relaxBounds(source: string, largerThan: number): string | null {
  if (source.includes('\\Q')) return null;
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      out += ch;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      out += ch;
      // A `]` straight after `[` or `[^` is a literal.
      if (source[i + 1] === '^') out += source[++i];
      if (source[i + 1] === ']') out += source[++i];
      continue;
    }
    if (ch === '{') {
      const repeat = /^\{(\d+),(\d+)\}/.exec(source.slice(i));
      if (repeat && Number(repeat[2]) > largerThan) {
        out += `{${repeat[1]},}`;
        i += repeat[0].length - 1;
        continue;
      }
    }
    out += ch;
  }
  return out;
}
