import RE2 from 're2';
import { literalKey, pushOccurrences, type LiteralKey } from './literal-search';
import { maskSecret } from './masking';
import { countNewlines } from './newline-count';
import { maxMatchBytes, requiredAnchor } from './match-length';
import { semanticErrors, type PatternFieldError } from './pattern-schema';
import { looksLikePlaceholder, shannonEntropy } from './placeholder';
import { compileRe2, inlineFlags } from './regex-syntax';
import { relaxBounds } from './relax-bounds';
import { suffixAfterLiteral, withoutGroupNames } from './group-split';
import { matchPrefix } from './long-match-witness';
import { SpanReader, type MatchSpans } from './span-reader';
import {
  BlockPrefilter,
  PREFILTER_LEAD,
  PrefilterTooLargeError,
  SHORT_LIMIT,
  type BlockHits,
  type PrefilterPattern,
} from './block-prefilter';
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
  /** Bytes handed to the first, whole-set prefilter at once. */
  segmentBytes?: number;
  /**
   * Bytes past a segment's end that are still searched, so a match straddling two segments is found.
   * Must exceed the longest match worth finding (a 4096-bit PEM key is about 3.3 KB).
   */
  overlapBytes?: number;
  /** A window up to this size (plus the short-match limit) is small: each pattern that hits runs over it. */
  blockBytes?: number;
  /**
   * Bytes per block of the first pass (see BlockPrefilter): the locating pass runs only over the blocks where
   * short patterns hit.
   */
  prefilterBlockBytes?: number;
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
  scan(text: string, context?: ScanScope): Finding[];
  /** Scans text that arrives in pieces, in memory bounded by the segment size, whatever the input size. */
  stream(context?: ScanScope): TextScanStream;
}

/** Where the text comes from, for patterns scoped to some channels. */
export interface ScanScope {
  channelId?: string;
}

/** Whether a pattern applies in a channel (no channel known: it applies). */
export function inChannelScope(pattern: PatternDefinition, channelId: string | undefined): boolean {
  const scope = pattern.channelScope;
  if (!scope || channelId === undefined) return true;
  if (scope.exclude?.includes(channelId)) return false;
  return !scope.include || scope.include.length === 0 || scope.include.includes(channelId);
}

/** Push text in order; findings come back with offsets, lines and columns relative to the whole text. */
export interface TextScanStream {
  push(text: string | Buffer): Finding[];
  end(): Finding[];
}

interface CompiledPattern {
  index: number;
  definition: PatternDefinition;
  /**
   * The pattern as the prefilters (the whole set, the unions) see it: flags inlined, large bounded repeats opened
   * up (see relaxBounds). It matches wherever the pattern does, and a few admin patterns such as
   * `[a-z]{1,200}x[0-9]{1,100}` no longer make RE2's DFA crawl (measured: 2.3 s against 5 ms on 300 KB with 100 of
   * them); the pattern itself still decides every match.
   */
  source: string;
  /** The pattern as a global regex. */
  locator: Locator;
  /** Reads match and secret offsets without exec where it can. */
  reader: SpanReader;
  /** The pattern compiled sticky: tried at one start (union members, sticky anchors), and read by `reader`. */
  sticky: Locator;
  secretGroup: number | string;
  allowValues: ReadonlySet<string>;
  allowRegex: RE2 | null;
  contextWords: string[];
  contextWindow: number;
  /** Upper bound on a match's length in bytes; Infinity when unbounded. */
  maxBytes: number;
  /** A literal every match contains, found by a plain search, so the pattern is run only around it. */
  anchor: CompiledAnchor | null;
  /** How the pattern is located in a window larger than a block (see findMatches). */
  mode: LocateMode;
  /**
   * For the union pass: what the union searches for this pattern (the pattern, its prefix, or its finder literal),
   * and the most bytes that can take.
   */
  unionSource: string;
  unionReach: number;
  /** A regex every match starts with, short enough for the block prefilter to place; see matchPrefix. */
  prefix: string | null;
}

/**
 * - `anchors`: around its case-sensitive literal's occurrences (Buffer.indexOf), over the window; when short,
 *   only in the prefilter's views of the blocks that named it.
 * - `short`: short enough for the prefilter to place; tried in the union pass where the prefilter saw it.
 * - `prefixed`: tried in the union pass where its prefix occurs (the prefilter places the prefix).
 * - `spelled`: its case-insensitive literal is found in the union pass where the prefilter saw it, and the
 *   pattern run around each occurrence.
 * - `everywhere`: in the union pass, in every block (as `short`, or as `spelled` when its literal is too long to
 *   place).
 * - `alone`: a long pattern with nothing to go by, run by itself over the window.
 */
type LocateMode = 'anchors' | 'short' | 'prefixed' | 'spelled' | 'everywhere' | 'alone';

interface CompiledAnchor {
  /**
   * For a literal at most a few bytes into every match: the pattern is tried (sticky) at each possible start
   * before an occurrence, which works whatever the match length. Otherwise the pattern must be bounded and runs
   * unanchored on a view that holds any match containing the occurrence.
   */
  triesStarts: boolean;
  /** Case-sensitive literals, searched with Buffer.indexOf from their rarest byte on. */
  literals: LiteralKey[];
  /** Case-insensitive literals, searched with one RE2 alternation. */
  finder: RE2 | null;
  /**
   * The same alternation as a source to join a union pass (see locateTogether), and compiled sticky to tell
   * whether an occurrence starts at a given place.
   */
  finderSource: string | null;
  finderSticky: RE2 | null;
  /** Most bytes an occurrence the finder matches can take (0 without a finder). */
  finderBytes: number;
  /** Most bytes of a match before its literal. */
  before: number;
  /**
   * For the unanchored search around an occurrence: the pattern with its large repeats opened up, which the
   * DFA runs several times faster and which matches wherever the pattern does; the pattern itself runs only
   * where this one matched (see relaxBounds).
   */
  probe: RE2 | null;
  /**
   * For a single case-sensitive literal written once in the pattern: the rest of the pattern after it, sticky.
   * An occurrence it does not match right after is not the pattern's own literal (most "://" are plain links):
   * it is skipped for a fraction of the probe's cost, and any match around it is found from its own literal.
   */
  suffix: RE2 | null;
}

type RE2BufferExecArray = NonNullable<ReturnType<RE2['exec']>> & { indices?: RegExpIndicesArray };

/**
 * One pattern compiled twice: without indices, which most matches need not pay for, and with the `d` flag for
 * the rare match whose secret's place is ambiguous (see spansOf).
 */
interface Locator {
  plain: RE2;
  withIndices: RE2;
}

function compileLocator(definition: PatternDefinition, flags: 'g' | 'y'): Locator {
  return {
    plain: compileRe2(definition.regex, definition.flags ?? {}, flags),
    withIndices: compileRe2(definition.regex, definition.flags ?? {}, `${flags}d`),
  };
}

/** Patterns whose matches are at most this long are located together (one union pass); longer ones one by one. */
const SHORT_MATCH_LIMIT = 1024;
/** Bytes before a view that the locator sees, so `\b` and `^` at the view's start mean what they say. */
const BLOCK_LEAD = 64;
const UNION_CACHE_LIMIT = 512;

/** A union of patterns, and the same preceded by one byte (see nextStart). */
interface Union {
  anywhere: RE2;
  afterByte: RE2;
}

/**
 * The compiled state shared by every stream of one scanner: the block prefilter and a cache of unions for the
 * combinations of patterns that hit together.
 */
class CompiledSet {
  readonly prefilter: BlockPrefilter;
  private readonly unions = new Map<string, Union>();

  constructor(
    readonly patterns: readonly CompiledPattern[],
    readonly segmentBytes: number,
    readonly overlapBytes: number,
    readonly blockBytes: number,
    prefilterBlockBytes: number,
  ) {
    try {
      this.prefilter = new BlockPrefilter(patterns.map(prefilterView), prefilterBlockBytes);
    } catch (error) {
      if (!(error instanceof PrefilterTooLargeError)) throw error;
      throw new PatternCompileError([
        {
          pattern: error.patternId,
          field: 'regex',
          message: `too large for the scanner's prefilter (${error.message}): simplify it, e.g. smaller bounded repeats`,
        },
      ]);
    }
  }

  /**
   * One regex matching wherever any of `tried` (or the prefix it is tried by) matches or any literal of
   * `spelled`'s anchors occurs: `(?:a)|(?:b)|(?i:lit…)|…`, each with its own flags.
   */
  union(tried: readonly CompiledPattern[], spelled: readonly CompiledPattern[]): Union {
    const key = `${tried.map((m) => m.index).join(',')}/${spelled.map((m) => m.index).join(',')}`;
    let union = this.unions.get(key);
    if (!union) {
      if (this.unions.size >= UNION_CACHE_LIMIT) this.unions.clear();
      const source = [...tried, ...spelled].map((m) => m.unionSource).join('|');
      // `\C` is any one byte: the match of `afterByte` starts one byte before where the union's does.
      union = { anywhere: new RE2(source, 'u'), afterByte: new RE2(`\\C(?:${source})`, 'u') };
      this.unions.set(key, union);
    }
    return union;
  }
}

export function compileScanner(
  patterns: readonly PatternDefinition[],
  options: ScannerOptions = {},
): Scanner {
  const enabled = patterns.filter((p) => p.enabled !== false);
  const errors = enabled.flatMap((p) => semanticErrors(p));
  if (errors.length > 0) throw new PatternCompileError(errors);
  const compiled = new CompiledSet(
    enabled.map(compilePattern),
    options.segmentBytes ?? 256 * 1024,
    options.overlapBytes ?? 16 * 1024,
    options.blockBytes ?? 4 * 1024,
    options.prefilterBlockBytes ?? 4 * 1024,
  );
  const stream = (context: ScanScope = {}): TextScanStream => new SegmentedScan(compiled, context.channelId);
  return {
    patterns: enabled,
    stream,
    scan(text: string, context: ScanScope = {}): Finding[] {
      const s = stream(context);
      return [...s.push(text), ...s.end()];
    },
  };
}

function compilePattern(definition: PatternDefinition, index: number): CompiledPattern {
  const regexes = definition.allowlist?.regexes ?? [];
  const locator = compileLocator(definition, 'g');
  const sticky = compileLocator(definition, 'y');
  const secretGroup = definition.secretGroup ?? 0;
  const source = `${inlineFlags(definition.flags)}${relaxBounds(definition.regex, RELAX_ABOVE) ?? definition.regex}`;
  const maxBytes = maxMatchBytes(definition.regex, definition.flags?.caseInsensitive ?? false);
  const anchor = compileAnchor(definition);
  const prefix =
    maxBytes > SHORT_LIMIT
      ? matchPrefix(`${inlineFlags(definition.flags)}${definition.regex}`, SHORT_LIMIT)
      : null;
  const strongPrefix = prefix && prefix.minBytes >= STRONG_PREFIX_BYTES ? prefix.source : null;
  const mode = locateMode(maxBytes, anchor, strongPrefix);
  const whole = `(?:${withoutGroupNames(source)})`;
  const unionSource =
    mode === 'prefixed'
      ? `(?:${withoutGroupNames(strongPrefix ?? '')})`
      : anchor?.finderSticky && mode !== 'short'
        ? (anchor.finderSource ?? whole)
        : whole;
  return {
    index,
    definition,
    source,
    locator,
    sticky,
    reader: new SpanReader(definition, locator.plain, sticky.plain, secretGroup),
    secretGroup,
    allowValues: new Set(definition.allowlist?.values ?? []),
    allowRegex: regexes.length > 0 ? new RE2(regexes.map((r) => `(?:${r})`).join('|'), 'u') : null,
    contextWords: (definition.context?.words ?? []).map((w) => w.toLowerCase()),
    contextWindow: definition.context?.window ?? 80,
    maxBytes,
    anchor,
    mode,
    unionSource,
    unionReach:
      mode === 'prefixed'
        ? SHORT_LIMIT
        : unionSource === whole
          ? maxBytes
          : (anchor?.finderBytes ?? maxBytes),
    prefix: strongPrefix,
  };
}

/** A prefix that matches fewer bytes than this occurs too often to be worth placing. */
const STRONG_PREFIX_BYTES = 3;

function locateMode(maxBytes: number, anchor: CompiledAnchor | null, prefix: string | null): LocateMode {
  if (anchor && !anchor.finderSticky) return 'anchors';
  if (maxBytes <= SHORT_LIMIT) return 'short';
  if (prefix) return 'prefixed';
  if (anchor) return anchor.finderBytes <= SHORT_LIMIT ? 'spelled' : 'everywhere';
  return maxBytes <= SHORT_MATCH_LIMIT ? 'everywhere' : 'alone';
}

/** What the block prefilter needs of a compiled pattern. */
function prefilterView(p: CompiledPattern): PrefilterPattern {
  const d = p.definition;
  const finderSource = p.anchor?.finderSource ?? null;
  return {
    index: p.index,
    id: d.id ?? d.name,
    source: p.source,
    regex: `${inlineFlags(d.flags)}${d.regex}`,
    maxBytes: p.maxBytes,
    prefix: p.prefix,
    placedByPrefix: p.mode === 'prefixed',
    finder: p.mode === 'spelled' && finderSource ? finderSource : null,
  };
}

/** Anchors further than this into a match are not worth it: the search window would be most of a segment. */
const ANCHOR_REACH_LIMIT = 4096;
/** A literal at most this far into every match is located by sticky tries at each possible start. */
const STICKY_TRIES_LIMIT = 8;
/** Repeats bounded above this are opened up in an anchor's probe. */
const RELAX_ABOVE = 16;

function compileAnchor(definition: PatternDefinition): CompiledAnchor | null {
  const caseInsensitive = definition.flags?.caseInsensitive ?? false;
  const anchor = requiredAnchor(definition.regex, caseInsensitive);
  if (!anchor) return null;
  const triesStarts = anchor.before <= STICKY_TRIES_LIMIT;
  if (
    !triesStarts &&
    (anchor.before > ANCHOR_REACH_LIMIT ||
      maxMatchBytes(definition.regex, caseInsensitive) > ANCHOR_REACH_LIMIT)
  ) {
    // Unbounded and far from the start: a search cut short could pick a different match than the whole text.
    return null;
  }
  const relaxed = triesStarts ? null : relaxBounds(definition.regex, RELAX_ABOVE);
  const probe =
    relaxed !== null && relaxed !== definition.regex
      ? compileRe2(relaxed, definition.flags ?? {}, 'g')
      : null;
  if (anchor.caseInsensitive) {
    const escaped = anchor.literals.map((l) => l.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&'));
    const finderSource = `(?i:${escaped.join('|')})`;
    return {
      triesStarts,
      literals: [],
      finder: new RE2(finderSource, 'gu'),
      finderSource,
      finderSticky: new RE2(finderSource, 'uy'),
      finderBytes: maxMatchBytes(finderSource, true),
      before: anchor.before,
      probe,
      suffix: null,
    };
  }
  const rest =
    !triesStarts && anchor.literals.length === 1
      ? suffixAfterLiteral(definition.regex, anchor.literals[0] ?? '')
      : null;
  return {
    triesStarts,
    literals: anchor.literals.map((l) => literalKey(Buffer.from(l, 'utf8'))),
    finder: null,
    finderSource: null,
    finderSticky: null,
    finderBytes: 0,
    before: anchor.before,
    probe,
    suffix: rest === null ? null : compileRe2(rest, definition.flags ?? {}, 'y'),
  };
}

interface RawMatch {
  pattern: CompiledPattern;
  /** Byte offsets of the secret in the current window. */
  start: number;
  end: number;
  secret: string;
}

/**
 * The text is cut into segments at line breaks where possible, and each segment is searched a little past its
 * end (the overlap) so matches crossing the cut are found; only matches that start inside the segment are kept.
 *
 * Per segment, one RE2.Set pass over every pattern says which can match at all (most segments: none). A pattern
 * with a required literal is then run only around the literal's occurrences. Patterns whose matches can be long
 * are located over the segment one by one. Short ones that hit together share one pass: a union of them finds
 * every place where any of them matches, and each is tried there (see locateTogether).
 */
class SegmentedScan implements TextScanStream {
  private carry: Buffer = Buffer.alloc(0);
  /**
   * The stream's own buffer that holds the carry, and a second one to build the next carry in. Reusing the pair saves allocating, page-faulting and copying a fresh buffer for
   * every piece: the unread tail and the new text are written once, into memory already touched.
   */
  private holding: Buffer | null = null;
  private spare: Buffer | null = null;
  /** Whether everything in the carry is ASCII, so byte offsets are character offsets. */
  private carryAscii = true;
  /** Bytes kept from before the carry, for context keywords that precede a match. */
  private lead: Buffer = Buffer.alloc(0);
  /** The carry's part under search: the current segment and its overlap. */
  private window: Buffer = Buffer.alloc(0);
  // Absolute byte position of carry[0].
  private byte = 0;
  /**
   * How far into the carry lines and characters are counted (`at`, a byte offset), and what they count there: the
   * UTF-16 offset, the line and where it starts. toFindings walks it to each finding, advance on to the cut.
   */
  private readonly cursor = { at: 0, char: 0, line: 1, lineStartChar: 0 };
  /** Per pattern, the absolute byte end of the last accepted match: a later overlapping hit is the same one. */
  private readonly lastEnd = new Map<number, number>();

  constructor(
    private readonly compiled: CompiledSet,
    private readonly channelId: string | undefined,
  ) {}

  push(text: string | Buffer): Finding[] {
    if (typeof text === 'string') {
      // Counting UTF-8 bytes is much cheaper than encoding; when there is one byte per character the text is
      // ASCII and a straight copy is its UTF-8 (measured: about 4× faster than encoding chat text).
      const bytes = Buffer.byteLength(text, 'utf8');
      const ascii = bytes === text.length;
      const target = this.nextCarry(bytes);
      const written = target.write(text, this.carry.length, ascii ? 'latin1' : 'utf8');
      // Never leave unwritten (uninitialised) bytes in the text under search.
      this.takeCarry(target.subarray(0, this.carry.length + written));
      this.carryAscii = this.carryAscii && ascii;
    } else {
      // Copied even when nothing is carried: the caller may reuse its Buffer once push returns.
      const target = this.nextCarry(text.length);
      text.copy(target, this.carry.length);
      this.takeCarry(target);
      this.carryAscii = false;
    }
    const findings: Finding[] = [];
    const { segmentBytes, overlapBytes } = this.compiled;
    while (this.carry.length >= segmentBytes + overlapBytes) {
      findings.push(...this.processSegment(this.cutPoint(), false));
    }
    return findings;
  }

  end(): Finding[] {
    const findings = this.carry.length > 0 ? this.processSegment(this.carry.length, true) : [];
    this.carry = Buffer.alloc(0);
    this.holding = null;
    this.spare = null;
    this.carryAscii = true;
    return findings;
  }

  /** A buffer of the carry's length plus `bytes`, starting with the carry. */
  private nextCarry(bytes: number): Buffer {
    const length = this.carry.length + bytes;
    let target = this.spare;
    if (!target || target.length < length) {
      // Some headroom, so pieces of slightly varying size keep reusing it.
      target = Buffer.allocUnsafeSlow(Math.ceil(length * 1.25));
    }
    this.carry.copy(target, 0);
    return target.subarray(0, length);
  }

  private takeCarry(target: Buffer): void {
    this.spare = this.holding;
    this.holding = Buffer.from(
      target.buffer,
      target.byteOffset,
      target.buffer.byteLength - target.byteOffset,
    );
    this.carry = target;
  }

  /** Where to end the next segment: after a newline, else after a space, never inside a UTF-8 sequence. */
  private cutPoint(): number {
    const target = this.compiled.segmentBytes;
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
      : this.carry.subarray(0, Math.min(this.carry.length, cut + this.compiled.overlapBytes));
    const limit = last ? window.length : cut;
    this.window = window;
    const raw = this.findMatches(window, limit);
    const findings = this.toFindings(raw, window);
    this.advance(cut);
    return findings;
  }

  private findMatches(window: Buffer, limit: number): RawMatch[] {
    const { patterns, blockBytes } = this.compiled;
    const { patterns: hits, blocks } = this.compiled.prefilter.scan(window);
    if (hits.length === 0) return [];
    const matches: RawMatch[] = [];
    if (window.length <= blockBytes + SHORT_MATCH_LIMIT) {
      // A small window: each pattern that hits runs over it, which costs less than building a union.
      for (const index of hits) {
        const pattern = patterns[index];
        if (!pattern) continue;
        if (pattern.anchor && window.length > blockBytes) {
          this.locateAroundAnchors(pattern, pattern.anchor, window, limit, matches);
        } else {
          this.locate(pattern, window, 0, 0, limit, matches);
        }
      }
      return matches;
    }
    const everywhere: number[] = [];
    let inBlocks = false;
    let views: Map<number, Array<[number, number]>> | null = null;
    for (const index of hits) {
      const pattern = patterns[index];
      if (!pattern) continue;
      switch (pattern.mode) {
        case 'anchors': {
          const anchor = pattern.anchor!;
          // A short match lies whole in the prefilter's view of a block that named it: its literal is looked for
          // there only, not over the whole window (a rare token's literals searched over every window that holds
          // one cost more than every other step of its search).
          const found =
            pattern.maxBytes <= SHORT_LIMIT
              ? literalsInViews(anchor, window, (views ??= viewsOf(blocks)).get(index) ?? [])
              : undefined;
          this.locateAroundAnchors(pattern, anchor, window, limit, matches, found);
          break;
        }
        case 'alone':
          this.locate(pattern, window, 0, 0, limit, matches);
          break;
        case 'everywhere':
          everywhere.push(index);
          break;
        default:
          inBlocks = true;
      }
    }
    if (inBlocks || everywhere.length > 0) {
      const step = this.compiled.prefilter.blockBytes;
      this.locateInBlocks(
        everywhere.length > 0 ? withEverywhere(blocks, everywhere, window.length, step) : blocks,
        window,
        limit,
        matches,
      );
    }
    return matches;
  }

  /**
   * The union pass: in each block, one union finds, in order, every place where any of the block's patterns
   * matches or any of its finder literals occurs. Each pattern is tried there (sticky), and kept when it starts at
   * or after the end of its previous match, which gives it the matches it would find running alone over the
   * window; each literal occurrence is noted, and those patterns are then run around theirs (locateAroundAnchors).
   *
   * A block's matches may start up to SHORT_LIMIT bytes before it: the search starts there, unless the block
   * before was searched to its end. A pattern is tried at places in blocks the prefilter did not name for it too:
   * what it finds there is a match of its own (the one it would find running alone), and the places are still
   * visited in order.
   */
  private locateInBlocks(blocks: readonly BlockHits[], window: Buffer, limit: number, out: RawMatch[]): void {
    const { patterns } = this.compiled;
    const freeFrom = new Map<number, number>();
    const occurrences = new Map<number, number[]>();
    // One union for every block, of every pattern any block names: fewer unions to compile and warm up than one
    // per combination of blocks' patterns; at a place where only another pattern matches, a pattern's sticky try
    // fails at once.
    const tried: CompiledPattern[] = [];
    const spelled: CompiledPattern[] = [];
    // Per member: where places to look for it end (a literal may sit `before` bytes into a match kept here).
    const until = new Map<number, number>();
    let reach = 0;
    for (const index of new Set(blocks.flatMap((b) => b.patterns))) {
      const pattern = patterns[index];
      if (!pattern || pattern.mode === 'anchors' || pattern.mode === 'alone') continue;
      const literal = isLiteralMember(pattern);
      (literal ? spelled : tried).push(pattern);
      until.set(index, limit + (literal ? (pattern.anchor?.before ?? 0) : 0));
      reach = Math.max(reach, pattern.unionReach);
    }
    if (tried.length + spelled.length === 0) return;
    tried.sort((a, b) => a.index - b.index);
    spelled.sort((a, b) => a.index - b.index);
    const union = this.compiled.union(tried, spelled);
    let cursor = 0;
    let previousEnd = -1;
    for (const block of blocks) {
      // A block past what this segment keeps: nothing of its own to look for.
      if (!block.patterns.some((index) => block.start - SHORT_LIMIT < (until.get(index) ?? -Infinity)))
        continue;
      // Where the block before was searched to its end, this one goes on from there.
      let from = previousEnd === block.start ? cursor : Math.max(0, block.start - SHORT_LIMIT);
      const viewEnd = Math.min(window.length, block.end + reach + BLOCK_LEAD);
      while (from < block.end) {
        const start = nextStart(union, window, from, viewEnd);
        if (start < 0 || start >= block.end) break;
        for (const pattern of tried) {
          if (start >= limit || start < (freeFrom.get(pattern.index) ?? 0)) continue;
          const spans = this.matchAt(pattern, window, start);
          if (!spans) continue;
          freeFrom.set(pattern.index, Math.max(spans.whole[1], start + 1));
          this.keep(pattern, spans, window, 0, out);
        }
        for (const pattern of spelled) {
          const anchor = pattern.anchor!;
          if (start >= limit + anchor.before || !this.matchesFrom(anchor.finderSticky!, window, start))
            continue;
          let list = occurrences.get(pattern.index);
          if (!list) occurrences.set(pattern.index, (list = []));
          list.push(start);
        }
        from = start + 1;
        while (from < window.length && ((window[from] ?? 0) & 0xc0) === 0x80) from += 1;
      }
      cursor = Math.max(from, block.end);
      previousEnd = block.end;
    }
    for (const [index, found] of occurrences) {
      const pattern = patterns[index]!;
      // Re-searched places may have noted an occurrence twice, or after a later one.
      const ordered = [...new Set(found)].sort((a, b) => a - b);
      this.locateAroundAnchors(pattern, pattern.anchor!, window, limit, out, ordered);
    }
  }

  /** The pattern's match starting exactly at `start`, if any. */
  private matchAt(pattern: CompiledPattern, view: Buffer, start: number): MatchSpans | null {
    const read = pattern.reader.at(view, start);
    if (read !== undefined) return read;
    const { sticky } = pattern;
    sticky.plain.lastIndex = start;
    const m = sticky.plain.exec(view);
    return m ? spansOf(m, pattern.secretGroup, sticky.withIndices, view) : null;
  }

  /**
   * Finds a pattern's matches by its required literal: every match contains the literal at most `before` bytes
   * after its start, so the pattern runs only on a short view around each occurrence. Occurrences are taken in
   * order and the search resumes after each match found, which gives the same matches as running the pattern over
   * the whole window.
   */
  private locateAroundAnchors(
    pattern: CompiledPattern,
    anchor: CompiledAnchor,
    window: Buffer,
    limit: number,
    out: RawMatch[],
    found?: readonly number[],
  ): void {
    const occurrences = found ?? anchorOccurrences(anchor, window, limit + anchor.before);
    const reach = pattern.maxBytes;
    let resume = 0;
    for (const at of occurrences) {
      if (at < resume) continue;
      const from = Math.max(at - anchor.before, resume);
      if (from >= limit) break;
      const viewStart = Math.max(0, from - BLOCK_LEAD);
      let spans: MatchSpans | null;
      if (anchor.triesStarts) {
        spans = this.tryStarts(
          pattern,
          window.subarray(viewStart),
          from - viewStart,
          Math.min(at, limit - 1) - viewStart,
        );
      } else {
        if (
          anchor.suffix &&
          !this.matchesFrom(anchor.suffix, window, at + (anchor.literals[0]?.literal.length ?? 0))
        ) {
          continue; // not this pattern's literal; resume stays, as a match may still hold it
        }
        const view = window.subarray(viewStart, Math.min(window.length, at + reach + 1));
        // Past a suffix check the pattern most likely matches: the probe would only add a call.
        if (anchor.probe && !anchor.suffix && !this.matchesFrom(anchor.probe, view, from - viewStart)) {
          resume = at + 1;
          continue;
        }
        spans = this.nextMatch(pattern, view, from - viewStart);
      }
      if (!spans || spans.whole[0] + viewStart > at) {
        resume = at + 1; // no match holds this occurrence
        continue;
      }
      const matchStart = spans.whole[0] + viewStart;
      resume = Math.max(spans.whole[1] + viewStart, matchStart + 1);
      if (matchStart >= limit) break;
      this.keep(pattern, spans, window.subarray(viewStart), viewStart, out);
    }
  }

  private matchesFrom(probe: RE2, view: Buffer, from: number): boolean {
    probe.lastIndex = from;
    return probe.test(view);
  }

  /** The pattern's leftmost match in `view` starting at or after `from`. */
  private nextMatch(pattern: CompiledPattern, view: Buffer, from: number): MatchSpans | null {
    const read = pattern.reader.next(view, from);
    if (read !== undefined) return read;
    const locator = pattern.locator.plain;
    locator.lastIndex = from;
    const m = locator.exec(view);
    return m ? spansOf(m, pattern.secretGroup, pattern.locator.withIndices, view) : null;
  }

  /** The match starting at the first position in [first, last] where the pattern matches. */
  private tryStarts(pattern: CompiledPattern, view: Buffer, first: number, last: number): MatchSpans | null {
    for (let start = first; start <= last; start += 1) {
      // Never start inside a UTF-8 sequence.
      if (((view[start] ?? 0) & 0xc0) === 0x80) continue;
      const spans = this.matchAt(pattern, view, start);
      if (spans) return spans;
    }
    return null;
  }

  /** Checks one match and keeps it when it is new and passes the pattern's filters. */
  private keep(
    pattern: CompiledPattern,
    spans: MatchSpans,
    view: Buffer,
    offset: number,
    out: RawMatch[],
  ): void {
    const span = spans.secret;
    if (!span) return;
    const start = span[0] + offset;
    const end = span[1] + offset;
    const previousEnd = this.lastEnd.get(pattern.index) ?? -1;
    if (this.byte + start < previousEnd) return;
    const secret = view.toString('utf8', span[0], span[1]);
    if (this.accepts(pattern, secret, start, end)) {
      out.push({ pattern, start, end, secret });
      this.lastEnd.set(pattern.index, this.byte + end);
    }
  }

  /**
   * Runs one pattern over `view` (which starts at byte `offset` of the window) and keeps matches that start
   * in [minStart, maxStart) of the view.
   */
  private locate(
    pattern: CompiledPattern,
    view: Buffer,
    offset: number,
    minStart: number,
    maxStart: number,
    out: RawMatch[],
  ): void {
    let from = minStart;
    while (from <= view.length) {
      const spans = this.nextMatch(pattern, view, from);
      if (!spans || spans.whole[0] >= maxStart) break;
      // Never loop on an empty match.
      from = spans.whole[1] === spans.whole[0] ? spans.whole[1] + 1 : spans.whole[1];
      this.keep(pattern, spans, view, offset, out);
    }
  }

  private accepts(pattern: CompiledPattern, secret: string, start: number, end: number): boolean {
    const d = pattern.definition;
    if (secret.length === 0) return false;
    if (!inChannelScope(d, this.channelId)) return false;
    if (pattern.allowValues.has(secret)) return false;
    if (pattern.allowRegex && pattern.allowRegex.test(secret)) return false;
    if (d.rejectPlaceholders && looksLikePlaceholder(secret)) return false;
    if (d.minEntropy !== undefined && shannonEntropy(secret) < d.minEntropy) return false;
    if (d.validator && !getValidator(d.validator)(secret)) return false;
    if (d.context?.required && !this.hasContext(pattern, start, end)) return false;
    return true;
  }

  /** Whether a context word stands within the pattern's window around [start, end) of the current window. */
  private hasContext(pattern: CompiledPattern, start: number, end: number): boolean {
    if (pattern.contextWords.length === 0) return false;
    // The window is counted in bytes, a close enough stand-in for characters in the scripts keywords use.
    const window = this.window;
    let text = window.toString(
      'utf8',
      Math.max(0, start - pattern.contextWindow),
      Math.min(window.length, end + pattern.contextWindow),
    );
    const missing = pattern.contextWindow - start;
    if (missing > 0 && this.lead.length > 0) {
      text = this.lead.toString('utf8', this.lead.length - Math.min(this.lead.length, missing)) + text;
    }
    const lower = text.toLowerCase();
    return pattern.contextWords.some((word) => containsWord(lower, word));
  }

  private toFindings(found: RawMatch[], window: Buffer): Finding[] {
    if (found.length === 0) return [];
    const raw = collapseOverlaps(found);
    const findings: Finding[] = [];
    // Walk forward once, converting byte offsets to UTF-16 offsets, lines and columns in order.
    const cursor = this.cursor;
    for (const match of raw) {
      this.walkTo(window, match.start);
      const { char, line, lineStartChar } = cursor;
      const d = match.pattern.definition;
      findings.push({
        patternId: d.id,
        patternName: d.name,
        severity: d.severity,
        action: d.action,
        confidence: this.confidence(match),
        start: char,
        end: char + match.secret.length,
        line,
        column: char - lineStartChar + 1,
        maskedMatch: maskSecret(match.secret, d.mask ?? 'token', d.keepPrefix ?? 0),
      });
    }
    return findings;
  }

  /** Moves the cursor to byte `to` of `view` (the carry's start), counting the lines and characters passed. */
  private walkTo(view: Buffer, to: number): void {
    const cursor = this.cursor;
    const from = cursor.at;
    const lines = to > from ? countNewlines(view, from, to) : 0;
    if (lines > 0) {
      cursor.line += lines;
      const lastNewline = view.lastIndexOf(0x0a, to - 1);
      cursor.lineStartChar = cursor.char + this.charLength(view, from, lastNewline + 1);
    }
    cursor.char += this.charLength(view, from, to);
    cursor.at = to;
  }

  private charLength(bytes: Buffer, from: number, to: number): number {
    if (to <= from) return 0;
    return this.carryAscii ? to - from : bytes.toString('utf8', from, to).length;
  }

  private confidence(match: RawMatch): number {
    const d = match.pattern.definition;
    const base = d.baseConfidence ?? (d.validator ? 0.9 : 0.7);
    const raised = Math.min(1, base + (1 - base) * 0.6);
    if (!d.context) return round(base);
    if (d.context.required) return round(raised);
    return round(this.hasContext(match.pattern, match.start, match.end) ? raised : base * 0.8);
  }

  /** Moves the cursor past the first `cut` bytes of the carry. */
  private advance(cut: number): void {
    const consumed = this.carry.subarray(0, cut);
    this.walkTo(consumed, cut);
    this.cursor.at = 0;
    this.byte += cut;
    this.lead = Buffer.from(consumed.subarray(Math.max(0, consumed.length - 1024)));
    this.carry = this.carry.subarray(cut);
  }
}

const ACTION_RANK: Record<string, number> = { LOG: 0, ALERT: 1, REDACT: 2, BLOCK: 3 };
const SEVERITY_RANK: Record<string, number> = { LOW: 0, MEDIUM: 1, HIGH: 2, CRITICAL: 3 };

/**
 * Which of two findings on the same text is kept: stricter action, then higher severity, then the admin's own
 * pattern over a built-in (it names the data the way the organisation does), then the specific one.
 */
function outranks(a: RawMatch, b: RawMatch): boolean {
  const da = a.pattern.definition;
  const db = b.pattern.definition;
  const byAction = (ACTION_RANK[da.action] ?? 0) - (ACTION_RANK[db.action] ?? 0);
  if (byAction !== 0) return byAction > 0;
  const bySeverity = (SEVERITY_RANK[da.severity] ?? 0) - (SEVERITY_RANK[db.severity] ?? 0);
  if (bySeverity !== 0) return bySeverity > 0;
  if (Boolean(da.builtin) !== Boolean(db.builtin)) return !da.builtin;
  const generic = (d: PatternDefinition): number => (d.category === 'generic' ? 1 : 0);
  if (generic(da) !== generic(db)) return generic(da) < generic(db);
  if (Boolean(da.validator) !== Boolean(db.validator)) return Boolean(da.validator);
  return a.end - a.start > b.end - b.start;
}

/**
 * One finding per leaked value: where patterns overlap on the same text (a service-account key is also a PKCS#8
 * key; `aws_secret_key = …` is also a generic assignment), the strictest, most specific one is kept. Sorted by
 * position.
 */
function collapseOverlaps(found: RawMatch[]): RawMatch[] {
  const sorted = [...found].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: RawMatch[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (last && match.start < last.end && last.pattern !== match.pattern) {
      if (outranks(match, last)) kept[kept.length - 1] = match;
      continue;
    }
    kept.push(match);
  }
  return kept;
}

/**
 * Whether `word` occurs in `text` as a word: not glued to letters or digits on a side where the word itself
 * starts or ends with one (so `rtn` is not found in "partner", while `ssn:` still matches "SSN: …").
 */
export function containsWord(text: string, word: string): boolean {
  // Character codes, not a regex per character: this runs for every finding of a pattern with context words.
  const checkBefore = isLowerAlnum(word.charCodeAt(0));
  const checkAfter = isLowerAlnum(word.charCodeAt(word.length - 1));
  let at = text.indexOf(word);
  while (at !== -1) {
    const freeBefore = !checkBefore || at === 0 || !isLowerAlnum(text.charCodeAt(at - 1));
    if (freeBefore && (!checkAfter || !isLowerAlnum(text.charCodeAt(at + word.length)))) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

/** [a-z0-9]; false for NaN (past either end of a string). */
function isLowerAlnum(code: number): boolean {
  return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a);
}

/**
 * Where the union's leftmost match at or after `from` (and before `viewEnd`) starts, or -1. `search` returns a
 * number where exec would build Buffers, but it ignores lastIndex: past the start, the search runs from the byte
 * before `from` for the union preceded by any one byte, so `\b` and `^` at `from` see what really precedes, and a
 * match there is found one byte early. The view ends where no match that starts in the block can reach, so a block
 * with nothing in it costs its own bytes, not the rest of the window's.
 */
function nextStart(union: Union, window: Buffer, from: number, viewEnd: number): number {
  if (from === 0) return union.anywhere.search(window.subarray(0, viewEnd));
  const at = union.afterByte.search(window.subarray(from - 1, viewEnd));
  return at === -1 ? -1 : from + at;
}

/** Whether the union finds the pattern's literal (then the pattern runs around it), not where it may start. */
function isLiteralMember(pattern: CompiledPattern): boolean {
  return pattern.mode === 'spelled' || (pattern.mode === 'everywhere' && pattern.anchor !== null);
}

/** Every block of the window, with `everywhere` added to the prefilter's blocks' own patterns. */
function withEverywhere(
  blocks: readonly BlockHits[],
  everywhere: number[],
  length: number,
  step: number,
): BlockHits[] {
  const own = new Map(blocks.map((b) => [b.start, b.patterns]));
  const all: BlockHits[] = [];
  for (let start = 0; start < length; start += step) {
    const patterns = [...new Set([...(own.get(start) ?? []), ...everywhere])].sort((a, b) => a - b);
    all.push({ start, end: Math.min(length, start + step), patterns });
  }
  return all;
}

/**
 * Per pattern, the prefilter's views of the blocks that named it (see BlockPrefilter), joined where they overlap:
 * a match at most SHORT_LIMIT bytes long lies whole in one of them.
 */
function viewsOf(blocks: readonly BlockHits[]): Map<number, Array<[number, number]>> {
  const views = new Map<number, Array<[number, number]>>();
  for (const block of blocks) {
    const start = Math.max(0, block.start - PREFILTER_LEAD);
    for (const index of block.patterns) {
      let list = views.get(index);
      if (!list) views.set(index, (list = []));
      const last = list[list.length - 1];
      if (last && last[1] >= start) last[1] = block.end;
      else list.push([start, block.end]);
    }
  }
  return views;
}

/**
 * Byte offsets, ascending, of the anchor's case-sensitive literals where they lie whole inside one of `views`.
 * An occurrence outside every view is inside no match, so leaving it out changes nothing (locateAroundAnchors
 * would find no match holding it, and no match before it holds a later one).
 */
function literalsInViews(
  anchor: CompiledAnchor,
  window: Buffer,
  views: ReadonlyArray<readonly [number, number]>,
): number[] {
  const found: number[] = [];
  for (const [start, end] of views) {
    const view = window.subarray(start, end);
    for (const literal of anchor.literals) pushOccurrences(literal, view, view.length, start, found);
  }
  return anchor.literals.length > 1 ? found.sort((a, b) => a - b) : found;
}

/** Byte offsets of the anchor's literals in window[0, end), ascending. */
function anchorOccurrences(anchor: CompiledAnchor, window: Buffer, end: number): number[] {
  const found: number[] = [];
  if (anchor.finder) {
    const finder = anchor.finder;
    finder.lastIndex = 0;
    let m = finder.exec(window);
    while (m && m.index < end) {
      found.push(m.index);
      finder.lastIndex = m.index + 1;
      m = finder.exec(window);
    }
    return found;
  }
  for (const literal of anchor.literals) pushOccurrences(literal, window, end, 0, found);
  return anchor.literals.length > 1 ? found.sort((a, b) => a - b) : found;
}

/**
 * A match's byte spans in `view`, read without the `d` flag, which doubles the cost of every exec that matches:
 * the whole match from its index and length, the secret group by finding its bytes inside the match. Only when
 * those bytes occur there more than once is the match run again, with indices (`exact`, the same regex with `d`),
 * from where it starts: same regex, same input, same start, so the same match.
 */
function spansOf(m: RE2BufferExecArray, group: number | string, exact: RE2, view: Buffer): MatchSpans | null {
  const match = m[0];
  if (!match) return null;
  const whole = [m.index, m.index + match.length] as const;
  if (group === 0) return { whole, secret: whole };
  // A Buffer's exec result holds each group's bytes at its number, like an array (the typings list only 0).
  const bytes =
    typeof group === 'number'
      ? (m as unknown as Record<number, Buffer | undefined>)[group]
      : m.groups?.[group];
  if (!bytes) return { whole, secret: null };
  const at = match.indexOf(bytes);
  if (at !== -1 && bytes.length > 0 && match.indexOf(bytes, at + 1) === -1) {
    return { whole, secret: [m.index + at, m.index + at + bytes.length] };
  }
  exact.lastIndex = m.index;
  const precise = exact.exec(view) as RE2BufferExecArray | null;
  const indices = precise?.indices;
  const span = typeof group === 'number' ? indices?.[group] : indices?.groups?.[group];
  return { whole, secret: span ? [span[0], span[1]] : null };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
