/** A regex cut around one capturing group: `before(?P<g>inner)after`, each part a regex on its own. */
export interface GroupSplit {
  before: string;
  inner: string;
  after: string;
}

/**
 * Cuts a regex around a capturing group that sits at its top level: not inside another group, not repeated, and
 * with no top-level `|`. Leading inline flags such as `(?i)` are carried into every part. Returns null for any
 * other shape (the caller then reads the group from RE2's own submatch).
 * @example splitAtGroup('\\b(?P<secret>\\d{3}-\\d{4})\\b', 'secret') // → { before: '\\b', inner: '\\d{3}-\\d{4}', after: '\\b' }
 */
export function splitAtGroup(source: string, group: number | string): GroupSplit | null {
  if (source.includes('\\Q')) return null;
  const flags = /^\(\?[imsU]+\)/.exec(source)?.[0] ?? '';
  let depth = 0;
  let captures = 0;
  let open = -1;
  let close = -1;
  for (let i = flags.length; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') {
      i = classEnd(source, i);
      if (i < 0) return null;
      continue;
    }
    if (ch === '|' && depth === 0) return null;
    if (ch === '(') {
      const rest = source.slice(i);
      // `(?flags)` changes the flags of what follows at this level: the parts would not know.
      if (/^\(\?[imsU-]+\)/.test(rest)) return null;
      const named = /^\(\?P?<(\w+)>/.exec(rest);
      const capturing = named !== null || !rest.startsWith('(?');
      if (capturing) {
        captures += 1;
        const target = typeof group === 'number' ? captures === group : named?.[1] === group;
        if (target) {
          if (depth !== 0) return null;
          open = i;
        }
      }
      depth += 1;
      continue;
    }
    if (ch === ')') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0 && open >= 0 && close < 0) {
        close = i;
        if (/^[*+?{]/.test(source.slice(i + 1))) return null;
      }
    }
  }
  if (open < 0 || close < 0 || depth !== 0) return null;
  const head = /^\(\?(?:P?<\w+>)?/.exec(source.slice(open))?.[0] ?? '(';
  return {
    before: source.slice(0, open),
    inner: flags + source.slice(open + head.length, close),
    after: flags + source.slice(close + 1),
  };
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

/**
 * The regex with its named groups made non-capturing, so several patterns can be joined into one alternation
 * (RE2 refuses two groups of the same name). What it matches does not change.
 */
export function withoutGroupNames(source: string): string {
  if (source.includes('\\Q')) return source;
  let out = '';
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i] ?? '';
    if (ch === '\\') {
      out += source.slice(i, i + 2);
      i += 1;
      continue;
    }
    if (ch === '[') {
      const end = classEnd(source, i);
      if (end < 0) return source;
      out += source.slice(i, end + 1);
      i = end;
      continue;
    }
    const named = ch === '(' ? /^\(\?P?<\w+>/.exec(source.slice(i)) : null;
    if (named) {
      out += '(?:';
      i += named[0].length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}

/**
 * The part of a regex after its one literal occurrence of `literal`, as a regex of its own: what must match
 * right after the literal wherever the literal is the regex's own (not text matched by a class or a repeat).
 * Null unless the literal occurs exactly once, outside classes and escapes, not repeated, and with no `|` at
 * its level or any enclosing one; leading inline flags are carried over.
 * @example suffixAfterLiteral('\\b(?P<s>[a-z]+://[^@]+)@', '://') === '[^@]+@'
 */
export function suffixAfterLiteral(source: string, literal: string): string | null {
  if (!literal || source.includes('\\Q') || /[\\^$.|?*+()[\]{}]/.test(literal)) return null;
  const flags = /^\(\?[imsU]+\)/.exec(source)?.[0] ?? '';
  // Per open group, whether a `|` was seen in it so far (index 0: the top level).
  const open: boolean[] = [false];
  let found = -1;
  let foundDepth = -1;
  const closes: number[] = [];
  for (let i = flags.length; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') {
      i = classEnd(source, i);
      if (i < 0) return null;
      continue;
    }
    if (ch === '|') open[open.length - 1] = true;
    if (ch === '(') {
      if (/^\(\?[imsU-]+\)/.test(source.slice(i))) return null;
      open.push(false);
      continue;
    }
    if (ch === ')') {
      open.pop();
      if (open.length === 0) return null;
      if (found >= 0 && open.length < foundDepth) {
        // A group around the literal closes: it must not be repeated.
        if (/^[*+?{]/.test(source.slice(i + 1))) return null;
        closes.push(i);
        foundDepth = open.length;
      }
      continue;
    }
    if (source.startsWith(literal, i)) {
      if (found >= 0) return null;
      if (/^[*+?{]/.test(source.slice(i + literal.length))) return null;
      found = i;
      foundDepth = open.length;
      if (open.some((alternative) => alternative)) return null;
      i += literal.length - 1;
    }
  }
  if (found < 0) return null;
  // A `|` after the literal, at its level or an enclosing one, also makes it optional.
  let depth = 0;
  for (let i = found + literal.length; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      i += 1;
      continue;
    }
    if (ch === '[') {
      i = classEnd(source, i);
      continue;
    }
    if (ch === '(') depth += 1;
    else if (ch === ')') depth -= 1;
    else if (ch === '|' && depth <= 0) return null;
  }
  // The rest of the source without the closing parentheses of the groups around the literal.
  let rest = '';
  let from = found + literal.length;
  for (const close of closes) {
    rest += source.slice(from, close);
    from = close + 1;
  }
  rest += source.slice(from);
  return flags + rest;
}
