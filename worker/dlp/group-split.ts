import { regexTokens, type RegexToken } from './regex-tokens';

/** A regex cut around one capturing group: `before(?P<g>inner)after`, each part a regex on its own. */
export interface GroupSplit {
  before: string;
  inner: string;
  after: string;
}

const LEADING_FLAGS = /^\(\?[imsU]+\)/;
/** `(?i)` or `(?-s)` in the middle: changes the flags of what follows, which a part cut out would not know. */
const FLAG_SWITCH = /^\(\?[imsU-]+\)/;
const NAMED_GROUP = /^\(\?P?<(\w+)>/;
const QUANTIFIER = /^[*+?{]/;

/** The tokens of `source` after its leading inline flags, and those flags. */
function body(source: string): { flags: string; tokens: RegexToken[] } | null {
  const flags = LEADING_FLAGS.exec(source)?.[0] ?? '';
  const tokens = regexTokens(source);
  return tokens ? { flags, tokens: tokens.filter((t) => t.at >= flags.length) } : null;
}

/**
 * Cuts a regex around a capturing group that sits at its top level: not inside another group, not repeated, and
 * with no top-level `|`. Leading inline flags such as `(?i)` are carried into every part. Returns null for any
 * other shape (the caller then reads the group from RE2's own submatch).
 * @example splitAtGroup('\\b(?P<secret>\\d{3}-\\d{4})\\b', 'secret') // → { before: '\\b', inner: '\\d{3}-\\d{4}', after: '\\b' }
 */
export function splitAtGroup(source: string, group: number | string): GroupSplit | null {
  const parsed = body(source);
  if (!parsed) return null;
  const { flags, tokens } = parsed;
  let depth = 0;
  let captures = 0;
  let open = -1;
  let close = -1;
  for (const { at, text, kind } of tokens) {
    if (kind !== 'char') continue;
    if (text === '|' && depth === 0) return null;
    if (text === '(') {
      const rest = source.slice(at);
      if (FLAG_SWITCH.test(rest)) return null;
      const named = NAMED_GROUP.exec(rest);
      if (named !== null || !rest.startsWith('(?')) {
        captures += 1;
        const target = typeof group === 'number' ? captures === group : named?.[1] === group;
        if (target) {
          if (depth !== 0) return null;
          open = at;
        }
      }
      depth += 1;
    } else if (text === ')') {
      depth -= 1;
      if (depth < 0) return null;
      if (depth === 0 && open >= 0 && close < 0) {
        close = at;
        if (QUANTIFIER.test(source.slice(at + 1))) return null;
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

/**
 * The regex with its named groups made non-capturing, so several patterns can be joined into one alternation
 * (RE2 refuses two groups of the same name). What it matches does not change.
 */
export function withoutGroupNames(source: string): string {
  const tokens = regexTokens(source);
  if (!tokens) return source;
  let out = '';
  let skipTo = 0;
  for (const { at, text, kind } of tokens) {
    if (at < skipTo) continue;
    const named = kind === 'char' && text === '(' ? NAMED_GROUP.exec(source.slice(at)) : null;
    if (named) {
      out += '(?:';
      skipTo = at + named[0].length;
      continue;
    }
    out += text;
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
  if (!literal || /[\\^$.|?*+()[\]{}]/.test(literal)) return null;
  const parsed = body(source);
  if (!parsed) return null;
  const { flags, tokens } = parsed;
  // Per open group, whether a `|` was seen in it (index 0: the top level).
  const open: boolean[] = [false];
  let found = -1;
  let foundDepth = -1;
  const closes: number[] = [];
  let skipTo = 0;
  for (const { at, text, kind } of tokens) {
    if (at < skipTo || kind !== 'char') continue;
    if (text === '|') open[open.length - 1] = true;
    else if (text === '(') {
      if (FLAG_SWITCH.test(source.slice(at))) return null;
      open.push(false);
    } else if (text === ')') {
      open.pop();
      if (open.length === 0) return null;
      if (found >= 0 && open.length < foundDepth) {
        // A group around the literal closes: it must not be repeated.
        if (QUANTIFIER.test(source.slice(at + 1))) return null;
        closes.push(at);
        foundDepth = open.length;
      }
    } else if (source.startsWith(literal, at)) {
      if (found >= 0) return null;
      if (QUANTIFIER.test(source.slice(at + literal.length))) return null;
      if (open.some((alternative) => alternative)) return null;
      found = at;
      foundDepth = open.length;
      skipTo = at + literal.length;
    }
  }
  if (found < 0) return null;
  // A `|` after the literal, at its level or an enclosing one, also makes it optional.
  let depth = 0;
  for (const { at, text, kind } of tokens) {
    if (at < found + literal.length || kind !== 'char') continue;
    if (text === '(') depth += 1;
    else if (text === ')') depth -= 1;
    else if (text === '|' && depth <= 0) return null;
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
