import type RE2 from 're2';
import { splitAtGroup } from './group-split';
import { compileRe2 } from './regex-syntax';
import type { PatternDefinition } from './types';

/** Where a match and its secret lie, in bytes of the view the match was found in. */
export interface MatchSpans {
  whole: readonly [number, number];
  secret: readonly [number, number] | null;
}

/**
 * Reads where a pattern's matches and their secrets lie using only RE2 calls that return numbers: `search` for
 * where the leftmost match starts, a sticky `test` for where it ends (it sets lastIndex), and sticky tests of the
 * parts before, inside and after the secret group. The binding's `exec` builds a Buffer for the match and one for
 * each group, which costs 10–20 times as much as these calls (2–4 µs against 0.2 µs measured), and chat text has
 * an email address or a phone number every kilobyte or so.
 *
 * The parts give the group's place because RE2 picks matches by priority, as a backtracking engine would: when
 * the before part's first choice, then the group's, then the after part's make a whole match, no other way of
 * matching can come first. When they do not (rare), or the shape does not split, the caller falls back to `exec`
 * (`undefined` means "ask exec").
 */
export class SpanReader {
  private readonly parts: { before: Part | null; inner: Part; after: Part | null } | null;

  constructor(
    definition: PatternDefinition,
    /** The pattern compiled global, without indices: only its `search` is used here. */
    private readonly plain: RE2,
    /** The pattern compiled sticky, without indices. */
    private readonly sticky: RE2,
    private readonly group: number | string,
  ) {
    const flags = definition.flags ?? {};
    const split = group === 0 ? null : splitAtGroup(definition.regex, group);
    const part = (source: string): Part =>
      WORD_BOUNDARY.test(source) ? 'word-boundary' : compileRe2(source, flags, 'y');
    this.parts = split
      ? {
          before: split.before ? part(split.before) : null,
          inner: part(split.inner),
          after: split.after ? part(split.after) : null,
        }
      : null;
  }

  /** Whether secrets can be read without exec at all. */
  get readsSecrets(): boolean {
    return this.group === 0 || this.parts !== null;
  }

  /** The leftmost match starting at or after `from`; null when there is none. */
  next(view: Buffer, from: number): MatchSpans | null | undefined {
    // One byte before `from` stays in view so `\b` and `(?m)^` there see what precedes; a match that starts on
    // that byte (or a `^` that only holds because the view starts there) is left to exec.
    const lead = from > 0 ? 1 : 0;
    const at = this.plain.search(lead ? view.subarray(from - lead) : view);
    if (at === -1) return null;
    if (at < lead) return undefined;
    return this.at(view, from - lead + at);
  }

  /** The match starting exactly at `start`; null when there is none there. */
  at(view: Buffer, start: number): MatchSpans | null | undefined {
    const end = endOf(this.sticky, view, start);
    if (end < 0) return null;
    const whole = [start, end] as const;
    if (this.group === 0) return { whole, secret: whole };
    if (!this.parts) return undefined;
    const { before, inner, after } = this.parts;
    const innerStart = before ? endOf(before, view, start) : start;
    if (innerStart < 0) return undefined;
    const innerEnd = endOf(inner, view, innerStart);
    if (innerEnd < 0) return undefined;
    const afterEnd = after ? endOf(after, view, innerEnd) : innerEnd;
    if (afterEnd !== end) return undefined;
    return { whole, secret: [innerStart, innerEnd] };
  }
}

/**
 * A part of a pattern: a sticky regex, or a bare `\b`, which is checked here rather than by a call into the
 * binding (most detectors end with one).
 */
type Part = RE2 | 'word-boundary';
const WORD_BOUNDARY = /^(?:\(\?[imsU]+\))?\\b$/;

/** Where the part's match starting at `start` ends, or -1. */
function endOf(part: Part, view: Buffer, start: number): number {
  if (part === 'word-boundary') {
    // RE2's \b is ASCII: a word byte on exactly one side (a byte past either end is not one).
    return isWordByte(view[start - 1]) !== isWordByte(view[start]) ? start : -1;
  }
  part.lastIndex = start;
  return part.test(view) ? part.lastIndex : -1;
}

function isWordByte(byte: number | undefined): boolean {
  if (byte === undefined) return false;
  return (
    (byte >= 0x30 && byte <= 0x39) ||
    (byte >= 0x41 && byte <= 0x5a) ||
    (byte >= 0x61 && byte <= 0x7a) ||
    byte === 0x5f
  );
}
