import RE2 from 're2';
import { maskSecret } from './masking';
import { semanticErrors, type PatternFieldError } from './pattern-schema';
import { looksLikePlaceholder, shannonEntropy } from './placeholder';
import { compileRe2, inlineFlags } from './regex-syntax';
import type { Finding, PatternDefinition } from './types';
import { getValidator } from './validators';

/** Thrown by `compileScanner` when any pattern is invalid; lists every problem at once. */
export class PatternCompileError extends Error {
  constructor(readonly errors: PatternFieldError[]) {
    super(
      `invalid pattern${errors.length > 1 ? 's' : ''}: ${errors
        .map((e) => `${e.pattern}: ${e.field}: ${e.message}`)
        .join('; ')}`,
    );
    this.name = 'PatternCompileError';
  }
}

export interface ScannerOptions {
  /** Bytes handed to the multi-pattern prefilter at once. */
  segmentBytes?: number;
  /**
   * Bytes past a segment's end that are still searched, so a match straddling two segments is found.
   * Must exceed the longest match worth finding (a 4096-bit PEM key is about 3.3 KB).
   */
  overlapBytes?: number;
}

/**
 * A compiled, reusable pattern set.
 * @example
 * const scanner = compileScanner(builtinDetectors);
 * scanner.scan('card 4111 1111 1111 1111') // → [{ patternId: 'card-visa', maskedMatch: '4111 **** **** 1111', … }]
 */
export interface Scanner {
  readonly patterns: readonly PatternDefinition[];
  /** Scans a whole text held in memory. */
  scan(text: string): Finding[];
  /** Scans text that arrives in pieces, in memory bounded by the segment size, whatever the input size. */
  stream(): TextScanStream;
}

/** Push text in order; findings come back with offsets, lines and columns relative to the whole text. */
export interface TextScanStream {
  push(text: string | Buffer): Finding[];
  end(): Finding[];
}

interface CompiledPattern {
  definition: PatternDefinition;
  locator: RE2;
  secretGroup: number | string;
  allowValues: ReadonlySet<string>;
  allowRegex: RE2 | null;
  contextWords: string[];
  contextWindow: number;
}

const DEFAULT_SEGMENT = 256 * 1024;
const DEFAULT_OVERLAP = 16 * 1024;

export function compileScanner(
  patterns: readonly PatternDefinition[],
  options: ScannerOptions = {},
): Scanner {
  const enabled = patterns.filter((p) => p.enabled !== false);
  const errors = enabled.flatMap((p) => semanticErrors(p));
  if (errors.length > 0) throw new PatternCompileError(errors);
  const compiled = enabled.map(compilePattern);
  const set =
    compiled.length > 0
      ? new RE2.Set(
          enabled.map((p) => `${inlineFlags(p.flags)}${p.regex}`),
          'u',
        )
      : null;
  const segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT;
  const overlapBytes = options.overlapBytes ?? DEFAULT_OVERLAP;

  const stream = (): TextScanStream => new SegmentedScan(compiled, set, segmentBytes, overlapBytes);
  return {
    patterns: enabled,
    stream,
    scan(text: string): Finding[] {
      const s = stream();
      return [...s.push(text), ...s.end()];
    },
  };
}

function compilePattern(definition: PatternDefinition): CompiledPattern {
  const regexes = definition.allowlist?.regexes ?? [];
  return {
    definition,
    locator: compileRe2(definition.regex, definition.flags ?? {}, 'gd'),
    secretGroup: definition.secretGroup ?? 0,
    allowValues: new Set(definition.allowlist?.values ?? []),
    allowRegex: regexes.length > 0 ? new RE2(regexes.map((r) => `(?:${r})`).join('|'), 'u') : null,
    contextWords: (definition.context?.words ?? []).map((w) => w.toLowerCase()),
    contextWindow: definition.context?.window ?? 80,
  };
}

interface RawMatch {
  pattern: CompiledPattern;
  /** Byte offsets into the current window. */
  start: number;
  end: number;
  secret: string;
}

/**
 * The text is cut into segments at line breaks where possible. For each segment, one RE2.Set pass says which
 * patterns match at all; only those are run again to find where. Each segment is searched a little past its end
 * (the overlap) so that matches crossing the cut are found, and only matches that start inside the segment are
 * kept, so nothing is reported twice.
 */
class SegmentedScan implements TextScanStream {
  private carry: Buffer = Buffer.alloc(0);
  /** Bytes kept from before the carry, for context keywords that precede a match. */
  private lead: Buffer = Buffer.alloc(0);
  // Absolute position of carry[0].
  private char = 0;
  private line = 1;
  private lineStartChar = 0;
  /** Per pattern, the absolute byte end of the last accepted match: a later overlapping hit is the same one. */
  private readonly lastEnd = new Map<string, number>();
  private byte = 0;

  constructor(
    private readonly patterns: readonly CompiledPattern[],
    private readonly set: InstanceType<typeof RE2.Set> | null,
    private readonly segmentBytes: number,
    private readonly overlapBytes: number,
  ) {}

  push(text: string | Buffer): Finding[] {
    const incoming = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    this.carry = this.carry.length === 0 ? incoming : Buffer.concat([this.carry, incoming]);
    const findings: Finding[] = [];
    while (this.carry.length >= this.segmentBytes + this.overlapBytes) {
      findings.push(...this.processSegment(this.cutPoint(), false));
    }
    return findings;
  }

  end(): Finding[] {
    const findings = this.carry.length > 0 ? this.processSegment(this.carry.length, true) : [];
    this.carry = Buffer.alloc(0);
    return findings;
  }

  /** Where to end the next segment: after a newline, else after a space, never inside a UTF-8 sequence. */
  private cutPoint(): number {
    const target = this.segmentBytes;
    const floor = Math.floor(target / 2);
    const newline = this.carry.lastIndexOf(0x0a, target - 1);
    if (newline >= floor) return newline + 1;
    const space = this.carry.lastIndexOf(0x20, target - 1);
    if (space >= floor) return space + 1;
    let cut = target;
    while (cut > 0 && ((this.carry[cut] ?? 0) & 0xc0) === 0x80) cut -= 1;
    return cut;
  }

  private processSegment(cut: number, last: boolean): Finding[] {
    const window = last
      ? this.carry
      : this.carry.subarray(0, Math.min(this.carry.length, cut + this.overlapBytes));
    const raw = this.set ? this.findMatches(window, cut, last) : [];
    const findings = this.toFindings(raw, window);
    this.advance(cut);
    return findings;
  }

  private findMatches(window: Buffer, cut: number, last: boolean): RawMatch[] {
    const set = this.set;
    if (!set) return [];
    const hits = set.match(window);
    const matches: RawMatch[] = [];
    for (const index of hits) {
      const pattern = this.patterns[index];
      if (!pattern) continue;
      const locator = pattern.locator;
      locator.lastIndex = 0;
      let m = locator.exec(window);
      while (m) {
        const whole = m.indices?.[0];
        if (!whole) break;
        if (!last && whole[0] >= cut) break;
        if (whole[1] === whole[0]) locator.lastIndex = whole[1] + 1; // never loop on an empty match
        const span = secretSpan(m, pattern.secretGroup);
        if (span) {
          const absoluteStart = this.byte + span[0];
          const previousEnd = this.lastEnd.get(pattern.definition.id) ?? -1;
          if (absoluteStart >= previousEnd) {
            const secret = window.toString('utf8', span[0], span[1]);
            if (this.accepts(pattern, secret, window, span)) {
              matches.push({ pattern, start: span[0], end: span[1], secret });
              this.lastEnd.set(pattern.definition.id, this.byte + span[1]);
            }
          }
        }
        m = locator.exec(window);
      }
    }
    return matches;
  }

  private accepts(pattern: CompiledPattern, secret: string, window: Buffer, span: [number, number]): boolean {
    const d = pattern.definition;
    if (secret.length === 0) return false;
    if (pattern.allowValues.has(secret)) return false;
    if (pattern.allowRegex && pattern.allowRegex.test(secret)) return false;
    if (d.rejectPlaceholders && looksLikePlaceholder(secret)) return false;
    if (d.minEntropy !== undefined && shannonEntropy(secret) < d.minEntropy) return false;
    if (d.validator && !getValidator(d.validator)(secret)) return false;
    if (d.context?.required && !this.hasContext(pattern, window, span)) return false;
    return true;
  }

  private hasContext(pattern: CompiledPattern, window: Buffer, span: [number, number]): boolean {
    if (pattern.contextWords.length === 0) return false;
    // The window is counted in bytes, a close enough stand-in for characters in the scripts keywords use.
    const before = Math.max(0, span[0] - pattern.contextWindow);
    let text = window.toString('utf8', before, Math.min(window.length, span[1] + pattern.contextWindow));
    if (span[0] - pattern.contextWindow < 0 && this.lead.length > 0) {
      const need = Math.min(this.lead.length, pattern.contextWindow - span[0]);
      text = this.lead.toString('utf8', this.lead.length - need) + text;
    }
    const lower = text.toLowerCase();
    return pattern.contextWords.some((word) => lower.includes(word));
  }

  private toFindings(raw: RawMatch[], window: Buffer): Finding[] {
    if (raw.length === 0) return [];
    raw.sort((a, b) => a.start - b.start || b.end - a.end);
    const findings: Finding[] = [];
    // Walk the window once, converting byte offsets to UTF-16 offsets, lines and columns in order.
    let byte = 0;
    let char = this.char;
    let line = this.line;
    let lineStartChar = this.lineStartChar;
    const walkTo = (target: number): void => {
      while (byte < target) {
        const b = window[byte] ?? 0;
        if (b === 0x0a) {
          line += 1;
          char += 1;
          lineStartChar = char;
        } else if ((b & 0xc0) !== 0x80) {
          char += b >= 0xf0 ? 2 : 1;
        }
        byte += 1;
      }
    };
    for (const match of raw) {
      walkTo(match.start);
      const startChar = char;
      const startLine = line;
      const column = char - lineStartChar + 1;
      const d = match.pattern.definition;
      findings.push({
        patternId: d.id,
        patternName: d.name,
        severity: d.severity,
        action: d.action,
        confidence: this.confidence(match, window),
        start: startChar,
        end: startChar + match.secret.length,
        line: startLine,
        column,
        maskedMatch: maskSecret(match.secret, d.mask ?? 'token', d.keepPrefix ?? 0),
      });
    }
    return findings;
  }

  private confidence(match: RawMatch, window: Buffer): number {
    const d = match.pattern.definition;
    const base = d.baseConfidence ?? (d.validator ? 0.9 : 0.7);
    if (!d.context || d.context.required) {
      return round(d.context?.required ? Math.min(1, base + (1 - base) * 0.6) : base);
    }
    const near = this.hasContext(match.pattern, window, [match.start, match.end]);
    return round(near ? Math.min(1, base + (1 - base) * 0.6) : base * 0.8);
  }

  /** Moves the cursor past the first `cut` bytes of the carry. */
  private advance(cut: number): void {
    const consumed = this.carry.subarray(0, cut);
    let newline = consumed.indexOf(0x0a);
    let lastNewline = -1;
    while (newline !== -1) {
      this.line += 1;
      lastNewline = newline;
      newline = consumed.indexOf(0x0a, newline + 1);
    }
    if (lastNewline === -1) {
      this.char += utf16Length(consumed);
    } else {
      this.char += utf16Length(consumed.subarray(0, lastNewline + 1));
      this.lineStartChar = this.char;
      this.char += utf16Length(consumed.subarray(lastNewline + 1));
    }
    this.byte += cut;
    this.lead = Buffer.from(consumed.subarray(Math.max(0, consumed.length - 1024)));
    this.carry = this.carry.subarray(cut);
  }
}

function secretSpan(m: { indices?: RegExpIndicesArray }, group: number | string): [number, number] | null {
  const indices = m.indices;
  if (!indices) return null;
  const span = typeof group === 'number' ? indices[group] : indices.groups?.[group];
  return span ? [span[0], span[1]] : null;
}

function utf16Length(bytes: Buffer): number {
  let count = 0;
  for (let i = 0; i < bytes.length; i += 1) {
    const b = bytes[i] ?? 0;
    if ((b & 0xc0) !== 0x80) count += b >= 0xf0 ? 2 : 1;
  }
  return count;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
