import RE2 from 're2';
import type { PatternFlags } from './types';

/** A regex that cannot be compiled under RE2, with where and why. */
export interface RegexSyntaxError {
  /** 0-based offset into the regex source, when known. */
  position: number | null;
  /** The offending text, e.g. `(?<=` or `\1`. */
  construct: string | null;
  message: string;
}

const UNSUPPORTED: { shape: RegExp; what: string }[] = [
  { shape: /^\(\?<=/, what: 'lookbehind' },
  { shape: /^\(\?<!/, what: 'negative lookbehind' },
  { shape: /^\(\?=/, what: 'lookahead' },
  { shape: /^\(\?!/, what: 'negative lookahead' },
  { shape: /^\(\?>/, what: 'atomic group' },
  { shape: /^\\[1-9]\d*/, what: 'backreference' },
  { shape: /^\\k<[^>]*>/, what: 'named backreference' },
  { shape: /^\(\?P=\w+\)/, what: 'named backreference' },
  { shape: /^[*+?}]\+/, what: 'possessive quantifier' },
];

/**
 * Explains why a regex is not RE2 syntax, naming the construct, or returns null when it compiles.
 * Backreferences and lookaround are what admins most often paste from PCRE; RE2 leaves them out because
 * they make matching super-linear, and a DLP worker must never hang on a pattern.
 */
export function explainRe2Error(source: string, flags: PatternFlags = {}): RegexSyntaxError | null {
  let inClass = false;
  for (let i = 0; i < source.length; i += 1) {
    const ch = source[i];
    if (ch === '\\') {
      if (!inClass) {
        const rest = source.slice(i);
        for (const { shape, what } of UNSUPPORTED) {
          const hit = shape.exec(rest);
          if (hit && hit[0].startsWith('\\')) return unsupported(what, hit[0], i);
        }
      }
      i += 1;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') {
      inClass = true;
      // A `]` straight after `[` or `[^` is a literal.
      if (source[i + 1] === '^') i += 1;
      if (source[i + 1] === ']') i += 1;
      continue;
    }
    const rest = source.slice(i);
    for (const { shape, what } of UNSUPPORTED) {
      const hit = shape.exec(rest);
      if (hit && !hit[0].startsWith('\\')) return unsupported(what, hit[0], i);
    }
  }
  try {
    compileRe2(source, flags, '');
    return null;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    // RE2 reports "missing ]: [abc" — the text after the colon is where it gave up.
    const after = /:\s(.*)$/.exec(message)?.[1];
    const position = after ? source.lastIndexOf(after) : -1;
    return {
      position: position >= 0 ? position : null,
      construct: after ?? null,
      message: `invalid regular expression: ${message}`,
    };
  }
}

function unsupported(what: string, construct: string, position: number): RegexSyntaxError {
  return {
    position,
    construct,
    message: `${what} \`${construct}\` at position ${position} is not supported: patterns use RE2 syntax, which has no backreferences or lookaround so that scanning stays linear in the input`,
  };
}

/** The inline-flag prefix that carries a pattern's own flags into a shared RE2.Set. */
export function inlineFlags(flags: PatternFlags = {}): string {
  const f = `${flags.caseInsensitive ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}`;
  return f ? `(?${f})` : '';
}

export function compileRe2(source: string, flags: PatternFlags, extraFlags: string): RE2 {
  return new RE2(`${inlineFlags(flags)}${source}`, `u${extraFlags}`);
}
